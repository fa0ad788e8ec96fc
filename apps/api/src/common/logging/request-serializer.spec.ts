import { createServer, IncomingMessage } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import type pino from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './request-logger';

/** A request as Express has it inside a mounted router, with a bearer token and a refresh cookie. */
function request(): IncomingMessage {
  const req = new IncomingMessage(new Socket()) as IncomingMessage & { originalUrl?: string };
  req.method = 'PUT';
  req.url = '/items/3/response';
  req.originalUrl = '/api/attempts/a1/items/3/response';
  req.headers = {
    'user-agent': 'Mozilla/5.0 (X11)',
    authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    cookie: 'fl_refresh=secret-refresh-token',
  };
  return req;
}

describe("a request log line (the API's pino-http options)", () => {
  function logLine(): Record<string, unknown> {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const middleware = pinoHttp({ ...requestLogOptions('info'), genReqId: () => 'req-42' }, stream);
    const req = request();
    middleware(req, { on: () => undefined, removeListener: () => undefined } as never);
    (req as unknown as { log: pino.Logger }).log.info('probe');
    return JSON.parse(lines[0]);
  }

  it('names the request by id, method, the URL the caller asked for, and browser', () => {
    expect(logLine().req).toEqual({
      id: 'req-42',
      method: 'PUT',
      url: '/api/attempts/a1/items/3/response',
      userAgent: 'Mozilla/5.0 (X11)',
    });
  });

  it('carries no credential: neither the bearer token nor the cookie appears in the line', () => {
    const line = JSON.stringify(logLine());
    expect(line).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(line).not.toContain('secret-refresh-token');
    expect(line).not.toContain('authorization');
  });

  it('names the response by status and length only: no header, so neither the cookie nor the policies, is logged', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const middleware = pinoHttp({ ...requestLogOptions('info'), genReqId: () => 'req-43' }, stream);
    const server = createServer((req, res) => {
      middleware(req, res);
      res.setHeader('Set-Cookie', 'fl_refresh=secret-refresh-token; HttpOnly');
      res.setHeader('Content-Security-Policy', "default-src 'self'");
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', 11);
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}/api/units`)).status).toBe(200);
      for (let i = 0; i < 100 && !lines.length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      server.close();
    }
    const line = JSON.parse(lines[0]);
    expect(line.msg).toBe('request completed');
    expect(line.res).toEqual({ statusCode: 200, contentLength: 11 });
    expect(lines[0]).not.toContain('secret-refresh-token');
    expect(lines[0]).not.toContain('default-src');
  });
});
