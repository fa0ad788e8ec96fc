// Multipart upload with progress. fetch() cannot report upload progress, so this one helper uses XMLHttpRequest,
// with the same bearer token, one refresh on 401 and the same ApiError / NetworkError as the api client.
import type { ErrorBody } from '@firstline/contracts';
import {
  API_BASE,
  ApiError,
  checkResponse,
  NetworkError,
  parseErrorBody,
  refreshSession,
  tokenStore,
  type ContractSchema,
} from './api-client';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100, rounded down; 100 only once every byte has been sent. */
  percent: number;
}

export interface UploadOptions<T> {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** As the api client's `schema`: `contract((c) => c.Schema)`. */
  schema?: ContractSchema<T>;
}

function parseError(xhr: XMLHttpRequest): ApiError {
  let body: ErrorBody | null = null;
  try {
    body = parseErrorBody(JSON.parse(xhr.responseText));
  } catch {
    // not JSON
  }
  const header = xhr.getResponseHeader('Retry-After');
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
  return new ApiError(xhr.status, body, seconds);
}

function sendOnce(
  path: string,
  form: FormData,
  onProgress: UploadOptions<unknown>['onProgress'],
  signal?: AbortSignal,
) {
  return new Promise<XMLHttpRequest>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Upload aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable || !onProgress) return;
      onProgress({ loaded: e.loaded, total: e.total, percent: e.total ? Math.floor((e.loaded / e.total) * 100) : 0 });
    };
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      resolve(xhr);
    };
    xhr.onerror = () => {
      done();
      reject(new NetworkError());
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Upload aborted', 'AbortError'));
    };
    xhr.send(form);
  });
}

/** POSTs `form` to `path` (under /api), reporting upload progress; resolves to the parsed JSON answer. */
export async function uploadWithProgress<T = unknown>(
  path: string,
  form: FormData,
  options: UploadOptions<T> = {},
): Promise<T> {
  const { onProgress, signal, schema } = options;
  let xhr = await sendOnce(path, form, onProgress, signal);
  if (xhr.status === 401) {
    const session = await refreshSession().catch(() => null);
    if (session) xhr = await sendOnce(path, form, onProgress, signal);
  }
  if (xhr.status < 200 || xhr.status >= 300) throw parseError(xhr);
  const data: unknown = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
  return checkResponse(schema, data, `POST ${path}`);
}
