// Builds the HTTP application: the same function serves `npm start` and the e2e tests.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { DomainError } from './common/errors/domain-error';
import { applyHttpServerTimeouts } from './common/http/http-server-timeouts';
import { apiNoStore, isApiPath } from './common/http/no-store';
import { responseCompression } from './common/http/response-compression';
import { QuietStartupLogger } from './common/logging/quiet-startup-logger';
import { requestContext } from './common/logging/request-context';
import { requestId } from './common/logging/request-id';
import { AppConfig } from './config/config';
import { version } from './version';

/** Body-parser failures become domain errors here, where their type is still known (Nest would flatten them). */
function bodyParserErrors(
  err: unknown,
  _req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
): void {
  const parseError = err as { type?: string; message?: string };
  const type = parseError?.type;
  if (type === 'entity.parse.failed')
    return next(new DomainError('invalid', `Malformed JSON in request body: ${parseError.message}`));
  if (type === 'entity.verify.failed')
    return next(new DomainError('invalid', 'The request body is not valid UTF-8 text'));
  if (type === 'entity.too.large') return next(new DomainError('payload_too_large', 'Request body is too large'));
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return next(new DomainError('unsupported_media_type', parseError.message ?? 'Unsupported encoding'));
  }
  next(err);
}

/** body-parser's `verify` hook: bytes that are not UTF-8 are refused (it would otherwise turn them into U+FFFD). */
function requireUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw Object.assign(new Error('not UTF-8'), { type: 'entity.verify.failed' });
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('FirstLine API')
      .setDescription('Document-security training and assessment for first-line border officers.')
      .setOpenAPIVersion('3.1.0')
      .setVersion(version)
      .addBearerAuth()
      .build(),
  );
  return cleanupOpenApiDoc(doc);
}

export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  applyHttpServerTimeouts(app.getHttpServer(), config);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // No ETag on API answers: none is stored (apiNoStore), so none is revalidated, and hashing each body (400 KB for a
  // cohort report) bought nothing. Files keep theirs (sendFile, express.static).
  app.set('etag', false);
  app.use(requestId); // first: every answer, the body parser's 400 and 413 included, carries the id
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(requestContext);
  app.use(apiNoStore);
  // gzip for JSON, the web app's JS/CSS and DZI descriptors (a weak airport network); images are already compressed.
  app.use(responseCompression());
  app.use(cookieParser());
  app.use(express.json({ limit: config.BODY_LIMIT_BYTES, verify: requireUtf8 }), bodyParserErrors);
  app.setGlobalPrefix('api');

  const doc = buildOpenApi(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });

  // The web app: static files, and index.html for client-side routes. /api stays with Nest (and its 404s).
  const index = path.join(config.WEB_DIST, 'index.html');
  if (fs.existsSync(index)) {
    const files = express.static(config.WEB_DIST, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) =>
        file.includes(`${path.sep}assets${path.sep}`) &&
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    });
    // Not for /api: the static handler would look for every API path on disk (a stat per exam request).
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
      isApiPath(req.path) ? next() : files(req, res, next),
    );
    app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.path) && req.accepts('html')) {
        res.setHeader('Cache-Control', 'no-cache');
        return res.sendFile(index);
      }
      next();
    });
  }
  return app;
}
