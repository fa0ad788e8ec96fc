import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { toErrorPayload } from './http-exception.filter';

describe('toErrorPayload', () => {
  it('never exposes an unexpected error’s message or stack', () => {
    const p = toErrorPayload(new Error('connection to 10.0.0.5 failed at /srv/app/x.js:12'));
    expect(p).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it('maps domain errors to their status with message, details and headers', () => {
    expect(
      toErrorPayload(new DomainError('too_many_requests', 'slow down', undefined, { 'Retry-After': '60' })),
    ).toEqual({
      statusCode: 429,
      message: 'slow down',
      details: undefined,
      headers: { 'Retry-After': '60' },
    });
    expect(toErrorPayload(new DomainError('conflict', 'taken')).statusCode).toBe(409);
  });

  it('keeps the status and message of HTTP exceptions', () => {
    expect(toErrorPayload(new BadRequestException('Missing file'))).toEqual({
      statusCode: 400,
      message: 'Missing file',
    });
    expect(toErrorPayload(new NotFoundException('Cannot GET /api/x'))).toEqual({
      statusCode: 404,
      message: 'Cannot GET /api/x',
    });
  });

  it('turns unique and foreign-key violations into 409 without SQL', () => {
    const unique = Object.assign(
      new QueryFailedError('INSERT …', [], new Error('duplicate key value violates unique constraint "x"')),
      { code: '23505' },
    );
    expect(toErrorPayload(unique)).toEqual({
      statusCode: 409,
      message: 'A record with the same unique value already exists',
    });
  });

  it('maps upload limits to 413', () => {
    expect(toErrorPayload(Object.assign(new Error('File too large'), { code: 'LIMIT_FILE_SIZE' })).statusCode).toBe(
      413,
    );
  });
});
