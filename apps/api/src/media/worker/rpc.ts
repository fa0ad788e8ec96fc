// The image worker's wire format, shared by both ends of its IPC channel (structured clone: plain data, typed arrays,
// Dates and Maps travel as they are). Functions cannot be cloned: each one in a call's arguments travels as a numbered
// reference, and the worker calls it back through the channel. Errors travel as their name, message and, for a
// DomainError, its code, so a 4xx raised in the worker is the same 4xx in the API.
import { DomainError, type DomainErrorCode } from '../../common/errors/domain-error';

type Callback = (...args: never[]) => unknown;

/** The environment variable that carries SHARP_CONCURRENCY to the worker. */
export const WORKER_SHARP_CONCURRENCY = 'IMAGE_WORKER_SHARP_CONCURRENCY';

/** Parent → worker. */
export type WorkerRequest =
  | { kind: 'call'; id: number; task: string; args: unknown[] }
  | { kind: 'returned'; id: number; callId: number; value?: unknown; error?: WireError };

/** Worker → parent. */
export type WorkerReply =
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'failed'; id: number; error: WireError }
  | { kind: 'callback'; id: number; callId: number; ref: number; args: unknown[] };

export interface WireError {
  name: string;
  message: string;
  code?: DomainErrorCode;
}

const REF = '__imageWorkerCallback';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `value` with every function (in arrays and plain objects, at any depth) replaced by a reference into `into`. */
export function encodeCallbacks(value: unknown, into: Callback[]): unknown {
  if (typeof value === 'function') {
    into.push(value as Callback);
    return { [REF]: into.length - 1 };
  }
  if (Array.isArray(value)) return value.map((v) => encodeCallbacks(v, into));
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeCallbacks(v, into)]));
  return value;
}

/** `value` with every reference replaced by a function that calls `call(ref, args)`. */
export function decodeCallbacks(value: unknown, call: (ref: number, args: unknown[]) => Promise<unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeCallbacks(v, call));
  if (isPlainObject(value)) {
    const ref = value[REF];
    if (typeof ref === 'number' && Object.keys(value).length === 1) return (...args: unknown[]) => call(ref, args);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeCallbacks(v, call)]));
  }
  return value;
}

export function toWire(err: unknown): WireError {
  if (err instanceof DomainError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

export function fromWire(wire: WireError): Error {
  if (wire.code) return new DomainError(wire.code, wire.message);
  const err = new Error(wire.message);
  err.name = wire.name;
  return err;
}
