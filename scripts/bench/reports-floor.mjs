// The reports benchmark's HTTP floor, run as a child process: the baseline queries behind a bare node:http server —
// no framework, no access policy, no statistics, no mapping. It checks the caller's bearer token (HS256, the bench
// API's secret), runs the report's one hand-written query on a pg pool, and answers its rows as JSON, compressed as
// the API compresses its answers. What it costs over the query itself is what any HTTP API pays on this machine for
// the same answer: the transport's share of the reports' ratio goal.
//   node reports-floor.mjs DATABASE_URL   → prints "listening PORT" once it accepts connections
import crypto from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { BENCH_JWT_SECRET } from './api-process.mjs';
import { COHORT_OFFICERS, UNIT } from './reports-baseline.mjs';

const { Pool } = createRequire(import.meta.url)('pg');

const pool = new Pool({ connectionString: process.argv[2], max: 4 });
const ROUTES = [
  [/^\/cohorts\/([0-9a-f-]{36})$/, COHORT_OFFICERS],
  [/^\/units\/([0-9a-f-]{36})$/, UNIT],
];

/** The token's subject if its HS256 signature is the bench secret's and it has not expired; otherwise null. */
function subject(header) {
  const [head, payload, signature] = (header ?? '').replace(/^Bearer /, '').split('.');
  if (!signature) return null;
  const expected = crypto.createHmac('sha256', BENCH_JWT_SECRET).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims.sub : null;
}

/** Compressed as the API compresses its JSON: Brotli quality 1 where the client accepts it, else gzip level 1. */
function send(req, res, status, value) {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  const accepted = req.headers['accept-encoding'] ?? '';
  const [method, compress, options] = /\bbr\b/.test(accepted)
    ? ['br', zlib.brotliCompress, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }]
    : /\bgzip\b/.test(accepted)
      ? ['gzip', zlib.gzip, { level: 1 }]
      : [];
  if (!method) return res.end(body);
  res.setHeader('content-encoding', method);
  compress(body, options, (err, packed) => (err ? res.destroy(err) : res.end(packed)));
}

const server = http.createServer(async (req, res) => {
  if (!subject(req.headers.authorization)) return send(req, res, 401, { message: 'Unauthorized' });
  const route = ROUTES.find(([pattern]) => pattern.test(req.url));
  if (!route) return send(req, res, 404, { message: 'Not found' });
  try {
    const { rows } = await pool.query(route[1], [route[0].exec(req.url)[1]]);
    send(req, res, 200, { rows });
  } catch (e) {
    send(req, res, 500, { message: e.message });
  }
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => {
  server.close(() => pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
