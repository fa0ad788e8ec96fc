// One fuzzed HTTP request for an operation of the OpenAPI document: path parameters, query, headers and body, each
// mostly valid and now and then hostile; the body sometimes not JSON at all, or JSON under the wrong content type.
import { deflateSync, gzipSync } from 'node:zlib';
import { REFRESH_COOKIE } from '@firstline/contracts';
import fc from 'fast-check';
import { hostileHeaderValue, hostileQueryValue, hostileSegment, hostileValue } from './hostile';
import { Operation, Parameter } from './operations';
import { percentEncode, RawJson, toJsonText } from './raw-json';
import { rarely, SchemaContext, valueFor } from './schema-arbitrary';

export const ROLES = ['anonymous', 'trainee', 'instructor', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface FuzzRequest {
  operation: string;
  /** Whose access token goes in `Authorization` (none for anonymous), unless `authorization` overrides it. */
  role: Role;
  authorization: string | null;
  method: string;
  /** The request target as sent: already percent-encoded. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** What kind of body this is, for the report: none, schema, hostile, malformed, huge. */
  bodyKind: string;
  /** false: every part from the schema (valid-looking); true: hostile parts anywhere. */
  hostile: boolean;
}

/** `/api/cohorts/{id}/members` → cohorts: the resource an `{id}` names. */
function resourceOf(path: string): string {
  return path.split('/')[2] ?? '';
}

const scalarText = (value: unknown) =>
  value instanceof RawJson ? value.text : typeof value === 'string' ? value : toJsonText(value);

function segmentArb(param: Parameter, ctx: SchemaContext): fc.Arbitrary<string> {
  const valid = valueFor(param.schema, { ...ctx, hostileEvery: 0 }, param.name).map((v) =>
    percentEncode(scalarText(v)),
  );
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostileSegment, weight: 1 });
}

/** Each declared query parameter left out or given a value from its schema. */
function validQueryArb(params: Parameter[], ctx: SchemaContext): fc.Arbitrary<string> {
  return fc
    .tuple(
      ...params.map((param) =>
        fc.option(
          valueFor(param.schema, ctx, param.name).map((v) => `${param.name}=${percentEncode(scalarText(v))}`),
          { freq: 2 },
        ),
      ),
    )
    .map((parts) => parts.filter(Boolean).join('&'));
}

function queryArb(params: Parameter[], ctx: SchemaContext): fc.Arbitrary<string> {
  const one = (param: Parameter) => {
    const valid = valueFor(param.schema, { ...ctx, hostileEvery: 0 }, param.name).map(
      (v) => `${param.name}=${percentEncode(scalarText(v))}`,
    );
    const hostile = hostileQueryValue.map((v) => `${param.name}=${v}`);
    const twice = fc.tuple(valid, hostile).map(([a, b]) => `${a}&${b}`); // a repeated name: an array in Express
    return fc.oneof(
      { arbitrary: fc.constant(''), weight: 3 },
      { arbitrary: valid, weight: 4 },
      { arbitrary: hostile, weight: 1 },
      { arbitrary: twice, weight: 1 },
    );
  };
  const extra = fc.oneof(
    fc
      .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), hostileQueryValue)
      .map(([k, v]) => `${percentEncode(k)}=${v}`),
    fc.constantFrom('a[b]=c', 'a[]=1&a[]=2', '=x', '&&&', '%', 'q', '__proto__[x]=1', 'limit=1&limit=2'),
    fc.integer({ min: 1000, max: 1500 }).map((n) => Array.from({ length: n }, (_, i) => `p${i}=${i}`).join('&')),
  );
  return fc
    .tuple(fc.tuple(...params.map(one)), rarely(extra, 6))
    .map(([parts, more]) => [...parts, more ?? ''].filter(Boolean).join('&'));
}

const MALFORMED = [
  '{',
  '}',
  '[',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '',
  ' ',
  'null',
  '1',
  '"text"',
  'true',
  '{"a":"\u0000"}', // a raw NUL inside a string: not JSON
  '\u0000',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{"a":01}',
  '{"a":.5}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
];

