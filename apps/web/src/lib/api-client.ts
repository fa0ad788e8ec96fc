// The one place that talks HTTP to the FirstLine API: bearer token in memory, one shared refresh, typed errors.
import type { ErrorBody, LoginResponse } from '@firstline/contracts';
import type { z } from 'zod';

export const API_BASE = '/api';

/** The access token lives only in memory (never in storage); the refresh token is an httpOnly cookie. */
let accessToken: string | null = null;
export const tokenStore = {
  get: () => accessToken,
  set: (token: string | null) => {
    accessToken = token;
  },
};

/** An HTTP error answered by the API, with its `{statusCode, error, message, details?}` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;
  /** Seconds from a Retry-After header (429), if any. */
  readonly retryAfter: number | null;
  constructor(status: number, body: ErrorBody | null, retryAfter: number | null) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
  get details(): unknown {
    return this.body?.details;
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

type SessionExpiredHandler = () => void;
let sessionExpiredHandler: SessionExpiredHandler | null = null;
/** Called when a request got 401 and the refresh failed too: the app goes back to the login page. */
export function onSessionExpired(handler: SessionExpiredHandler | null) {
  sessionExpiredHandler = handler;
}

/**
 * Reads an error response's body as the contracts' `ErrorBody` schema would (null unless it has that shape, and
 * only its known keys), by hand: every screen, the sign-in page included, reads errors, and zod is too large to
 * download for this one check.
 */
export function parseErrorBody(value: unknown): ErrorBody | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { statusCode, error, message, details, requestId } = value as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isSafeInteger(statusCode)) return null;
  if (typeof error !== 'string' || typeof message !== 'string') return null;
  if (requestId !== undefined && typeof requestId !== 'string') return null;
  const body: ErrorBody = { statusCode, error, message };
  if ('details' in value) body.details = details;
  if ('requestId' in value) body.requestId = requestId;
  return body;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = parseErrorBody(await res.json());
  } catch {
    // not JSON: keep body null
  }
  const header = res.headers.get('Retry-After');
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : null;
  return new ApiError(res.status, body, seconds);
}

type ContractCheck = typeof import('./contract-check');

/** The contract schema a response is checked against; made by `contract`. */
export type ContractSchema<T> = (check: ContractCheck) => z.ZodType<T>;

/**
 * The contract schema of a response, picked once a check runs from the contracts and zod it is handed:
 * `contract((c) => c.AttemptView)`, `contract((c, z) => z.array(c.UnitView))`. Both are imported on demand
 * (contract-check.ts), so the screens of a production build carry neither. Checks run in development and tests,
 * and in a production build where local storage has `firstline.checkContracts` = '1' (the browser e2e run sets
 * it, to catch drift in the build that ships).
 */
export function contract<T>(
  pick: (contracts: ContractCheck['contracts'], zod: ContractCheck['z']) => z.ZodType<T>,
): ContractSchema<T> {
  return (check) => pick(check.contracts, check.z);
}

const CONTRACT_CHECKS_KEY = 'firstline.checkContracts';

function contractChecksOn(): boolean {
  if (import.meta.env.DEV) return true;
  try {
    return localStorage.getItem(CONTRACT_CHECKS_KEY) === '1';
  } catch {
    return false;
  }
}

let contractCheck: ContractCheck | null = null;
let contractCheckLoading: Promise<ContractCheck> | null = null;

/** Loads what checks need ahead of the first response (tests do, so a check never waits on a module load). */
export function loadContractChecks(): Promise<ContractCheck> {
  contractCheckLoading ??= import('./contract-check').then((check) => (contractCheck = check));
  return contractCheckLoading;
}

function parseOrWarn<T>(schema: ContractSchema<T>, loaded: ContractCheck, data: unknown, where: string): T {
  const parsed = schema(loaded).safeParse(data);
  if (parsed.success) return parsed.data;
  console.warn(`[api] response of ${where} does not match its contract`, parsed.error.issues);
  return data as T;
}

/**
 * Validates a response against its contract schema, where checks are on. A mismatch is reported loudly in the
 * console but the data is still used, so a small drift between API and web shows up in testing without blanking
 * a screen. Synchronous once the contracts are loaded.
 */
export function checkResponse<T>(schema: ContractSchema<T> | undefined, data: unknown, where: string): T | Promise<T> {
  if (!schema || !contractChecksOn()) return data as T;
  if (contractCheck) return parseOrWarn(schema, contractCheck, data, where);
  return loadContractChecks().then(
    (loaded) => parseOrWarn(schema, loaded, data, where),
    (err) => {
      console.warn(`[api] could not load the contracts to check ${where}`, err);
      contractCheckLoading = null;
      return data as T;
    },
  );
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }
}

let refreshInFlight: Promise<LoginResponse | null> | null = null;

/** The refresh boot.ts started before the app loaded, once (null if there was none or the network failed). */
function takeBootRefresh(): Promise<Response | null> | null {
  const boot = typeof window === 'undefined' ? undefined : window.__firstlineBoot;
  const refresh = boot?.refresh ?? null;
  if (boot) boot.refresh = null;
  return refresh;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request, because the API
 * rotates the cookie on every refresh and a second parallel refresh would present a spent cookie.
 * Resolves to null when there is no valid session.
 */
export function refreshSession(): Promise<LoginResponse | null> {
  refreshInFlight ??= (async () => {
    const res =
      (await takeBootRefresh()) ??
      (await send(`${API_BASE}/auth/refresh`, { method: 'POST', headers: { Accept: 'application/json' } }));
    if (res.status === 401 || res.status === 403) {
      accessToken = null;
      return null;
    }
    if (!res.ok) throw await toApiError(res);
    const session = await checkResponse(
      contract((c) => c.LoginResponse),
      await res.json(),
      'POST /auth/refresh',
    );
    accessToken = session.accessToken;
    return session;
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<T> {
  params?: QueryParams;
  body?: unknown;
  /** Contract schema the response is checked against: `contract((c) => c.Schema)`. */
  schema?: ContractSchema<T>;
  /** false for the auth endpoints themselves: a 401 there is an answer, not an expired token. */
  refreshOn401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export function buildUrl(path: string, params?: QueryParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const qs = query.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Sends a request with the bearer token; on a 401 refreshes the session once and repeats it. A failed refresh drops
 * the token and reports the expired session. Non-2xx answers are thrown as `ApiError`.
 */
export async function sendAuthorized(
  method: string,
  path: string,
  {
    params,
    refreshOn401 = true,
    signal,
    headers,
    body,
  }: Omit<RequestOptions<unknown>, 'schema' | 'body'> & {
    body?: BodyInit;
  },
): Promise<Response> {
  const attempt = () => {
    const token = accessToken;
    return send(buildUrl(path, params), {
      method,
      headers: token ? { ...headers, Authorization: `Bearer ${token}` } : headers,
      body,
      signal,
    });
  };

  let res = await attempt();
  if (res.status === 401 && refreshOn401) {
    const session = await refreshSession().catch(() => null);
    if (session) {
      res = await attempt();
    }
    if (res.status === 401) {
      accessToken = null;
      sessionExpiredHandler?.();
    }
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

export async function request<T = unknown>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { body, schema } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await sendAuthorized(method, path, { ...options, headers, body: payload });
  if (res.status === 204 || res.headers.get('Content-Length') === '0') return undefined as T;
  const text = await res.text();
  return checkResponse(schema, text ? JSON.parse(text) : undefined, `${method} ${path}`);
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions<T>, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions<T>) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions<T>) => request<T>('DELETE', path, options),
};
