// The response of the request being handled, reachable from services (for the request id in audit entries)
// without threading it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const storage = new AsyncLocalStorage<Response>();

export function requestContext(_req: Request, res: Response, next: NextFunction): void {
  storage.run(res, next);
}

/** The X-Request-Id of the current request (set by the request-id middleware), if there is one. */
export function currentRequestId(): string | null {
  const id = storage.getStore()?.getHeader('X-Request-Id');
  return typeof id === 'string' ? id : null;
}