const rawBytes = fc.oneof(
  fc.constantFrom(
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    Buffer.from('{"a":"\xc3\x28"}', 'latin1'),
    Buffer.from([0xc0, 0x80]),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

function bodyArb(op: Operation, ctx: SchemaContext): fc.Arbitrary<{ body: Buffer | null; kind: string }> {
  const text = (kind: string) => (t: string) => ({ body: Buffer.from(t, 'utf8'), kind });
  const malformed = fc.oneof(
    fc.constantFrom(...MALFORMED).map(text('malformed')),
    rawBytes.map((body) => ({ body, kind: 'malformed bytes' })),
  );
  const huge = fc.integer({ min: 1_048_577, max: 1_100_000 }).map((n) => text('huge')(`{"a":"${'x'.repeat(n)}"}`));
  const hostile = hostileValue.map((v) => text('hostile')(toJsonText(v)));
  if (!op.body) {
    return fc.oneof(
      { arbitrary: fc.constant({ body: null, kind: 'none' }), weight: 12 },
      { arbitrary: hostile, weight: 2 },
      { arbitrary: malformed, weight: 1 },
    );
  }
  const schema = (hostileEvery: number, kind: string) =>
    valueFor(op.body!, { ...ctx, hostileEvery }, '').map((v) => text(kind)(toJsonText(v)));
  const truncated = fc
    .tuple(schema(0, 'truncated'), fc.nat())
    .map(([b, n]) => ({ body: b.body!.subarray(0, n % Math.max(1, b.body!.length)), kind: 'truncated' }));
  return fc.oneof(
    { arbitrary: schema(8, 'schema+hostile'), weight: 16 },
    { arbitrary: schema(0, 'schema'), weight: 6 },
    { arbitrary: hostile, weight: 6 },
    { arbitrary: malformed, weight: 4 },
    { arbitrary: truncated, weight: 2 },
    { arbitrary: fc.constant({ body: null, kind: 'none' }), weight: 2 },
    { arbitrary: huge, weight: 1 },
  );
}

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 20 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'multipart/form-data; boundary=xyz',
      'application/octet-stream',
      '',
      '*/*',
      'application/json; charset="\u00ff"',
    ),
    weight: 3,
  },
  { arbitrary: hostileHeaderValue, weight: 1 },
);

const otherHeaders = fc
  .tuple(
    rarely(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip'), 15),
    rarely(
      fc.oneof(
        fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=99999999999-', 'bytes=5-1', 'bytes=0-1,2-3', 'items=0-1'),
        hostileHeaderValue,
      ),
      6,
    ),
    rarely(fc.oneof(fc.constant('*'), hostileHeaderValue), 10),
    rarely(
      fc.oneof(
        fc.constantFrom('application/xml', 'text/csv', 'application/pdf', '*/*;q=0', 'image/*'),
        hostileHeaderValue,
      ),
      10,
    ),
    rarely(fc.oneof(fc.constantFrom('gzip', 'br', 'deflate;q=0, *;q=0', 'x-unknown'), hostileHeaderValue), 10),
    rarely(hostileHeaderValue, 10),
  )
  .map(([encoding, range, ifNoneMatch, accept, acceptEncoding, requestId]) => {
    const h: Record<string, string> = {};
    if (encoding) h['Content-Encoding'] = encoding;
    if (range) h.Range = range;
    if (ifNoneMatch) h['If-None-Match'] = ifNoneMatch;
    if (accept !== null) h.Accept = accept;
    if (acceptEncoding !== null) h['Accept-Encoding'] = acceptEncoding;
    if (requestId !== null) h['X-Request-Id'] = requestId;
    return h;
  });

/**
 * The refresh cookie: a real one (of a demo trainee who is not one of the fuzzing actors; refreshing rotates it, so
 * later uses are reuses) or a hostile one, now and then.
 */
function refreshCookie(ctx: SchemaContext, hostile: boolean): fc.Arbitrary<string | null> {
  const real = ctx.known.strings.refreshCookie ?? [];
  const choices = real.length ? fc.oneof(fc.constantFrom(...real), hostileHeaderValue) : hostileHeaderValue;
  return hostile ? rarely(choices, 8) : real.length ? rarely(fc.constantFrom(...real), 8) : fc.constant(null);
}

/** 48 KB of gzip that inflate to 5 MB of JSON (made once). */
let bomb: Buffer | null = null;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.from(`{"a":"${'a'.repeat(5_000_000)}"}`)));

/** Now and then the body compressed (the API inflates gzip and deflate within its body limit), or a gzip bomb. */
const compression = rarely(fc.constantFrom('gzip', 'deflate', 'gzip bomb'), 15);

/** Now and then another method than the document's for the path (a GET route sent DELETE …). */
const otherMethod = rarely(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), 20);

/** A hostile Authorization header in place of the role's token, now and then. */
const authorization = rarely(
  fc.oneof(
    hostileHeaderValue.map((v) => `Bearer ${v}`),
    hostileHeaderValue,
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46Zmlyc3RsaW5lLWRlbW8=',
      // alg "none", role admin, no signature
      'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJyb2xlIjoiYWRtaW4ifQ.',
    ),
  ),
  12,
);

/**
 * Requests for one operation: two in five entirely valid-looking (from the schema, real ids, the right content
 * type), so that they get past validation into the services and the database with whatever role sends them; the
 * others with hostile parts anywhere.
 */
export function requestArb(op: Operation, ctx: SchemaContext, role?: Role): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { arbitrary: build(op, ctx, false, role), weight: 2 },
    { arbitrary: build(op, ctx, true, role), weight: 3 },
  );
}

/**
 * The roles a valid-looking request is mostly sent as (the others still send it, less often): without this most of
 * them would stop at 403 and the services behind would hardly be reached. Weights only, not the access rules.
 */
