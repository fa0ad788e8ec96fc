// One error shape for every response: {statusCode, error, message, details?, requestId}. 5xx never carry internals.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { QueryFailedError } from 'typeorm';
import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { DomainError } from '../errors/domain-error';

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client is told to wait before retrying while the database is unreachable (a restart takes a few). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export interface ErrorPayload {
  statusCode: number;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

/** Maps anything thrown to a status, a message safe to show, and details. */
export function toErrorPayload(exception: unknown): ErrorPayload {
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.status,
      message: exception.message,
      details: exception.details,
      headers: exception.headers,
    };
  }
  if (exception instanceof ZodValidationException) {
    const issues = zodDetails(exception.getZodError() as ZodError);
    const first = issues[0];
    const message = first
      ? `Invalid request: ${first.path ? `${first.path}: ` : ''}${first.message}`
      : 'Invalid request';
    return { statusCode: 400, message, details: { issues } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    let message = exception.message;
    if (typeof body === 'object' && body && 'message' in body) {
      const bodyMessage = (body as { message: unknown }).message;
      message = Array.isArray(bodyMessage) ? bodyMessage.join('; ') : String(bodyMessage);
    }
    return { statusCode: status, message };
  }
  // Other errors from Express middleware that carry a 4xx status (body-parser errors are translated in app.factory).
  const error = exception as { status?: number; statusCode?: number; message?: string; code?: string };
  const status = error?.status ?? error?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { statusCode: status, message: error.message ?? REASON[status] ?? 'Bad request' };
  // Multer limits (CSV and image uploads).
  if (error?.code === 'LIMIT_FILE_SIZE') return { statusCode: 413, message: 'Uploaded file is too large' };
  if (typeof error?.code === 'string' && error.code.startsWith('LIMIT_'))
    return { statusCode: 400, message: `Upload rejected: ${error.message}` };
  // The database is down, restarting or its connection was lost. Whether a commit in flight went through is unknown,
  // so the request is to be sent again as it was (an answer with the same Idempotency-Key is stored once).
  if (isDatabaseUnavailable(exception))
    return {
      statusCode: 503,
      message: 'The database is not reachable at the moment; try again in a few seconds',
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as unknown as { code?: string }).code;
    if (pgCode === '23505') return { statusCode: 409, message: 'A record with the same unique value already exists' };
    if (pgCode === '23503') return { statusCode: 409, message: 'The record is still referenced by other records' };
    if (pgCode === '22P02') return { statusCode: 400, message: 'Malformed identifier' };
  }
  return { statusCode: 500, message: 'Internal server error' };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const payload = toErrorPayload(exception);
    if (payload.statusCode === 503 && isDatabaseUnavailable(exception)) {
      // Expected while the database restarts, and once per request: one line without a stack.
      const { code, message } = exception as { code?: string; message?: string };
      this.logger.warn(
        { code, reason: message, requestId: req.id },
        `Database unavailable on ${req.method} ${req.originalUrl}`,
      );
    } else if (payload.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: req.id }, `Unhandled error on ${req.method} ${req.originalUrl}`);
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(payload.headers ?? {})) res.setHeader(name, value);
    res.status(payload.statusCode).json({
      statusCode: payload.statusCode,
      error: REASON[payload.statusCode] ?? HttpStatus[payload.statusCode] ?? 'Error',
      message: payload.message,
      ...(payload.details !== undefined ? { details: payload.details } : {}),
      ...(req.id ? { requestId: String(req.id) } : {}),
    });
  }
}
