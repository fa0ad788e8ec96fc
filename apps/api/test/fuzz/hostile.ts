// Hostile input of every kind the issue names: NUL bytes, unpaired surrogates, huge and negative numbers, deep
// nesting, long strings, wrong types — as JSON values, as URL path segments, as query values and as header values.
import fc from 'fast-check';
import { nested, percentEncode, RawJson } from './raw-json';

/** Long strings (100k+ characters): one character or a short mixed chunk, repeated. */
const longString = fc
  .tuple(
    fc.constantFrom('x', 'é', '😀', '\u202E', ' ', 'ab<>"\'\\/', '\u0000', '\ud800'),
    fc.integer({ min: 100_001, max: 150_000 }),
  )
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

const oddStrings = fc.constantFrom(
  '\u0000',
  'Ali\u0000Raza',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '',
  ' ',
  '\t\r\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1e308',
  '-1e308',
  '18446744073709551616',
  '9007199254740993',
  '0x10',
  '1.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '%00',
  '%s%s%s%n',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '\u202EazaR ilA',
  '\uFEFFbom',
  '😀🇵🇰',
  'ﷺ ۝ ٭',
  '2026-02-30',
  '9999-12-31T23:59:59.999Z',
  '0000-00-00',
  '275760-09-13T00:00:00.001Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-1FFF-8FFF-FFFFFFFFFFFF',
  '{00000000-0000-0000-0000-000000000000}',
);

const hugeNumbers = fc.constantFrom(
  1e308,
  -1e308,
  2 ** 64,
  -(2 ** 64),
  2 ** 53 + 2,
  2 ** 31,
  -(2 ** 31) - 1,
  -1,
  0,
  -0,
  0.5,
  -0.000001,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
);

/** Number tokens that JSON allows and a double cannot hold (JSON.parse makes them Infinity, 0 or rounds them). */
const rawNumbers = fc
  .constantFrom(
    '1e400',
    '-1e400',
    '1E-400',
    '123456789012345678901234567890',
    '-123456789012345678901234567890',
    '0.' + '0'.repeat(400) + '1',
    '9'.repeat(400),
    '-0.0',
    '1.0',
  )
  .map((text) => new RawJson(text));

const deepNesting = fc
  .tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>)
  .map(([depth, kind]) => nested(depth, kind));

const oddKeys = fc
  .constantFrom(
    '{"__proto__":{"role":"admin","isAdmin":true}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '{"a":1,"a":2}',
    '{"":""}',
    '{"\\u0000":1}',
    '{"\\ud800":1}',
  )
  .map((text) => new RawJson(text));

/** Wide rather than deep: many elements or keys. */
const wide = fc.oneof(
  fc.integer({ min: 1000, max: 20_000 }).map((n) => new Array<number>(n).fill(0)),
  fc
    .integer({ min: 1000, max: 5000 })
    .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);

/** Any JSON-ish value a client could send where a field is expected: hostile or merely of a wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: oddStrings, weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: hugeNumbers, weight: 4 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: rawNumbers, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 3 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: oddKeys, weight: 1 },
  { arbitrary: wide, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

/** Raw (already percent-encoded) path segments: traversal, bad encodings, odd numbers, random text. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80', // an encoded lone surrogate: not UTF-8 once decoded
    '%C3%28', // invalid UTF-8
    '%FF',
    '%',
    '%zz',
    '%2',
    '..',
    '.',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%5C..%5Cwindows',
    '%252e%252e',
    '-1',
    '0',
    '1e308',
    '18446744073709551616',
    'NaN',
    'Infinity',
    '0x1',
    '1.5',
    'null',
    'undefined',
    '%20',
    '%0A',
    'true',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '%7B00000000-0000-0000-0000-000000000000%7D',
  ),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(percentEncode),
  fc.integer({ min: 1000, max: 12_000 }).map((n) => 'a'.repeat(n)),
);

/** Query values (already percent-encoded). */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileSegment,
  oddStrings.map(percentEncode),
  fc.constantFrom('', '+', '%2B', '&', '='),
);

/** Header values Node lets a client send: visible ASCII and Latin-1 bytes (not UTF-8), long, or empty. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, 'x')),
  fc.constantFrom('', ' ', '\u00ff\u00fe', 'Ã(', 'null', '-1', '0', 'a'.repeat(8000)),
  fc.uuid(),
);
