// Nest announces every module and route it sets up (a hundred lines on start-up), which would bury the banner
// that tells a new user where FirstLine runs and how to sign in. Those go to debug (LOG_LEVEL=debug shows them);
// everything else passes through to pino unchanged.
import type { LoggerService } from '@nestjs/common';

const STARTUP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export class QuietStartupLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) this.inner.debug?.(message, ...rest);
    else this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}
