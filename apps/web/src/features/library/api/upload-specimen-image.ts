import type { DocumentSide, Light } from '@firstline/contracts';
import { contract } from '@/lib/api-client';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';

/** Largest image the API accepts by default (UPLOAD_MAX_BYTES); the server's own limit is the authority. */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/tiff', 'image/webp'];

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
