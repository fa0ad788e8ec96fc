// Request logging (pino): one line per request with its id (see request-id.ts: the caller's X-Request-Id when sane,
// echoed back), so a request can be followed from the load balancer to the audit log.
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/config';
import { requestIdOf } from './request-id';
import { loggedRequest, loggedResponse } from './request-serializer';

/**
 * pino-http's options: the request by its named fields only (no header but the browser's), the response by its status
 * and length (request-serializer.ts).
 */
export function requestLogOptions(level: AppConfig['LOG_LEVEL']): Options {
  return {
    level,
    genReqId: requestIdOf, // already assigned by the request-id middleware, mounted first
    serializers: { req: loggedRequest, res: loggedResponse },
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  };
}

export function requestLoggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: requestLogOptions(config.LOG_LEVEL),
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  });
}
