// Values from a JSON schema of the OpenAPI document: mostly valid (so a request gets past validation to the
// service and the database), with hostile values at random leaves, extra properties and missing required ones.
// Identifiers come from the seeded data where a name says what they are (`unitId`, `userIds`, `{cohortId}`).
import fc from 'fast-check';
import { hostileValue } from './hostile';
import { OpenApiDocument, resolve, Schema } from './operations';

/** Real values from the running system, by kind: ids of each resource, usernames, the demo password. */
export interface Known {
  ids: Record<string, string[]>;
  /** Ids a fuzzed DELETE (or finish) may use up, made for it: the rest stays, or the run would fuzz an empty system. */
  deletable: Record<string, string[]>;
  strings: Record<string, string[]>;
  /** Objects of the seeded data's responses: projected onto a request schema's properties they make real inputs. */
  objects: Array<Record<string, unknown>>;
}

/** Which pool of real ids a property or parameter name draws from (`cohortId` → cohorts, `userIds` → users). */
export function idPoolFor(name: string, resource?: string): string | null {
  const n = name.toLowerCase();
  if (n === 'id' || n === 'ids') return resource ?? null;
  const rules: Array<[RegExp, string]> = [
    [/^(user|instructor|actor|member)ids?$/, 'users'],
    [/^unitids?$/, 'units'],
    [/^cohortids?$/, 'cohorts'],
    [/^(specimenids?|lessonspecimenids)$/, 'specimens'],
    [/^imageids?$/, 'images'],
    [/^(assetids?|travellerassetid)$/, 'media'],
    [/^exerciseids?$/, 'exercises'],
    [/^moduleids?$/, 'modules'],
    [/^moduleversionids?$/, 'moduleVersions'],
    [/^assignmentids?$/, 'assignments'],
    [/^attemptids?$/, 'attempts'],
    [/^entityid$/, 'any'],
  ];
  return rules.find(([re]) => re.test(n))?.[1] ?? null;
}

export interface SchemaContext {
  doc: OpenApiDocument;
  known: Known;
  /** The resource an `{id}` of this operation names (`/api/cohorts/{id}` → cohorts). */
  resource?: string;
  /** One in this many leaves is replaced by a hostile value (0: never). */
  hostileEvery: number;
}

const INT32 = 2 ** 31 - 1;

/** `arb` about once in `every` draws, null otherwise. */
export function rarely<T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary: arb, weight: 1 });
}

/** Small values first (item numbers, limits, offsets that exist), the whole range and its ends now and then. */
function integerArb(s: Schema): fc.Arbitrary<number> {
  const min = s.minimum ?? -1000;
  const max = s.maximum ?? 100_000;
  const lo = Math.max(min, -INT32);
  return fc.oneof(
    { arbitrary: fc.integer({ min: lo, max: Math.min(max, lo + 20) }), weight: 3 },
    { arbitrary: fc.integer({ min: lo, max: Math.min(max, INT32) }), weight: 1 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
  );
}

/** A known string with one character changed (an MRZ with a wrong check digit, a near-miss username). */
function nearMiss(values: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.nat(), fc.constantFrom('<', '0', '9', 'A', 'Z', ' ', 'é', ''))
    .map(([value, at, char]) => {
      const i = value.length ? at % value.length : 0;
      return value.slice(0, i) + char + value.slice(i + 1);
    });
}

const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

/** Valid by the schema but at its edges: the first and last instants a date can name, offsets, leap days. */
const edgeDateTimes = fc.constantFrom(
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '2024-02-29T12:00:00+14:00',
  '2026-06-30T23:59:59.999999999-12:00',
);
const edgeDates = fc.constantFrom('0001-01-01', '9999-12-31', '1970-01-01', '2024-02-29', '2000-02-29');

/** Strings as long as the schema allows, in characters of one, two and four bytes (and two UTF-16 units). */
function longestStrings(maxLength: number): fc.Arbitrary<string> {
  return fc.constantFrom('a', 'é', '€', '😀', 'ﷺ').map((c) => c.repeat(Math.floor(maxLength / c.length)));
}

