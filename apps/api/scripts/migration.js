#!/usr/bin/env node
// Migration CLI over the app's own DataSource (dist/database/data-source.js):
//   node scripts/migration.js generate <Name>   write src/database/migrations/<timestamp>-<Name>.ts from the entity
//     diff
//   node scripts/migration.js run | revert | show
// Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default ./data) when it is unset.
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const [command, name] = process.argv.slice(2);
  if (!['generate', 'run', 'revert', 'show'].includes(command)) {
    console.error('usage: migration.js generate <Name> | run | revert | show');
    process.exit(2);
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name || '')) {
    console.error('migration name: PascalCase letters and digits, e.g. AddSpecimens');
    process.exit(2);
  }
  const dist = path.join(__dirname, '..', 'dist');
  const { loadConfig } = require(path.join(dist, 'config', 'config.js'));
  const { createDataSource } = require(path.join(dist, 'database', 'data-source.js'));
  const { startEmbeddedPostgres } = require(path.join(dist, 'database', 'embedded-postgres.js'));
  const config = loadConfig();
  const embedded = config.embedded
    ? await startEmbeddedPostgres({ dataDir: config.DATA_DIR, embeddedPgDir: config.EMBEDDED_PG_DIR })
    : undefined;
  const ds = createDataSource(embedded ? embedded.url : config.DATABASE_URL, 2);
  try {
    await ds.initialize();
    if (command === 'run') {
      const done = await ds.runMigrations({ transaction: 'each' });
      console.log(done.length ? done.map((m) => `applied ${m.name}`).join('\n') : 'no pending migrations');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      console.log((await ds.showMigrations()) ? 'pending migrations exist' : 'up to date');
    } else {
      await ds.runMigrations({ transaction: 'each' });
      const sql = await ds.driver.createSchemaBuilder().log();
      if (!sql.upQueries.length) {
        console.log('entities and database agree: nothing to generate');
        return;
      }
      const ts = Date.now();
      const cls = `${name}${ts}`;
      const q = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
      const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
      const down = sql.downQueries
        .reverse()
        .map((x) => `    await queryRunner.query(${q(x.query)});`)
        .join('\n');
      const file = path.join(__dirname, '..', 'src', 'database', 'migrations', `${ts}-${name}.ts`);
      fs.writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      const index = path.join(__dirname, '..', 'src', 'database', 'migrations', 'index.ts');
      let src = fs.readFileSync(index, 'utf8');
      src = `import { ${cls} } from './${ts}-${name}';\n` + src.replace(/\n\];/, `\n  ${cls},\n];`);
      fs.writeFileSync(index, src);
      console.log(`wrote ${path.relative(process.cwd(), file)}; rebuild, then review it before committing`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
