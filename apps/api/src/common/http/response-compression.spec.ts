import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib, { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import express from 'express';
import {
  API_BROTLI_QUALITY,
  INLINE_COMPRESSION_BYTES,
  REPORT_CHUNK_BYTES,
  responseCompression,
} from './response-compression';

// A gzip member's XFL byte (RFC 1952 §2.3.1, offset 8) says how hard zlib compressed: 4 for its fastest level, 0 for
// the levels between fastest and best.
const XFL = 8;

/** JSON like a report's: 20,000 officers with rates, about 1 MB, 300 KB gzipped — many of zlib's 16 KB chunks. */
const body = JSON.stringify(
  Array.from({ length: 20_000 }, (_, i) => ({ officer: `Officer ${i}`, hitRate: Math.sin(i) ** 2 })),
);

/** An exam item's size: compressed in the request's own turn. */
const item = body.slice(0, 26_000);
const small = JSON.stringify({ ok: true });

/** Sends `text` as JSON in pieces of 64 KB, as a streamed answer does. */
function streamed(res: express.Response, text: string): void {
  res.type('json');
  for (let i = 0; i < text.length; i += 65_536) res.write(text.slice(i, i + 65_536));
  res.end();
}

/** The app, and how many writes each request's body took (counted beneath the compression; an end with data counts). */
function app() {
  const writes: number[] = [];
  const a = express();
  a.use((_req, res, next) => {
    const i = writes.push(0) - 1;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
    res.write = ((...args: unknown[]) => {
      writes[i]++;
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      if (args[0] && typeof args[0] !== 'function') writes[i]++;
      return end(...args);
    }) as typeof res.end;
    next();
  });
  a.use(responseCompression());
  for (const path of ['/api/attempts/1', '/api/reports/cohorts/1/officers'])
    a.get(path, (_req, res) => res.type('json').send(body));
  a.get('/api/attempts/1/items/1', (_req, res) => res.type('json').send(item));
  a.get('/api/auth/me', (_req, res) => res.type('json').send(small));
  a.get('/api/streamed', (_req, res) => streamed(res, body));
  a.get('/api/reports/streamed', (_req, res) => streamed(res, body));
  a.get('/api/no-transform', (_req, res) => res.set('Cache-Control', 'no-transform').type('json').send(item));
  a.get('/assets/app.js', (_req, res) => res.type('js').send(body));
  return { a, writes };
}

/** The raw bytes and headers of a GET that accepts `encoding` (no client-side decompression). */
function fetchRaw(
  path: string,
  encoding = 'gzip',
  method = 'GET',
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; writes: number }> {
  const { a, writes } = app();
  const server = a.listen(0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      http
        .request({ host: '127.0.0.1', port, path, method, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            server.close(() => resolve({ headers: res.headers, body: Buffer.concat(chunks), writes: writes[0] })),
          );
        })
        .on('error', reject)
        .end();
    });
  });
}

describe('responseCompression', () => {
  it('gzips API JSON at the fastest level, and it decompresses to the same text', async () => {
    const res = await fetchRaw('/api/attempts/1');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body[XFL]).toBe(4);
    expect(gunzipSync(res.body).toString()).toBe(body);
  });

  it("gzips the web app's files at zlib's default level", async () => {
    const res = await fetchRaw('/assets/app.js');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body[XFL]).toBe(0);
    expect(gunzipSync(res.body).toString()).toBe(body);
  });

  it('gives browsers, which prefer Brotli, API JSON at quality 1', async () => {
    const res = await fetchRaw('/api/attempts/1', 'gzip, deflate, br, zstd');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(body);
    const atQuality = (q: number) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: q } });
    expect(API_BROTLI_QUALITY).toBe(1);
    // Brotli's output is a function of its input and settings: the same bytes as quality 1 gives, unlike the default 4.
    expect(res.body.equals(atQuality(1))).toBe(true);
    expect(res.body.equals(atQuality(4))).toBe(false);
  });

  it('compresses a whole JSON answer in one piece: a small one in its own turn, a large one on the thread pool', async () => {
    const inline = jest.spyOn(zlib, 'brotliCompressSync');
    const pooled = jest.spyOn(zlib, 'brotliCompress');
    try {
      expect(item.length).toBeLessThanOrEqual(INLINE_COMPRESSION_BYTES);
      const res = await fetchRaw('/api/attempts/1/items/1', 'gzip, deflate, br, zstd');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(brotliDecompressSync(res.body).toString()).toBe(item);
      expect(res.writes).toBe(1);
      expect([inline.mock.calls.length, pooled.mock.calls.length]).toEqual([1, 0]);

      for (const path of ['/api/attempts/1', '/api/reports/cohorts/1/officers']) {
        const large = await fetchRaw(path, 'br');
        expect(brotliDecompressSync(large.body).toString()).toBe(body);
        expect(Number(large.headers['content-length'])).toBe(large.body.length);
        expect(large.writes).toBe(1);
      }
      expect([inline.mock.calls.length, pooled.mock.calls.length]).toEqual([1, 2]);
    } finally {
      inline.mockRestore();
      pooled.mockRestore();
    }
  });

  it('leaves small answers, HEAD, no-transform and clients that take no compression as they are', async () => {
    const tiny = await fetchRaw('/api/auth/me', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe(small);
    const identity = await fetchRaw('/api/attempts/1/items/1', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.body.toString()).toBe(item);
    const head = await fetchRaw('/api/attempts/1/items/1', 'br', 'HEAD');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
    const kept = await fetchRaw('/api/no-transform', 'br');
    expect(kept.headers['content-encoding']).toBeUndefined();
    expect(kept.body.toString()).toBe(item);
  });

  it("streams a report's answer written in pieces in 256 KB chunks, other API answers in zlib's 16 KB", async () => {
    const report = await fetchRaw('/api/reports/streamed');
    const other = await fetchRaw('/api/streamed');
    expect(report.body.equals(other.body)).toBe(true);
    expect(gunzipSync(report.body).toString()).toBe(body);
    expect(report.body.length).toBeGreaterThan(16 * 1024 * 4);
    // zlib emits a chunk whenever its output buffer fills, at most one for what a piece written adds below that, and
    // what is left when the body ends.
    const pieces = Math.ceil(body.length / 65_536);
    const chunks = (length: number, size: number) => Math.floor(length / size) + 1;
    expect(REPORT_CHUNK_BYTES).toBe(256 * 1024);
    expect(report.writes).toBeLessThanOrEqual(pieces + chunks(report.body.length, REPORT_CHUNK_BYTES));
    expect(other.writes).toBeGreaterThanOrEqual(chunks(other.body.length, 16 * 1024));
    expect(other.writes).toBeGreaterThan(pieces + chunks(report.body.length, REPORT_CHUNK_BYTES));
    for (const encoding of ['gzip', 'br']) {
      const res = await fetchRaw('/api/reports/streamed', encoding);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.writes).toBeLessThanOrEqual(pieces + chunks(res.body.length, REPORT_CHUNK_BYTES));
    }
  });
});
