import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { responseCompression } from './response-compression';

// A gzip member's XFL byte (RFC 1952 §2.3.1, offset 8) says how hard zlib compressed: 4 for its fastest level, 0 for
// the levels between fastest and best.
const XFL = 8;

function app() {
  const body = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ officer: `Officer ${i}`, hitRate: i / 2000 })));
  const a = express();
  a.use(responseCompression());
  a.get('/api/report', (_req, res) => res.type('json').send(body));
  a.get('/assets/app.js', (_req, res) => res.type('js').send(body));
  return { a, body };
}

/** The raw bytes and headers of a GET that accepts gzip (no client-side decompression). */
function gzipped(path: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = app().a.listen(0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      http
        .get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => server.close(() => resolve({ headers: res.headers, body: Buffer.concat(chunks) })));
        })
        .on('error', reject);
    });
  });
}

describe('responseCompression', () => {
  it('gzips API JSON at the fastest level, and it decompresses to the same text', async () => {
    const res = await gzipped('/api/report');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body[XFL]).toBe(4);
    expect(gunzipSync(res.body).toString()).toBe(app().body);
  });

  it("gzips the web app's files at zlib's default level", async () => {
    const res = await gzipped('/assets/app.js');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body[XFL]).toBe(0);
    expect(gunzipSync(res.body).toString()).toBe(app().body);
  });
});
