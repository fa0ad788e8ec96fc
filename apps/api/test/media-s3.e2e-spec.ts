// The media pipeline on MEDIA_DRIVER=s3 against a real S3-compatible server on loopback (s3rver behind a fault
// proxy): an upload is stored, processed and served from the bucket, ranged reads included, with nothing under the
// local media folder but scratch space. When the store fails — unreachable, or answering 500 — an upload answers 503
// and leaves no row and no object; a processing job it fails keeps its source, records why, and is done when the
// lease hands it out again after the store is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MediaService } from '../src/media';
import { S3_CREDENTIALS, startTestS3, TestS3 } from './s3-server';
import { bearer, listFiles, signIn, testApp } from './utils';

const PREFIX = 'media-e2e/';

const noise = (width: number, height: number) => {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } });
};

describe('media on the S3 driver', () => {
  let s3: TestS3;
  let client: S3Client;
  let app: NestExpressApplication;
  let db: DataSource;
  let mediaDir: string;
  let instructor: string;
  let specimenId: string;
  const http = () => request(app.getHttpServer());

  /** Every object key in the bucket under the test's prefix. */
  const objectKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: PREFIX, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  };
  const counts = async () => {
    const [r] = await db.query(
      `SELECT (SELECT count(*)::int FROM media_assets) AS assets, (SELECT count(*)::int FROM specimen_images) AS images`,
    );
    return r as { assets: number; images: number };
  };
  const upload = (file: Buffer, light = 'visible') =>
    http()
      .post(`/api/specimens/${specimenId}/images`)
      .set(bearer(instructor))
      .field('side', 'data-page')
      .field('light', light)
      .attach('file', file, { filename: 'scan.jpg', contentType: 'image/jpeg' });
  const fetchBytes = async (url: string, headers: Record<string, string> = {}) =>
    (await http()
      .get(url)
      .set(headers)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })) as request.Response & { body: Buffer };

  beforeAll(async () => {
    s3 = await startTestS3();
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3_CREDENTIALS,
    });
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-media-s3-'));
    app = await testApp({
      ...s3.env(PREFIX),
      MEDIA_DIR: mediaDir,
      MEDIA_POLL_INTERVAL_MS: '200',
      MEDIA_JOB_LEASE_SECONDS: '10',
    });
    db = app.get(DataSource);
    instructor = await signIn(app, 'instructor1');
    specimenId = (
      await http()
        .post('/api/specimens')
        .set(bearer(instructor))
        .send({ title: 'S3 media test', issuingState: 'UTO', documentType: 'TD3' })
        .expect(201)
    ).body.id;
  });
  afterEach(() => s3.setFault('none'));
  afterAll(async () => {
    await app?.close();
    client?.destroy();
    await s3?.stop();
  });

  it('stores, processes and serves an upload from the bucket; the local folder holds no objects', async () => {
    const res = await upload(await noise(1600, 1100).jpeg().toBuffer());
    expect(res.status).toBe(202);
    await app.get(MediaService).waitForIdle();
    const view = (await http().get(`/api/media/${res.body.asset.id}`).set(bearer(instructor)).expect(200)).body;
    expect(view).toMatchObject({ status: 'ready', width: 1600, height: 1100 });

    const [{ storage_id }] = await db.query(`SELECT storage_id FROM media_assets WHERE id = $1`, [view.id]);
    const keys = (await objectKeys()).filter((k) => k.startsWith(`${PREFIX}${storage_id}/`));
    expect(keys).toEqual(expect.arrayContaining([`${PREFIX}${storage_id}/image.dzi`]));
    expect(keys.some((k) => k.includes('/image_files/'))).toBe(true);
    expect(keys).not.toContain(`${PREFIX}${storage_id}/source`); // the original goes once derived
    expect(listFiles(path.join(mediaDir, 'objects'))).toEqual([]);
    expect(listFiles(path.join(mediaDir, 'tmp'))).toEqual([]);

    const variant = Object.values(view.urls.variants as Record<string, string>)[0];
    const whole = await fetchBytes(variant);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toMatch(/^image\//);
    expect(whole.headers.etag).toBeTruthy();
    expect((await sharp(whole.body).metadata()).width).toBeGreaterThan(0);
    const ranged = await fetchBytes(variant, { Range: 'bytes=10-109' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 10-109/${whole.body.length}`);
    expect(ranged.body.equals(whole.body.subarray(10, 110))).toBe(true);
    const again = await fetchBytes(variant, { 'If-None-Match': whole.headers.etag });
    expect(again.status).toBe(304);
  });

  it.each([
    ['unreachable', 'unreachable', 'uv365'],
    ['answering 500', 'error500', 'uv254'],
  ] as const)(
    'the store %s: an upload answers 503 and leaves no row, no object, no scratch file',
    async (_, fault, light) => {
      const file = await noise(600, 400).jpeg().toBuffer();
      const before = { ...(await counts()), keys: await objectKeys() };
      s3.setFault(fault);
      const res = await upload(file, light);
      expect(res.status).toBe(503);
      expect(res.body.message).toBe('Image storage is not reachable right now; try again in a minute');
      s3.setFault('none');
      expect(await counts()).toEqual({ assets: before.assets, images: before.images });
      expect(await objectKeys()).toEqual(before.keys);
      expect(listFiles(path.join(mediaDir, 'tmp'))).toEqual([]);
      // and the same upload goes through once the store is back
      expect((await upload(file, light)).status).toBe(202);
      await app.get(MediaService).waitForIdle();
    },
  );

  it('serving while the store fails answers 503, not 500', async () => {
    const [{ id }] = await db.query(`SELECT id FROM media_assets WHERE status = 'ready' LIMIT 1`);
    const view = (await http().get(`/api/media/${id}`).set(bearer(instructor)).expect(200)).body;
    s3.setFault('error500');
    const res = await http().get(view.urls.dzi);
    expect(res.status).toBe(503);
  });

  it('a job the store fails keeps its source, says why, and is done when the lease hands it out again', async () => {
    // Writes work, reads fail: the upload is stored, and the worker cannot fetch it to process.
    s3.setFault('error500', ['GET', 'HEAD']);
    const res = await upload(await noise(900, 600).jpeg().toBuffer(), 'ir');
    expect(res.status).toBe(202);
    const row = async () =>
      (
        await db.query(
          `SELECT status, attempts, failure_reason, lease_until > now() AS leased, storage_id FROM media_assets WHERE id = $1`,
          [res.body.asset.id],
        )
      )[0] as { status: string; attempts: number; failure_reason: string | null; leased: boolean; storage_id: string };
    for (let i = 0; i < 100 && !(await row()).failure_reason; i++) await new Promise((r) => setTimeout(r, 100));
    const failed = await row();
    // Handed back under a short lease; a store failure does not count towards the crash-loop limit.
    expect(failed).toMatchObject({ status: 'processing', attempts: 0, leased: true });
    expect(failed.failure_reason).toMatch(/^Image storage is not reachable right now.*; retrying$/);
    const view = (await http().get(`/api/media/${res.body.asset.id}`).set(bearer(instructor)).expect(200)).body;
    expect(view).toMatchObject({ status: 'processing', failureReason: failed.failure_reason });

    s3.setFault('none');
    expect((await objectKeys()).filter((k) => k.includes(failed.storage_id))).toEqual([
      `${PREFIX}${failed.storage_id}/source`,
    ]);
    await app.get(MediaService).waitForIdle(); // the lease (10 s) runs out and a worker claims it again
    expect(await row()).toMatchObject({ status: 'ready', attempts: 1, failure_reason: null });
  }, 60_000);
});
