// Whether an error means the database cannot be reached right now — stopped, restarting, a lost connection, a full
// pool — rather than a query that went wrong. The first is a 503 the client retries; the second stays a 500.
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Socket errors of a connection to the database (pg raises them as they come from Node). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's own: class 08 (connection exception), 57P01 admin shutdown (a fast or immediate stop), 57P02 crash
 * shutdown (another backend crashed), 57P03 cannot connect now (starting up or shutting down), 53300 too many
 * connections.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg and pg-pool say when a client's connection is gone or none could be had in time. */
const MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Query read timeout$/,
];

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True for errors of the database connection, whether raw from pg or wrapped by TypeORM (`driverError`). */
export function isDatabaseUnavailable(err: unknown): boolean {
  // TypeORM releases a transaction's query runner when its connection raises an error between two queries (a
  // shutdown's "terminating connection" arrives while the transaction's code runs); the next query then finds it
  // released (through the runner, or through its EntityManager). Our transactions release their runner only when
  // they end, so here it means the connection was lost.
  if (err instanceof QueryRunnerAlreadyReleasedError || err instanceof QueryRunnerProviderAlreadyReleasedError)
    return true;
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const code = codeOf(current);
    if (code && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) return true;
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    current = (current as { driverError?: unknown }).driverError;
  }
  return false;
}
