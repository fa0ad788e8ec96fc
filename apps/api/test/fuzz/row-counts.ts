// The row count of every table in the public schema, in one query: what a rejected request must leave unchanged.
import { Client } from 'pg';

export type RowCounts = Record<string, number>;

export class RowCounter {
  private query = '';

  constructor(private readonly client: Client) {}

  /** Reads the table list once (the fuzzer creates no tables). */
  async init(): Promise<string[]> {
    const { rows } = await this.client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
    this.query = rows
      .map((r) => `SELECT '${r.name.replace(/'/g, "''")}' AS name, count(*)::int AS n FROM ${ident(r.name)}`)
      .join(' UNION ALL ');
    return rows.map((r) => r.name);
  }

  async counts(): Promise<RowCounts> {
    const { rows } = await this.client.query<{ name: string; n: number }>({
      name: 'fuzz-row-counts',
      text: this.query,
    });
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  }
}

/** The tables whose counts differ, as "table: before → after", leaving out `ignored`. */
export function changedTables(before: RowCounts, after: RowCounts, ignored: readonly string[] = []): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => !ignored.includes(table) && before[table] !== after[table])
    .map((table) => `${table}: ${before[table]} → ${after[table]}`);
}
