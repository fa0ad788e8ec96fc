// Files from the API (CSV and PDF exports): fetched with the session's token — a plain link could not send it — and
// handed over as a Blob with the name the server suggested. Kept apart from api-client.ts so the screens that never
// download a file do not carry it.
import { sendAuthorized, type RequestOptions } from './api-client';

/** A file the API answered with (a CSV or PDF export), and the name it suggested for it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}

/** `filename*=UTF-8''…` (RFC 6266) wins over a plain `filename="…"`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}

/** GETs a file with the session's token (a plain link could not send it); errors as `request` throws them. */
export async function getFile(
  path: string,
  options: Pick<RequestOptions<unknown>, 'params' | 'signal'> & { accept?: string } = {},
): Promise<DownloadedFile> {
  const res = await sendAuthorized('GET', path, {
    ...options,
    headers: { Accept: options.accept ?? '*/*' },
  });
  return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('Content-Disposition')) };
}