function likelyRoles(path: string): Role[] {
  if (/^\/api\/(me|attempts)\b|\/lessons$/.test(path)) return ['trainee'];
  if (/^\/api\/(users|units|audit)\b/.test(path)) return ['admin'];
  if (/^\/api\/reports\b/.test(path)) return ['supervisor', 'instructor', 'admin'];
  if (/^\/api\/(specimens|exercises|modules|assignments|cohorts|media)\b/.test(path)) return ['instructor', 'admin'];
  return [...ROLES];
}

function build(op: Operation, ctx: SchemaContext, hostile: boolean, role?: Role): fc.Arbitrary<FuzzRequest> {
  // A DELETE (or an attempt's finish) draws its ids from the ones made for it (and random ones), so the demo data
  // and the trainee's open attempts outlive the run.
  const destructive = op.method === 'DELETE' || op.path.endsWith('/finish');
  const known = destructive ? { ...ctx.known, ids: { ...ctx.known.ids, ...ctx.known.deletable } } : ctx.known;
  const c = { ...ctx, known, resource: resourceOf(op.path) };
  const valid = { ...c, hostileEvery: 0 };
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const segments = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        hostile ? segmentArb(p, c) : valueFor(p.schema, valid, p.name).map((v) => percentEncode(scalarText(v))),
      ]),
    ),
  );
  // Node's client sends Latin-1 header values only: other characters become "?".
  const validHeader = (p: Parameter) =>
    valueFor(p.schema, valid, p.name).map((v) => scalarText(v).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?'));
  const declaredHeaders = fc.tuple(
    ...headerParams.map((p) =>
      (hostile
        ? fc.oneof(
            { arbitrary: validHeader(p), weight: 4 },
            { arbitrary: fc.uuid(), weight: 4 },
            { arbitrary: hostileHeaderValue, weight: 2 },
            { arbitrary: fc.constant(null), weight: 1 },
          )
        : fc.oneof({ arbitrary: fc.uuid(), weight: 3 }, validHeader(p))
      ).map((value) => [p.name, value] as const),
    ),
  );
  const validBody = op.body
    ? valueFor(op.body, valid, '').map((v) => ({ body: Buffer.from(toJsonText(v), 'utf8'), kind: 'schema' }))
    : fc.constant({ body: null, kind: 'none' });
  return fc
    .record({
      role: role
        ? fc.constant(role)
        : hostile
          ? fc.constantFrom(...ROLES)
          : fc.oneof(
              { arbitrary: fc.constantFrom(...likelyRoles(op.path)), weight: 3 },
              { arbitrary: fc.constantFrom(...ROLES), weight: 1 },
            ),
      authorization: hostile ? authorization : fc.constant(null),
      segments,
      query: hostile ? queryArb(queryParams, c) : validQueryArb(queryParams, valid),
      declaredHeaders,
      body: hostile ? bodyArb(op, c) : validBody,
      contentType: hostile ? contentType : fc.constant('application/json'),
      otherHeaders: hostile ? otherHeaders : fc.constant({}),
      cookie: refreshCookie(c, hostile),
      otherMethod: hostile ? otherMethod : fc.constant(null),
      compression: hostile ? compression : fc.constant(null),
    })
    .map((r) => {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => r.segments[name]);
      const headers: Record<string, string> = { ...r.otherHeaders };
      if (r.cookie !== null) headers.Cookie = `${REFRESH_COOKIE}=${r.cookie}`;
      for (const [name, value] of r.declaredHeaders) if (value !== null) headers[name] = value;
      if (r.body.body) headers['Content-Type'] = r.contentType;
      let body = r.body.body;
      let bodyKind = r.body.kind;
      if (r.compression && body) {
        headers['Content-Encoding'] = r.compression === 'deflate' ? 'deflate' : 'gzip';
        body = r.compression === 'gzip' ? gzipSync(body) : r.compression === 'deflate' ? deflateSync(body) : gzipBomb();
        bodyKind = `${bodyKind}, ${r.compression}`;
      }
      return {
        operation: op.key,
        role: r.role,
        authorization: r.authorization,
        method: r.otherMethod ?? op.method,
        path: r.query ? `${path}?${r.query}` : path,
        headers,
        body,
        bodyKind,
        hostile,
      };
    });
}

/** A short, printable account of a request (bodies and paths cut), for failure messages. */
export function describeRequest(req: FuzzRequest): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  const body = req.body ? JSON.stringify(cut(req.body.toString('latin1'), 400)) : '(none)';
  return [
    `${req.method} ${cut(req.path, 300)} as ${req.role}${req.authorization !== null ? ` with Authorization ${JSON.stringify(cut(req.authorization, 80))}` : ''}`,
    `  headers ${cut(JSON.stringify(req.headers), 300)}`,
    `  body (${req.bodyKind}, ${req.body?.length ?? 0} bytes, as Latin-1) ${body}`,
  ].join('\n');
}
