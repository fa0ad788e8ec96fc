// The fields sent with an image upload (specimen images, uploads of one's own): received with the image into a
// temporary file, checked against the route's schema and the frame rule, or refused in words with the file removed.
import fs from 'node:fs';
import type { ZodType } from 'zod';
import { DomainError } from '../common/errors/domain-error';
import type { IncomingUpload, ReceiveOptions } from './upload';

export async function receiveImageUpload<T extends { light?: string; frame: number }>(
  incoming: IncomingUpload,
  schema: ZodType<T>,
  opts: Omit<ReceiveOptions, 'fileField'>,
): Promise<{ file: string; fields: T }> {
  const upload = await incoming.receive({ ...opts, fileField: 'file' });
  const parsed = schema.safeParse(upload.fields);
  let problem: string | null = null;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problem = `Invalid request: ${issue.path.join('.') || 'fields'}: ${issue.message}`;
  } else if (parsed.data.frame > 1 && parsed.data.light !== 'oblique') {
    problem = 'Only oblique light has several frames: use frame 1 for other lights';
  }
  if (problem !== null || !parsed.success) {
    await fs.promises.rm(upload.file, { force: true });
    throw new DomainError('invalid', problem ?? 'Invalid request');
  }
  return { file: upload.file, fields: parsed.data };
}
