// Streams a multipart upload straight to a temporary file (never the whole file in memory), with limits.
// busboy parses; this module owns the limits, the temp file and its removal on every failure path.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { findInvalidText, invalidTextError } from '../common/validation/invalid-text';

export interface ReceivedUpload {
  /** The temporary file; the caller owns it (and must remove it, or hand it to storage). */
  file: string;
  size: number;
  fields: Record<string, string>;
}

export interface ReceiveOptions {
  tmpDir: string;
  maxBytes: number;
  fileField: string;
  maxFields?: number;
}

/**
 * A multipart upload not read yet, as a service sees it (no HTTP objects): after its own checks the service either
 * receives it into a temporary file or discards it.
 */
export interface IncomingUpload {
  receive(opts: ReceiveOptions): Promise<ReceivedUpload>;
  /** Drains the request body unread (e.g. before answering 404), so the client gets the answer, not a reset. */
  discard(): void;
}

/** The request's body as an IncomingUpload (built by the controller). */
export function incomingUpload(req: Request): IncomingUpload {
  return { receive: (opts) => receiveUpload(req, opts), discard: () => void req.resume() };
}

/**
 * Reads `multipart/form-data` with exactly one file in `fileField` and a few short text fields. Rejects with a 4xx
 * DomainError — and leaves no temporary file — for a wrong content type, a missing or second file, or a file larger
 * than `maxBytes` (413, detected while streaming: the rest of the body is discarded, not stored).
 */
export function receiveUpload(req: Request, opts: ReceiveOptions): Promise<ReceivedUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) {
    return Promise.reject(
      new DomainError(
        'unsupported_media_type',
        `Send the image as multipart/form-data with the file in field "${opts.fileField}"`,
      ),
    );
  }
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: {
          fileSize: opts.maxBytes,
          files: 1,
          fields: opts.maxFields ?? 10,
          fieldSize: 1024,
          parts: (opts.maxFields ?? 10) + 1,
        },
      });
    } catch (err) {
      reject(new DomainError('invalid', `Malformed multipart request: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    let tmp: string | null = null;
    let out: fs.WriteStream | null = null;
    let size = 0;
    let settled = false;

    /** Resolves once the temporary file is closed (destroying the write first when asked). */
    const closed = (destroy: boolean) =>
      new Promise<void>((done) => {
        if (!out || out.closed) return done();
        out.once('close', () => done());
        if (destroy) out.destroy();
      });

    const fail = (err: DomainError) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume(); // drain what the client still sends, so it gets our answer instead of a reset
      void closed(true)
        .then(() => (tmp ? fs.promises.rm(tmp, { force: true }) : undefined))
        .finally(() => reject(err));
    };

    bb.on('field', (name, value, info) => {
      const invalidText = findInvalidText({ [name]: value });
      if (info.valueTruncated) fail(new DomainError('invalid', `Field "${name}" is too long`));
      else if (invalidText) fail(invalidTextError(`form field "${invalidText.path}"`, invalidText));
      else fields[name] = value;
    });
    bb.on('file', (name, stream) => {
      if (name !== opts.fileField || tmp) {
        stream.resume();
        fail(
          new DomainError(
            'invalid',
            name !== opts.fileField
              ? `Unexpected file field "${name}": send the image in field "${opts.fileField}"`
              : 'Send one file per upload',
          ),
        );
        return;
      }
      tmp = path.join(opts.tmpDir, `upload-${randomBytes(12).toString('hex')}`);
      out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      out.on('error', (err) => fail(new DomainError('invalid', `The upload could not be stored: ${err.message}`)));
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('limit', () => {
        stream.unpipe(out!);
        stream.resume(); // busboy discards the rest of the part
        fail(
          new DomainError(
            'payload_too_large',
            `The file is larger than the ${formatBytes(opts.maxBytes)} upload limit`,
          ),
        );
      });
      stream.pipe(out);
    });
    bb.on('filesLimit', () => fail(new DomainError('invalid', 'Send one file per upload')));
    bb.on('fieldsLimit', () => fail(new DomainError('invalid', 'Too many form fields')));
    bb.on('partsLimit', () => fail(new DomainError('invalid', 'Too many form parts')));
    bb.on('error', (err) => fail(new DomainError('invalid', `Malformed multipart request: ${(err as Error).message}`)));
    req.on('aborted', () => fail(new DomainError('invalid', 'The upload was interrupted')));
    bb.on('close', () => {
      if (settled) return;
      if (!tmp)
        return fail(new DomainError('invalid', `No file: send the image in multipart field "${opts.fileField}"`));
      const file = tmp;
      void closed(false).then(() => {
        if (settled) return; // the write failed meanwhile; fail() has answered
        settled = true;
        resolve({ file, size, fields });
      });
    });
    req.pipe(bb);
  });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
