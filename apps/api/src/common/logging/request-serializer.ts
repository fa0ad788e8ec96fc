// What a request log line says about the request: its id, method, URL, the caller's address and browser — and no
// other header. pino-http binds the request to a child logger for every request, logged or not, and pino serialises
// the bindings right then: its standard serializer copied every header and the redaction then masked the bearer
// token and the cookies, on every request of an exam day (about 2.5 % of the API's CPU under the exam benchmark's
// load, and 3.5 % of its allocations). Naming the fields keeps the tokens out by construction.
//
// About the response: its status and length, and no header at all. pino's standard serializer copied every one into
// every line — the Content-Security-Policy, HSTS and the rest, the same on every answer — and the refresh cookie,
// which only a redaction kept out.

/** The request as pino-http hands it to a custom serializer: already mapped by pino's standard one (no copy). */
export interface MappedRequest {
  id?: unknown;
  method?: string;
  /** The original URL (before Express's routers rewrote it). */
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
  remoteAddress?: string;
}

export interface LoggedRequest {
  id: unknown;
  method: string | undefined;
  url: string | undefined;
  remoteAddress: string | undefined;
  userAgent: string | string[] | undefined;
}

export function loggedRequest(req: MappedRequest): LoggedRequest {
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    userAgent: req.headers?.['user-agent'],
  };
}

/** The response as pino-http hands it to a custom serializer: already mapped by pino's standard one. */
export interface MappedResponse {
  statusCode?: number | null;
  headers?: Record<string, number | string | string[] | undefined>;
}

export interface LoggedResponse {
  statusCode: number | null | undefined;
  /** Bytes sent (compressed, where compressed); absent for a streamed answer. */
  contentLength: number | undefined;
}

export function loggedResponse(res: MappedResponse): LoggedResponse {
  const length = res.headers?.['content-length'];
  return { statusCode: res.statusCode, contentLength: length === undefined ? undefined : Number(length) };
}
