// Statements the hot paths run thousands of times on an exam day (the actor of every request, serving an item,
// answering it, its report fact) are prepared on each pool connection once and then only executed. Sent unnamed,
// PostgreSQL parses, analyses and plans a statement on every execution: 0.2 ms of its CPU for a short one, against
// 0.05 ms prepared, on two cores that PostgreSQL shares with the API.
//
// A repository marks such a statement with `prepared(text)` where it defines it (a module constant: the text must
// never vary), and sends it as it sends any other (`manager.query(text, params)`); the pool's client
// (`PreparingClient`, data-source.ts) recognises the text and names it. Everything else goes as before. A name is
// derived from the text, so every process and connection agrees on it. Prepared statements belong to a session:
// behind PgBouncer, use session pooling, or transaction pooling with PgBouncer 1.21's max_prepared_statements.
import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

const names = new Map<string, string>();

/** Marks `text` as a statement to prepare on each connection, and returns it as it is. */
export function prepared(text: string): string {
  if (!names.has(text)) names.set(text, `fl_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`);
  return text;
}

/** The name `text` is prepared under, or undefined when it is not marked. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

/** pg's client, naming the statements `prepared` marked (TypeORM sends `query(text, values)`). */
export class PreparingClient extends Client {
  // pg's query has a dozen overloads; this one only rewrites the (text, values) form and passes everything on.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? names.get(text) : undefined;
    const call = super.query as (...a: unknown[]) => never;
    if (!name) return call.apply(this, args);
    const config: QueryConfig = { name, text: text as string, values: values as unknown[] };
    return callback === undefined ? call.call(this, config) : call.call(this, config, callback);
  }
}
