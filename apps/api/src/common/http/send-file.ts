// Writes a stored file to an HTTP response with validators and ranges, as immich's utils/file.ts sendFile does: a
// service describes the file (a plain FileToSend, no Express objects); the controller hands it to sendFile.
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';

/** An inclusive byte range. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Everything needed to answer a request for one stored file. */
export interface FileToSend {
  size: number;
  /** Stable while the file is unchanged; sent quoted as the ETag. */
  etag: string;
  /** Sent as Last-Modified when given (signed media leave it out: a file's date would identify it). */
  modifiedAt?: Date;
  contentType: string;
  /** The Cache-Control value, e.g. `private, max-age=600`. */
  cacheControl: string;
  /** Opens the bytes, all of them or only `range`. */
  open(range?: ByteRange): Promise<Readable>;
}

const log = new Logger('SendFile');

/**
 * Answers with the file: 304 when If-None-Match names its ETag, 206 with Content-Range for one satisfiable `bytes=`
 * range, 416 (a DomainError carrying `Content-Range: bytes *\/size`) for an unsatisfiable one, else 200. HEAD gets the
 * headers only. Resolves once the body is written or the client has gone.
 */
export async function sendFile(req: Request, res: Response, file: FileToSend): Promise<void> {
  const etag = `"${file.etag}"`;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', file.cacheControl);
  if (file.modifiedAt) res.setHeader('Last-Modified', file.modifiedAt.toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  const ifNoneMatch = req.headers['if-none-match'];
  if (
    ifNoneMatch &&
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')
  ) {
    res.status(304).end();
    return;
  }
  let range: ByteRange | undefined;
  const rangeHeader = req.headers.range;
  if (rangeHeader) {
    const parsed = parseRange(rangeHeader, file.size);
    if (parsed === 'unsatisfiable') {
      throw new DomainError('range_not_satisfiable', 'Requested range is not satisfiable', undefined, {
        'Content-Range': `bytes */${file.size}`,
      });
    }
    range = parsed ?? undefined;
  }
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
    res.setHeader('Content-Length', String(range.end - range.start + 1));
  } else {
    res.status(200);
    res.setHeader('Content-Length', String(file.size));
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const body = await file.open(range);
  await new Promise<void>((resolve) => {
    body.on('error', (err) => {
      log.error({ err }, 'reading a stored file failed');
      res.destroy(err);
      resolve();
    });
    res.on('close', () => {
      body.destroy();
      resolve();
    });
    body.pipe(res);
  });
}

/** A single `bytes=` range; null when absent or not understood (serve everything), 'unsatisfiable' → 416. */
export function parseRange(header: string, size: number): ByteRange | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
