import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import express from 'express';
import { API_BROTLI_QUALITY, REPORT_CHUNK_BYTES, responseCompression } from './response-compression';

// A gzip member's XFL byte (RFC 1952 §2.3.1, offset 8) says how hard zlib compressed: 4 for its fastest level, 0 for
// the levels between fastest and best.
const XFL = 8;

/** JSON like a report's: 20,000 officers with rates, about 1 MB, 300 KB gzipped — many of zlib's 16 KB chunks. */
const body = JSON.stringify(
  Array.from({ length: 20_000 }, (_, i) => ({ officer: `Officer ${i}`, hitRate: Math.sin(i) ** 2 })),
);

/** The app, and how many writes each request's compressed body took (counted beneath the compression). */
function app() {
  const writes: number[] = [];
  const a = express();
  a.use((_req, res, next) => {
    const i = writes.push(0) - 1;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    res.write = ((...args: unknown[]) => {
      writes[i]++;
      return write(...args);
    }) as typeof res.write;
    next();
  });
  a.use(responseCompression());
  for (const path of ['/api/attempts/1', '/api/reports/cohorts/1/officers'])
    a.get(path, (_req, res) => res.type('json').send(body));
  a.get('/assets/app.js', (_req, res) => res.type('js').send(body));
  return { a, writes };
}

/** The raw bytes and headers of a GET that accepts `encoding` (no client-side decompression). */
function fetchRaw(
  path: string,
  encoding = 'gzip',
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; writes: number }> {
  const { a, writes } = app();
  const server = a.listen(0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      http
        .get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            server.close(() => resolve({ headers: res.headers, body: Buffer.concat(chunks), writes: writes[0] })),
          );
        })
        .on('error', reject);
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

  it("writes a report's compressed JSON in 256 KB chunks, other API answers in zlib's 16 KB", async () => {
    const report = await fetchRaw('/api/reports/cohorts/1/officers');
    const other = await fetchRaw('/api/attempts/1');
    expect(report.body.equals(other.body)).toBe(true);
    expect(report.body.length).toBeGreaterThan(16 * 1024 * 4);
    // zlib emits a full chunk whenever its output buffer fills, and what is left when the body ends.
    const chunks = (length: number, size: number) => Math.floor(length / size) + 1;
    expect(report.writes).toBeLessThanOrEqual(chunks(report.body.length, REPORT_CHUNK_BYTES) + 1);
    expect(other.writes).toBeGreaterThanOrEqual(chunks(other.body.length, 16 * 1024));
    for (const encoding of ['gzip', 'br']) {
      const res = await fetchRaw('/api/reports/cohorts/1/officers', encoding);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.writes).toBeLessThanOrEqual(chunks(res.body.length, REPORT_CHUNK_BYTES) + 1);
    }
  });
});
