import type { DocumentSide, Light } from '@firstline/contracts';
import { contract } from '@/lib/api-client';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

export interface SpecimenImageUpload {
  specimenId: string;
  file: File;
  side: DocumentSide;
  light: Light;
  frame: number;
}

/** POST /specimens/:id/images (multipart) → 202 with the image, its asset queued for processing. */
export function uploadSpecimenImage(
  { specimenId, file, side, light, frame }: SpecimenImageUpload,
  options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
) {
  const form = new FormData();
  // Text fields first: the server reads them before the file streams in.
  form.append('side', side);
  form.append('light', light);
  form.append('frame', String(frame));
  form.append('file', file, file.name);
  return uploadWithProgress(`/specimens/${specimenId}/images`, form, {
    ...options,
    schema: contract((c) => c.SpecimenImageView),
  });
}
