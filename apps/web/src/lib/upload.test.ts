import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeUser, sessionFor } from '@/testing/mock-api';
import { mockXhr } from '@/testing/mock-xhr';
import { ApiError, NetworkError, tokenStore } from './api-client';
import { uploadWithProgress, type UploadProgress } from './upload';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('uploadWithProgress', () => {
  beforeEach(() => tokenStore.set('token-instructor1'));
  afterEach(() => {
    tokenStore.set(null);
    vi.unstubAllGlobals();
  });

  it('posts the form with the bearer token and reports upload progress', async () => {
    const xhr = mockXhr();
    const form = new FormData();
    form.append('side', 'data-page');
    const seen: UploadProgress[] = [];
    const result = uploadWithProgress('/specimens/s1/images', form, { onProgress: (p) => seen.push(p) });
    const req = xhr.last;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/specimens/s1/images');
    expect(req.headers.Authorization).toBe('Bearer token-instructor1');
    expect(req.body).toBe(form);

    req.progress(0, 2000);
    req.progress(999, 2000);
    req.progress(2000, 2000);
    req.respond(202, { id: 'img-1' });
    await expect(result).resolves.toEqual({ id: 'img-1' });
    expect(seen.map((p) => p.percent)).toEqual([0, 49, 100]);
    expect(seen[1]).toEqual({ loaded: 999, total: 2000, percent: 49 });
  });

  it("surfaces the server's 4xx message as an ApiError", async () => {
    const xhr = mockXhr();
    const result = uploadWithProgress('/specimens/s1/images', new FormData());
    xhr.last.respond(413, {
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The file is larger than the 50 MiB upload limit',
    });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect((error as ApiError).message).toBe('The file is larger than the 50 MiB upload limit');
  });

  it('keeps the details of a 400', async () => {
    const xhr = mockXhr();
    const result = uploadWithProgress('/specimens/s1/images', new FormData());
    xhr.last.respond(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request: light',
      details: { problems: ['light: invalid option'] },
    });
    const error = (await result.catch((e: unknown) => e)) as ApiError;
    expect(error.details).toEqual({ problems: ['light: invalid option'] });
  });

  it('reports a network failure as NetworkError', async () => {
    const xhr = mockXhr();
    const result = uploadWithProgress('/specimens/s1/images', new FormData());
    xhr.last.fail();
    await expect(result).rejects.toBeInstanceOf(NetworkError);
  });

  it('refreshes the session once on 401 and sends again with the new token', async () => {
    const xhr = mockXhr();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ ...sessionFor(makeUser({ role: 'instructor' })), accessToken: 'token-fresh' }),
            { status: 200 },
          ),
      ),
    );
    const result = uploadWithProgress('/specimens/s1/images', new FormData());
    xhr.last.respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' });
    await flush();
    await flush();
    expect(xhr.instances).toHaveLength(2);
    expect(xhr.last.headers.Authorization).toBe('Bearer token-fresh');
    xhr.last.respond(202, { ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('aborts when the signal fires', async () => {
    const xhr = mockXhr();
    const controller = new AbortController();
    const result = uploadWithProgress('/x', new FormData(), { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.last.aborted).toBe(true);
  });
});
