// The operations the fuzzer sends, read from the committed OpenAPI document (apps/api/openapi.json, which
// `npm run openapi -w apps/api` writes and the openapi spec keeps in step with the code).
import fs from 'node:fs';
import path from 'node:path';

export type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema | false;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  /** "PUT /api/attempts/{id}/items/{n}/response" */
  key: string;
  method: string;
  /** The path template, `{name}` for each path parameter. */
  path: string;
  parameters: Parameter[];
  /** The JSON request body's schema (refs resolved lazily), or null when the operation takes no body. */
  body: Schema | null;
  bodyRequired: boolean;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'openapi.json');

export function readOpenApi(file = OPENAPI_FILE): OpenApiDocument {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** `#/components/schemas/X` → the schema X (one level: the document's refs point only there). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unresolvable $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

/**
 * Every operation that takes JSON or nothing: multipart uploads (CSV import, image upload) are left out — their
 * input is a file, fuzzed by their own specs; GET routes answering files still count (their path and query are
 * input like any other).
 */
export function fuzzableOperations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      if (op.requestBody && !content['application/json']) continue;
      out.push({
        key: `${method.toUpperCase()} ${p}`,
        method: method.toUpperCase(),
        path: p,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        bodyRequired: op.requestBody?.required ?? false,
      });
    }
  }
  return out;
}
