import { Readable } from 'node:stream';
import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { DomainError } from '../errors/domain-error';
import { parseRange, sendFile, type FileToSend } from './send-file';

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const MODIFIED = new Date('2030-01-02T03:04:05Z');

function storedFile(
  overrides: Partial<FileToSend> = {},
): FileToSend & { opened: Array<{ start: number; end: number } | undefined> } {
  const opened: Array<{ start: number; end: number } | undefined> = [];
  return {
    size: BYTES.length,
    etag: 'abc-123',
    modifiedAt: MODIFIED,
    contentType: 'image/webp',
    cacheControl: 'private, max-age=600',
    open: async (range) => {
      opened.push(range);
      return Readable.from([range ? BYTES.subarray(range.start, range.end + 1) : BYTES]);
    },
    opened,
    ...overrides,
  };
}

/** An Express app serving `file` at /f, with an error handler that answers a DomainError as the API's filter does. */
function appServing(file: FileToSend) {
  const app = express();
  app.get('/f', (req: Request, res: Response) => sendFile(req, res, file));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (!(err instanceof DomainError)) return res.status(500).end();
    for (const [name, value] of Object.entries(err.headers ?? {})) res.setHeader(name, value);
    res.status(err.status).json({ statusCode: err.status, message: err.message });
  });
  return app;
}

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('sendFile', () => {
  it('sends the whole file with its type, validators, caching and length', async () => {
    const res = await binary(request(appServing(storedFile())).get('/f'));
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/webp',
      etag: '"abc-123"',
      'cache-control': 'private, max-age=600',
      'last-modified': MODIFIED.toUTCString(),
      'accept-ranges': 'bytes',
      'content-length': '1000',
    });
    expect(Buffer.compare(res.body as Buffer, BYTES)).toBe(0);
  });

  it('answers 304 without opening the file when If-None-Match names its ETag', async () => {
    const file = storedFile();
    const res = await request(appServing(file)).get('/f').set('If-None-Match', '"other", W/"abc-123"');
    expect(res.status).toBe(304);
    expect(file.opened).toEqual([]);
  });

  it('answers 304 to If-None-Match: *', async () => {
    expect((await request(appServing(storedFile())).get('/f').set('If-None-Match', '*')).status).toBe(304);
  });

  it('sends the file when If-None-Match names another ETag', async () => {
    expect((await request(appServing(storedFile())).get('/f').set('If-None-Match', '"stale"')).status).toBe(200);
  });

  it('answers a satisfiable range with 206, Content-Range and only those bytes', async () => {
    const file = storedFile();
    const res = await binary(request(appServing(file)).get('/f').set('Range', 'bytes=10-109'));
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 10-109/1000');
    expect(res.headers['content-length']).toBe('100');
    expect(Buffer.compare(res.body as Buffer, BYTES.subarray(10, 110))).toBe(0);
    expect(file.opened).toEqual([{ start: 10, end: 109 }]);
  });

  it('answers a suffix range with the last bytes', async () => {
    const res = await request(appServing(storedFile())).get('/f').set('Range', 'bytes=-20');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 980-999/1000');
  });

  it('refuses an unsatisfiable range with 416 and Content-Range: bytes */size, opening nothing', async () => {
    const file = storedFile();
    const res = await binary(request(appServing(file)).get('/f').set('Range', 'bytes=1010-'));
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
    // The file's headers are already set when the range is judged, so the JSON error goes out under the file's
    // Content-Type (as it always has; Express's res.json keeps a Content-Type already set).
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({
      statusCode: 416,
      message: 'Requested range is not satisfiable',
    });
    expect(file.opened).toEqual([]);
  });

  it('serves the whole file for a range it does not understand (several ranges)', async () => {
    const res = await request(appServing(storedFile())).get('/f').set('Range', 'bytes=0-1,5-6');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
  });

  it('answers HEAD with the headers only', async () => {
    const file = storedFile();
    const res = await request(appServing(file)).head('/f');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
    expect(file.opened).toEqual([]);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=900-', 1000, { start: 900, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=0-5000', 1000, { start: 0, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=50-10', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=0-1,5-6', 1000, null], // several ranges: served whole
    ['items=0-1', 1000, null],
  ])('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
