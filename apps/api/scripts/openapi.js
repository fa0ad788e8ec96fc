#!/usr/bin/env node
// Writes apps/api/openapi.json from the code (no database needed), so API drift shows in review.
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { NestFactory } = require('@nestjs/core');

async function main() {
  const dist = path.join(__dirname, '..', 'dist');
  const { AppModule } = require(path.join(dist, 'app.module.js'));
  const { buildOpenApi } = require(path.join(dist, 'app.factory.js'));
  const { loadConfig } = require(path.join(dist, 'config', 'config.js'));
  const config = loadConfig({
    DATABASE_URL: 'postgres://unused/unused',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'x'.repeat(32),
  });
  // preview mode: controllers and metadata without providers, so no database connection is opened.
  const app = await NestFactory.create(AppModule.forRoot(config, config.DATABASE_URL), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const doc = buildOpenApi(app);
  fs.writeFileSync(path.join(__dirname, '..', 'openapi.json'), JSON.stringify(doc, null, 2) + '\n');
  console.log('wrote apps/api/openapi.json');
  await app.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
