// Compression for every text response, tuned to what is compressed. The API's JSON is produced anew on every call,
// so it is compressed at the fastest settings: zlib's level 1 (as nginx's gzip by default) and, for browsers, which
// prefer Brotli, Brotli's quality 1 — faster than either gzip level and smaller than both on report JSON.
//
// An API answer that Express sends whole (`res.json`: the body handed to `res.end` at once, as every JSON answer is)
// is compressed in one piece and written in one go: in the request's own turn when it is small (an exam item, 26 KB,
// takes about 0.25 ms), where `compression`'s zlib stream took two trips through libuv's thread pool and back to the
// event loop, each waking a thread — which cost the API more CPU than the compression itself; on the thread pool in
// one pass when it is large (a 500-officer cohort report is 400 KB, a 10,000-officer unit 1.5 MB), so the event loop
// goes on serving meanwhile. Streamed answers (written piece by piece) and the web app's files go through
// `compression`: the reports' in chunks of 256 KB (one pass through the thread pool instead of one per zlib's default
// 16 KB of output), other API answers in the default; the web app's files, the same on every request and cached for a
// year by the browser, at zlib's and Brotli's defaults.
import type { ServerResponse } from 'node:http';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import compression, { type CompressionOptions } from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import Negotiator from 'negotiator';

/** zlib level for /api responses: 1 takes about 40 % less CPU than the default 6, for about 9 % more bytes of JSON. */
export const API_COMPRESSION_LEVEL = 1;
/** Brotli quality for /api responses: on a cohort report 1.6 ms against 3.7 at the middleware's default 4. */
export const API_BROTLI_QUALITY = 1;
/** Output chunk of the reports' compression streams (zlib's default is 16 KB). */
export const REPORT_CHUNK_BYTES = 256 * 1024;
/** A whole JSON body up to this size is compressed in the request's own turn; a larger one on the thread pool. */
export const INLINE_COMPRESSION_BYTES = 64 * 1024;
/** Bodies smaller than this are sent as they are (`compression`'s default threshold). */
const THRESHOLD_BYTES = 1024;

const API: CompressionOptions = {
  level: API_COMPRESSION_LEVEL,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY } },
};

export function responseCompression(): RequestHandler {
  const reports = compression({
    ...API,
    chunkSize: REPORT_CHUNK_BYTES,
    brotli: { ...API.brotli, chunkSize: REPORT_CHUNK_BYTES },
  });
  const api = compression(API);
  const files = compression();
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return files(req, res, next);
    (req.path.startsWith('/api/reports/') ? reports : api)(req, res, () => {
      wholeJson(req, res);
      next();
    });
  };
}

/** `res.end` in any of its forms: (), (cb), (chunk, cb), (chunk, encoding, cb). */
type End = (this: ServerResponse, ...args: unknown[]) => ServerResponse;

/**
 * Takes over `res.end` (on top of `compression`'s) for a JSON body handed over whole: compresses it as negotiated and
 * hands the compressed bytes on, marked with their encoding, which `compression` then leaves alone. Anything else —
 * a body already being written piece by piece, a HEAD, an empty or small body, another type, `no-transform` — goes on
 * to `compression` untouched.
 */
function wholeJson(req: Request, res: Response): void {
  const end = res.end as unknown as End;
  const write = res.write;
  const restore = () => {
    res.end = end as unknown as Response['end'];
    res.write = write;
  };
  res.write = ((...args: Parameters<typeof write>) => {
    restore();
    return write.apply(res, args);
  }) as typeof write;
  res.end = function wholeEnd(this: Response, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    restore();
    const body = compressibleBody(req, res, chunk, encoding);
    const method = body && negotiated(req);
    if (!body || !method) return end.call(this, chunk, encoding, cb);
    const done = typeof encoding === 'function' ? (encoding as () => void) : (cb as (() => void) | undefined);
    const send = (compressed: Buffer) => {
      res.setHeader('Content-Encoding', method);
      res.setHeader('Content-Length', compressed.length);
      res.vary('Accept-Encoding');
      end.call(res, compressed, done);
    };
    const options = method === 'br' ? API.brotli! : API;
    if (body.length <= INLINE_COMPRESSION_BYTES) {
      send(method === 'br' ? brotliCompressSync(body, options) : gzipSync(body, options as ZlibOptions));
      return this;
    }
    const compressed = (err: Error | null, out: Buffer) => {
      if (res.destroyed) return;
      // zlib does not fail on bytes in memory; should it, the body goes out as it is
      if (err) end.call(res, body, done);
      else send(out);
    };
    if (method === 'br') brotliCompress(body, options, compressed);
    else gzip(body, options as ZlibOptions, compressed);
    return this;
  } as unknown as Response['end'];
}

/** The body as bytes when it is JSON worth compressing and nothing has been sent yet; otherwise null. */
function compressibleBody(req: Request, res: Response, chunk: unknown, encoding: unknown): Buffer | null {
  if (res.headersSent || req.method === 'HEAD' || res.getHeader('Content-Encoding')) return null;
  if (!/^application\/json\b/i.test(String(res.getHeader('Content-Type') ?? ''))) return null;
  if (/\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? ''))) return null;
  const body =
    typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.isBuffer(chunk)
        ? chunk
        : null;
  return body && body.length >= THRESHOLD_BYTES ? body : null;
}

/** 'br' or 'gzip' as `compression` negotiates them (Brotli preferred where the client rates both alike), or null. */
function negotiated(req: Request): 'br' | 'gzip' | null {
  const method = new Negotiator(req).encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip'] });
  return method === 'br' || method === 'gzip' ? method : null;
}
