// POST /media/uploads (multipart) → 202 with the asset queued for processing; GET /media/:id follows it.
import type { DocumentSide, Light } from '@firstline/contracts';
import { contract } from '@/lib/api-client';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

export interface MediaUpload {
  file: File;
  /** A document photograph's side and light; a traveller's portrait has neither. */
  side?: DocumentSide;
  light?: Light;
  /** One document side of one upload session: its lights are processed to the same size. */
  group?: string;
}

export function uploadMedia(
  { file, side, light, group }: MediaUpload,
  options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
) {
  const form = new FormData();
  // Text fields first: the server reads them before the file streams in.
  if (side) form.append('side', side);
  if (light) form.append('light', light);
  if (group) form.append('group', group);
  form.append('file', file, file.name);
  return uploadWithProgress('/media/uploads', form, { ...options, schema: contract((c) => c.MediaAssetView) });
}
