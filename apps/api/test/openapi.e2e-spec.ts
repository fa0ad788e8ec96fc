// The served OpenAPI document (/api/openapi.json) as a client generator would read it: valid for an independent
// validator (@apidevtools/swagger-parser, not the library that wrote it), and every route with a success response
// that says what it returns.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registeredRoutes, testApp } from './utils';

interface MediaType {
  schema?: { $ref?: string; type?: string | string[]; format?: string; items?: unknown; anyOf?: unknown[] };
}
interface Operation {
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const JSON_TYPE = 'application/json';

/** What is wrong with one operation's success responses, or nothing. */
function successProblems(op: Operation): string[] {
  const problems: string[] = [];
  if ('default' in op.responses) problems.push('a "default" response instead of its status code');
  const success = Object.entries(op.responses).filter(([code]) => /^2\d\d$/.test(code));
  if (!success.length) problems.push('no 2xx response');
  for (const [code, response] of success) {
    if (code === '204') {
      if (response.content) problems.push('204 with a body');
      continue;
    }
    const content = Object.entries(response.content ?? {});
    if (!content.length) problems.push(`${code} without a media type and schema`);
    for (const [type, media] of content) {
      const schema = media.schema;
      if (!schema) problems.push(`${code} ${type} without a schema`);
      else if (type === JSON_TYPE && !schema.$ref && !schema.type && !schema.anyOf)
        problems.push(`${code} ${type} with an empty schema`);
      // A file or stream declares its media type(s) and a binary body.
      else if (type !== JSON_TYPE && !(schema.type === 'string' && schema.format === 'binary'))
        problems.push(`${code} ${type}: a file response should be {type: string, format: binary}`);
    }
  }
  return problems;
}

describe('the served OpenAPI document', () => {
  let app: NestExpressApplication;
  let doc: Document;
  beforeAll(async () => {
    app = await testApp();
    const res = await request(app.getHttpServer()).get('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body as Document;
  });
  afterAll(() => app.close());

  it('declares OpenAPI 3.1, the version whose schemas it uses (type: [..., "null"], anyOf with {type: null})', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('validates with an independent validator (@apidevtools/swagger-parser)', async () => {
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('the same schemas declared as 3.0 are rejected (so the validator above really checks them)', async () => {
    const as30 = { ...structuredClone(doc), openapi: '3.0.3' };
    await expect(SwaggerParser.validate(as30 as never)).rejects.toThrow(/type must be string/);
  });

  it('documents every registered route', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const missing = registeredRoutes(app)
      .map((route) => route.replace(/:(\w+)/g, '{$1}'))
      .filter((route) => route !== 'GET /api/openapi.json' && !documented.has(route));
    expect(missing).toEqual([]);
  });

  it('gives every route a 2xx response with a schema (files and streams: their media types, binary)', () => {
    const problems = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        successProblems(op).map((problem) => `${method.toUpperCase()} ${p}: ${problem}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('health declares its 200 and its 503 with the same body', () => {
    const health = doc.paths['/api/health'].get.responses;
    expect(health['200'].content?.[JSON_TYPE].schema?.$ref).toMatch(/HealthDto/);
    expect(health['503'].content?.[JSON_TYPE].schema?.$ref).toBe(health['200'].content?.[JSON_TYPE].schema?.$ref);
  });
});
