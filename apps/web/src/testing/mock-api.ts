// A tiny fetch stand-in for component tests: routes "METHOD /api/path" to handlers and records every call.
import type { UserView } from '@firstline/contracts';
import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (req: MockRequest) => MockReply | Promise<MockReply>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): MockReply {
  return { status, body, headers };
}

export function apiError(
  status: number,
  message: string,
  details?: unknown,
  headers: Record<string, string> = {},
): MockReply {
  const error =
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      409: 'Conflict',
      429: 'Too Many Requests',
    }[status] ?? 'Error';
  return { status, body: { statusCode: status, error, message, ...(details ? { details } : {}) }, headers };
}

export function mockApi(handlers: Record<string, Handler>) {
  const calls: MockRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const method = (init.method ?? 'GET').toUpperCase();
    let body: unknown = init.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        // leave as text
      }
    }
    const req: MockRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body,
    };
    calls.push(req);
    const handler = handlers[`${method} ${url.pathname}`];
    const reply: MockReply = handler ? await handler(req) : apiError(404, `No mock for ${method} ${url.pathname}`);
    const status = reply.status ?? 200;
    const hasBody = reply.body !== undefined && status !== 204;
    return new Response(hasBody ? JSON.stringify(reply.body) : null, {
      status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, called: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

let seq = 0;
const uuid = () => `0b6f6b7e-1c2d-4e5f-8a9b-${String(++seq).padStart(12, '0')}`;

export function makeUser(overrides: Partial<UserView> = {}): UserView {
  return {
    id: uuid(),
    username: 'trainee01',
    displayName: 'Ayesha Khan',
    role: 'trainee',
    serviceNumber: 'PK-10001',
    unitId: '9a1f0c9e-2b3c-4d5e-8f90-000000000001',
    unitName: 'Islamabad Airport Immigration',
    language: 'en',
    active: true,
    ...overrides,
  };
}

export function sessionFor(user: UserView) {
  return { accessToken: `token-${user.username}`, expiresIn: 900, user };
}
