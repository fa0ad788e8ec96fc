// CSV and PDF exports: fetched with the session's token (a plain link could not send it) and saved from a Blob.
// Every export route takes the report's filters; the API writes each one to the audit log.
import { useMutation } from '@tanstack/react-query';
import type { QueryParams } from '@/lib/api-client';
import { getFile } from '@/lib/file-download';
import { saveFile } from '../lib/save-file';

export interface ExportRequest {
  /** API path, e.g. `/reports/cohorts/:id/officers.csv`. */
  path: string;
  params: QueryParams;
  /** Used when the response names no file. */
  fallbackName: string;
}

export async function downloadExport({ path, params, fallbackName }: ExportRequest): Promise<string> {
  const file = await getFile(path, { params });
  const name = file.filename ?? fallbackName;
  saveFile(file.blob, name);
  return name;
}

export const useDownloadExport = () => useMutation({ mutationFn: downloadExport });
