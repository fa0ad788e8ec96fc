import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
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

describe('toErrorPayload for a database that cannot be reached', () => {
  const unavailable = {
    statusCode: 503,
    message: 'The database is not reachable at the moment; try again in a few seconds',
    headers: { 'Retry-After': '5' },
  };
  const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['a fast or immediate shutdown (57P01)', pgError('terminating connection due to administrator command', '57P01')],
    [
      'a crash of another backend (57P02)',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['a server starting or stopping (57P03)', pgError('the database system is shutting down', '57P03')],
    ['a connection exception (class 08)', pgError('connection failure', '08006')],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    ['a connection lost mid-query', pgError('Connection terminated unexpectedly')],
    ['a pool that found no connection in time', pgError('timeout exceeded when trying to connect')],
    ['a client whose connection failed', pgError('Client has encountered a connection error and is not queryable')],
  ])('answers 503 with Retry-After for %s', (_, err) => {
    expect(toErrorPayload(err)).toEqual(unavailable);
  });

  it('sees through TypeORM’s QueryFailedError to the driver’s error', () => {
    const wrapped = new QueryFailedError(
      'SELECT 1',
      [],
      pgError('terminating connection due to administrator command', '57P01'),
    );
    expect(toErrorPayload(wrapped)).toEqual(unavailable);
  });

  it('takes a transaction whose connection was lost between two queries for the same', () => {
    expect(toErrorPayload(new QueryRunnerAlreadyReleasedError())).toEqual(unavailable);
    expect(toErrorPayload(new QueryRunnerProviderAlreadyReleasedError())).toEqual(unavailable);
  });

  it('keeps other database errors a 500 without internals', () => {
    const syntax = Object.assign(
      new QueryFailedError('SELEC 1', [], pgError('syntax error at or near "SELEC"', '42601')),
      {
        code: '42601',
      },
    );
    expect(toErrorPayload(syntax)).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(toErrorPayload(pgError('deadlock detected', '40P01'))).toEqual({
      statusCode: 500,
      message: 'Internal server error',
    });
  });
});
