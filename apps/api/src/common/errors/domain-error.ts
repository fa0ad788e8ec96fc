// Domain exceptions carry a code and a user-facing message; the exception filter turns them into HTTP responses.
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'unauthorized'
  | 'too_many_requests'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'range_not_satisfiable';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  range_not_satisfiable: 416,
  too_many_requests: 429,
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