function stringArb(s: Schema, name: string, ctx: SchemaContext): fc.Arbitrary<string> {
  const pool = idPoolFor(name, ctx.resource);
  const known = pool ? (pool === 'any' ? Object.values(ctx.known.ids).flat() : ctx.known.ids[pool]) : undefined;
  // Strings seen in the seeded data under the same name (titles, MRZ lines …), where the schema has no exact shape.
  const fromKnownStrings = s.pattern || s.format ? undefined : ctx.known.strings[name];
  let base: fc.Arbitrary<string>;
  const maxLength = s.maxLength ?? 40;
  if (s.format === 'uuid') base = fc.uuid();
  else if (s.format === 'date-time')
    base = fc.oneof({ arbitrary: isoDate.map((d) => d.toISOString()), weight: 4 }, edgeDateTimes);
  else if (s.format === 'date')
    base = fc.oneof({ arbitrary: isoDate.map((d) => d.toISOString().slice(0, 10)), weight: 4 }, edgeDates);
  else if (s.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}'))
    // A date or date-time by its pattern (report filters): real dates mostly, the pattern's own strings now and then.
    base = fc.oneof(
      isoDate.map((d) => d.toISOString().slice(0, 10)),
      isoDate.map((d) => d.toISOString()),
      edgeDates,
      edgeDateTimes,
      fc.stringMatching(new RegExp(s.pattern)),
    );
  else if (s.pattern) base = fc.stringMatching(new RegExp(s.pattern));
  else
    base = fc.oneof(
      {
        arbitrary: fc.string({
          unit: 'grapheme-ascii',
          minLength: s.minLength ?? 0,
          maxLength: Math.min(maxLength, 60),
        }),
        weight: 3,
      },
      {
        arbitrary: fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(maxLength, 60) }),
        weight: 3,
      },
      { arbitrary: longestStrings(maxLength), weight: 1 },
    );
  const choices: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: base, weight: 2 }];
  if (known?.length) choices.push({ arbitrary: fc.constantFrom(...known), weight: 3 });
  if (fromKnownStrings?.length)
    choices.push(
      { arbitrary: fc.constantFrom(...fromKnownStrings), weight: 3 },
      { arbitrary: nearMiss(fromKnownStrings), weight: 1 },
    );
  return choices.length === 1 ? base : fc.oneof(...choices);
}

/** A value for `schema` (named `name` in its parent), valid in the main, hostile at about one leaf in hostileEvery. */
export function valueFor(schemaIn: Schema, ctx: SchemaContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(ctx.doc, schemaIn);
  const valid = validFor(s, ctx, name, depth);
  if (!ctx.hostileEvery) return valid;
  return fc.oneof({ arbitrary: valid, weight: ctx.hostileEvery - 1 }, { arbitrary: hostileValue, weight: 1 });
}

function validFor(s: Schema, ctx: SchemaContext, name: string, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => valueFor(alt, ctx, name, depth + 1)));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => validFor({ ...s, type }, ctx, name, depth)));
  switch (s.type) {
    case 'string':
      return stringArb(s, name, ctx);
    case 'integer':
      return integerArb(s);
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((item) => valueFor(item, ctx, name, depth + 1)));
      const items = s.items === false || !s.items ? {} : s.items;
      const item = valueFor(items, ctx, name, depth + 1);
      const few = fc.array(item, {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
      // Now and then as many items as the schema allows (at most 200: nested lists multiply).
      const most = Math.min(s.maxItems ?? 50, 200);
      return most > 4 && depth < 3
        ? fc.oneof({ arbitrary: few, weight: 9 }, fc.array(item, { minLength: most, maxLength: most }))
        : few;
    }
    case 'object':
      return objectFor(s, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const examplesCache = new WeakMap<Schema, Array<Record<string, unknown>>>();

/**
 * Seeded objects with every required property of `s`, cut down to its properties (a module's view becomes a module
 * input with settings that agree with each other, an exercise's view an exercise input with a consistent truth).
 */
function examplesFor(s: Schema, objects: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  let examples = examplesCache.get(s);
  if (!examples) {
    const keys = Object.keys(s.properties ?? {});
    const required = s.required ?? [];
    examples = objects
      .filter((o) => required.length > 0 && required.every((key) => key in o && o[key] !== null))
      .map((o) => Object.fromEntries(keys.filter((key) => key in o).map((key) => [key, o[key]])))
      .slice(0, 20);
    examplesCache.set(s, examples);
  }
  return examples;
}

function objectFor(s: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = s.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => [key, valueFor(schema, ctx, key, depth + 1)]),
  );
  const required = (s.required ?? []).filter((key) => key in properties);
  const generated = fc.record(model, { requiredKeys: required });
  const examples = examplesFor(s, ctx.known.objects);
  const record = examples.length
    ? fc.oneof(
        generated,
        fc.constantFrom(...examples).map((e) => structuredClone(e)),
      )
    : generated;
  const extra =
    s.additionalProperties && typeof s.additionalProperties === 'object'
      ? fc.dictionary(fc.string({ maxLength: 12 }), valueFor(s.additionalProperties, ctx, '', depth + 1), {
          maxKeys: 3,
        })
      : fc.constant({});
  if (!ctx.hostileEvery) return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
  // Now and then: an unknown property, or a required one left out.
  return fc
    .tuple(
      record,
      extra,
      rarely(fc.tuple(fc.string({ maxLength: 20 }), hostileValue), ctx.hostileEvery),
      rarely(fc.nat(), ctx.hostileEvery),
    )
    .map(([r, e, unknownProperty, dropIndex]) => {
      const out: Record<string, unknown> = { ...e, ...r };
      if (unknownProperty) out[unknownProperty[0]] = unknownProperty[1];
      if (dropIndex !== null && required.length) delete out[required[dropIndex % required.length]];
      return out;
    });
}
