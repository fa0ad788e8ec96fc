import { Logger, type LoggerService } from '@nestjs/common';
import { QuietStartupLogger } from './quiet-startup-logger';

function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const inner: LoggerService = {
    log: (...a: unknown[]) => calls.push(['log', a]),
    error: (...a: unknown[]) => calls.push(['error', a]),
    warn: (...a: unknown[]) => calls.push(['warn', a]),
    debug: (...a: unknown[]) => calls.push(['debug', a]),
  };
  return { calls, logger: new QuietStartupLogger(inner) };
}

describe('QuietStartupLogger', () => {
  afterEach(() => Logger.overrideLogger(false));

  it("sends Nest's per-module and per-route start-up lines to debug, the app's own lines through as they are", () => {
    const { calls, logger } = recorder();
    Logger.overrideLogger(logger);
    // What Nest itself calls while it boots, and what a service logs.
    new Logger('InstanceLoader').log('AuthModule dependencies initialized');
    new Logger('RouterExplorer').log('Mapped {/api/health, GET} route');
    new Logger('AttemptsService').log('deadline sweep finished 2 attempts');
    new Logger('RoutesResolver').error('something broke');
    expect(calls).toEqual([
      ['debug', ['AuthModule dependencies initialized', 'InstanceLoader']],
      ['debug', ['Mapped {/api/health, GET} route', 'RouterExplorer']],
      ['log', ['deadline sweep finished 2 attempts', 'AttemptsService']],
      ['error', ['something broke', undefined, 'RoutesResolver']], // (message, stack, context)
    ]);
  });
});
