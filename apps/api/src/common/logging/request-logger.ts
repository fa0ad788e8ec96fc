// Request logging (pino): one line per request with its id, which is taken from X-Request-Id when the caller
// sends a sane one and echoed back, so a request can be followed from the load balancer to the audit log.
import { randomUUID } from 'node:crypto';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config/config';

export function requestLoggerModule(config: AppConfig): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  });
}
