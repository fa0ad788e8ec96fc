// The request id: taken from X-Request-Id when the caller sends a sane one, otherwise a new UUID; set on the request
// and echoed in the response header. Mounted first (before the body parser, whose 400 and 413 must carry it too);
// the request logger reuses the same id, and the exception filter puts it in every error body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const SANE_ID = /^[\w.-]{1,64}$/;

/** The request's id, assigned once (idempotent: the logger calls it again for the same request). */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** Express middleware form of requestIdOf. */
export function requestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  requestIdOf(req, res);
  next();
}
