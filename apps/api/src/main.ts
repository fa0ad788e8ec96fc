// `npm start`: validate config, start the embedded PostgreSQL unless DATABASE_URL is set, migrate, seed, serve.
import 'reflect-metadata';
import pino from 'pino';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { readDemoOrganisation } from './database/demo-organisation';
import { EmbeddedDatabase, startEmbeddedPostgres, StartupError } from './database/embedded-postgres';
import { prepareDatabase } from './database/migrate';
import { checkMediaStorage, mediaLocation } from './media';
import { DemoContentService } from './seed';

function embeddedLocation({ dataDir, pgDir }: EmbeddedDatabase): string {
  const link = `${dataDir}/pg`;
  return pgDir === link ? link : `${pgDir} (${link} links there)`;
}

function banner(config: AppConfig, port: number, embedded: EmbeddedDatabase | undefined, demo: boolean): string {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const base = `http://${host}:${port}`;
  const lines = [
    '',
    '  FirstLine is running',
    `    Web app    ${base}/`,
    `    API        ${base}/api   (OpenAPI: ${base}/api/docs)`,
    `    Database   ${embedded ? `embedded PostgreSQL, data in ${embeddedLocation(embedded)}` : 'PostgreSQL server from DATABASE_URL'}`,
    `    Media      ${mediaLocation(config)}`,
  ];
  if (demo) {
    const org = readDemoOrganisation();
    const trainees = org.trainees.map((trainee) => trainee.username);
    lines.push(
      `    Demo logins (password "${org.password}"):`,
      ...org.staff.map(
        (staff) => `      ${staff.username.padEnd(12)} ${staff.role}${staff.unit ? `, ${staff.unit}` : ''}`,
      ),
      `      ${trainees[0]} … ${trainees[trainees.length - 1]}  trainees`,
      '    On a first start the demo modules are prepared in the background: practice in about a minute, the assessment next.',
    );
  }
  lines.push('    Stop with Ctrl+C', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: AppConfig;
  let storageWarning: string | null;
  try {
    config = loadConfig();
    storageWarning = await checkMediaStorage(config); // once, before the embedded database or the app starts
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`FirstLine cannot start. ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.LOG_LEVEL, base: { context: 'Bootstrap' } });
  if (storageWarning) log.warn(storageWarning);
  let embedded: EmbeddedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const stopDb = async () =>
    embedded?.stop().catch((err) => log.error({ err }, 'stopping the embedded database failed'));
  // Installed before anything starts, so a signal during start-up also stops the embedded database.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await app?.close().catch((err) => log.error({ err }, 'closing the app failed'));
    await stopDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    if (config.embedded) {
      log.info({ dataDir: config.DATA_DIR }, 'starting the embedded PostgreSQL');
      embedded = await startEmbeddedPostgres({
        dataDir: config.DATA_DIR,
        embeddedPgDir: config.EMBEDDED_PG_DIR,
        log: (m) => log.debug({ pg: m }),
      });
    }
    const url = embedded?.url ?? config.DATABASE_URL!;
    const { applied, seeded } = await prepareDatabase(url, { seedDemo: config.SEED_DEMO });
    if (applied.length) log.info({ applied }, 'migrations applied');
    if (seeded) log.info(seeded, 'demo organisation seeded');
    app = await createApp(config, url);
    await app.listen(config.PORT, config.HOST);
    const port = (app.getHttpServer().address() as { port: number }).port;
    process.stdout.write(banner(config, port, embedded, config.SEED_DEMO) + '\n');
    if (config.SEED_DEMO) {
      // Generated and ingested in the background on first start (cached afterwards); the app serves meanwhile.
      void app
        .get(DemoContentService)
        .seed({
          dir: config.DEMO_LIBRARY_DIR,
          dpi: config.DEMO_DPI,
          exercises: config.DEMO_EXERCISES,
          log: (line) => log.info(line),
        })
        .catch((err) => log.error({ err }, 'demo content could not be prepared'));
    }
  } catch (err) {
    await stopDb();
    if (err instanceof StartupError || err instanceof ConfigError) {
      process.stderr.write(`FirstLine cannot start. ${err.message}\n`);
      process.exit(1);
    }
    const startError = err as NodeJS.ErrnoException;
    if (startError.code === 'EADDRINUSE') {
      process.stderr.write(
        `FirstLine cannot start. Port ${config.PORT} is already in use; set PORT to another port.\n`,
      );
      process.exit(1);
    }
    if (['ECONNREFUSED', 'ENOTFOUND', '28P01', '3D000'].includes(startError.code ?? '')) {
      process.stderr.write(
        `FirstLine cannot start. The database at DATABASE_URL is not reachable: ${startError.message}\n`,
      );
      process.exit(1);
    }
    log.fatal({ err }, 'start-up failed');
    process.exit(1);
  }
}

void main();
