// API answers are kept by no browser or proxy cache: they carry tokens (RFC 6749 §5.1: a response holding tokens or
// credentials must be sent with `Cache-Control: no-store`) and personal data (officers' names, scores and attempts,
// which a shared desk computer's disk cache would otherwise keep; OWASP ASVS 4.0.3, 8.2.1). A route that serves a file
// sets its own policy over this default: signed media `private, max-age`.
import type { NextFunction, Request, Response } from 'express';

/** /api and everything under it belongs to Nest. */
export const isApiPath = (p: string) => p === '/api' || p.startsWith('/api/');

const API_CACHE_CONTROL = 'no-store';

export function apiNoStore(req: Request, res: Response, next: NextFunction): void {
  if (isApiPath(req.path)) res.setHeader('Cache-Control', API_CACHE_CONTROL);
  next();
}
