// The image pipeline end to end: what uploads are refused (and that a refusal leaves nothing behind), how awkward
// but valid images come out, that served bytes carry no metadata, signed URLs, and the durable queue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DomainError } from '../src/common/errors/domain-error';
import { AppConfig, APP_CONFIG } from '../src/config/config';
import { MediaService } from '../src/media';
import { MediaUrlsService } from '../src/media/media-urls.service';
import { mediaUrlKey, UrlSigner } from '../src/media/signing';
import { bearer, listFiles, signIn, testApp } from './utils';

// ------------------------------------------------------------------------------------------ helpers

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/**
 * A PNG whose IHDR (valid CRC) declares 50,000 × 50,000 RGB pixels over a tiny compressed body: a decompression bomb.
 */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const noise = (width: number, height: number) => {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } });
};
const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } });

/** A two-colour image: left half red, right half blue (to see where the left edge went after orientation). */
async function halves(width: number, height: number): Promise<ReturnType<typeof sharp>> {
  const red = await solid(width / 2, height, '#ff0000')
    .png()
    .toBuffer();
  const blue = await solid(width / 2, height, '#0000ff')
    .png()
    .toBuffer();
  return solid(width, height, '#000000').composite([
    { input: red, left: 0, top: 0 },
    { input: blue, left: width / 2, top: 0 },
  ]);
}

const METADATA_MARKERS = [
  'Exif',
  'http://ns.adobe.com/xap',
  'ICC_PROFILE',
  'Photoshop 3.0',
  'XMP ',
  'ICCP',
  'iCCP',
  'tEXt',
  'iTXt',
  'zTXt',
  'eXIf',
  'secret-serial-UTO-123',
];

// ------------------------------------------------------------------------------------------ suite

describe('media pipeline', () => {
  let app: NestExpressApplication;
  let media: MediaService;
  let db: DataSource;
  let instructor: string;
  let instructorId: string;
  let mediaDir: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await testApp({ MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-media-')) });
    media = app.get(MediaService);
    db = app.get(DataSource);
    mediaDir = app.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
    instructor = await signIn(app, 'instructor1');
    instructorId = (await http().get('/api/auth/me').set(bearer(instructor))).body.id;
  });
  afterAll(() => app.close());

  const newSpecimen = async () =>
    (
      await http()
        .post('/api/specimens')
        .set(bearer(instructor))
        .send({ title: 'Media test', issuingState: 'UTO', documentType: 'TD3' })
        .expect(201)
    ).body.id as string;
  const upload = (
    specimenId: string,
    file: Buffer,
    opts: { filename?: string; contentType?: string; side?: string; light?: string; frame?: string } = {},
  ) => {
    let req = http()
      .post(`/api/specimens/${specimenId}/images`)
      .set(bearer(instructor))
      .field('side', opts.side ?? 'data-page')
      .field('light', opts.light ?? 'visible');
    if (opts.frame) req = req.field('frame', opts.frame);
    return req.attach('file', file, {
      filename: opts.filename ?? 'scan.jpg',
      contentType: opts.contentType ?? 'image/jpeg',
    });
  };
  const counts = async () => {
    const [r] = await db.query(
      `SELECT (SELECT count(*)::int FROM media_assets) AS assets, (SELECT count(*)::int FROM specimen_images) AS images`,
    );
    return r as { assets: number; images: number };
  };
  /** Uploads, waits for the queue, and returns the asset view (with library-signed URLs). */
  const processed = async (file: Buffer, opts: Parameters<typeof upload>[2] & { specimenId?: string } = {}) => {
    const res = await upload(opts.specimenId ?? (await newSpecimen()), file, opts);
    expect(res.status).toBe(202);
    expect(['queued', 'processing']).toContain(res.body.asset.status); // the worker is woken at once
    await media.waitForIdle();
    return (await http().get(`/api/media/${res.body.asset.id}`).set(bearer(instructor)).expect(200)).body;
  };
  const fetchBytes = async (url: string) => {
    const res = await http()
      .get(url)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return res as request.Response & { body: Buffer };
  };

  it('only one file in the API source imports sharp', () => {
    const src = path.join(__dirname, '..', 'src');
    const importers = listFiles(src).filter(
      (f) =>
        /\.ts$/.test(f) &&
        /(from\s+['"]sharp['"]|require\(\s*['"]sharp['"]\s*\)|import\(\s*['"]sharp['"]\s*\))/.test(
          fs.readFileSync(f, 'utf8'),
        ),
    );
    expect(importers.map((f) => path.relative(src, f))).toEqual([path.join('media', 'image-pipeline.ts')]);
  });

  describe('refuses bad files with a clear 4xx and leaves nothing behind', () => {
    let specimenId: string;
    beforeAll(async () => {
      specimenId = await newSpecimen();
    });

    const corpus: Array<
      [string, () => Promise<Buffer> | Buffer, { filename?: string; contentType?: string }, number, RegExp]
    > = [
      ['zero bytes', () => Buffer.alloc(0), {}, 400, /The file is empty/],
      [
        'a truncated JPEG',
        async () => {
          const b = await noise(640, 480).jpeg().toBuffer();
          return b.subarray(0, Math.floor(b.length / 2));
        },
        {},
        400,
        /truncated or corrupt/,
      ],
      [
        'a corrupt PNG (bad data after a valid header)',
        async () => {
          const b = await noise(200, 200).png().toBuffer();
          const c = Buffer.from(b);
          c.fill(0x41, 100, 400);
          return c;
        },
        { filename: 'a.png', contentType: 'image/png' },
        400,
        /damaged|truncated or corrupt/,
      ],
      [
        'a PNG declaring 50,000 × 50,000 pixels',
        () => pngBomb(),
        { filename: 'big.png', contentType: 'image/png' },
        413,
        /50000 × 50000 pixels \(2500\.0 megapixels\); the limit is 100 megapixels/,
      ],
      [
        'an SVG with a script',
        () =>
          Buffer.from(
            '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
          ),
        { filename: 'x.svg', contentType: 'image/svg+xml' },
        415,
        /SVG files are not accepted/,
      ],
      [
        'HTML named .jpg',
        () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
        { filename: 'photo.jpg', contentType: 'image/jpeg' },
        415,
        /HTML\/XML files are not accepted/,
      ],
      [
        'a PDF',
        () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
        { filename: 'scan.jpg' },
        415,
        /PDF files are not accepted/,
      ],
      [
        'a JPEG/HTML polyglot',
        async () =>
          Buffer.concat([await noise(64, 64).jpeg().toBuffer(), Buffer.from('<html><script>alert(1)</script></html>')]),
        {},
        415,
        /embeds markup or another document/,
      ],
      [
        'an animated GIF',
        () =>
          sharp([solid(16, 16, '#f00').png().toBuffer(), solid(16, 16, '#00f').png().toBuffer()] as never)
            .gif()
            .toBuffer(),
        { filename: 'a.gif', contentType: 'image/gif' },
        415,
        /GIF files are not accepted/,
      ],
      [
        'an animated WebP',
        async () =>
          sharp([await solid(16, 16, '#f00').png().toBuffer(), await solid(16, 16, '#00f').png().toBuffer()], {
            join: { animated: true },
          })
            .webp()
            .toBuffer(),
        { filename: 'a.webp', contentType: 'image/webp' },
        400,
        /2 frames.*single still image/,
      ],
      [
        'a multi-page TIFF',
        async () =>
          sharp([await solid(32, 32, '#f00').png().toBuffer(), await solid(32, 32, '#00f').png().toBuffer()], {
            join: { animated: true },
          })
            .tiff()
            .toBuffer(),
        { filename: 'a.tif', contentType: 'image/tiff' },
        400,
        /2 pages.*single still image/,
      ],
      [
        'random bytes',
        () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
        { filename: 'x.png', contentType: 'image/png' },
        415,
        /not an image this library accepts/,
      ],
    ];

    it.each(corpus)('%s', async (_name, make, opts, status, message) => {
      let file: Buffer;
      try {
        file = await make();
      } catch {
        // sharp's GIF writer takes one image: build the animated GIF from a two-page join instead
        file = await sharp(
          [await solid(16, 16, '#f00').png().toBuffer(), await solid(16, 16, '#00f').png().toBuffer()],
          { join: { animated: true } },
        )
          .gif()
          .toBuffer();
      }
      const before = await counts();
      const filesBefore = listFiles(mediaDir);
      const res = await upload(specimenId, file, opts);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
      expect(await counts()).toEqual(before);
      expect(listFiles(mediaDir)).toEqual(filesBefore);
    });

    it('an oversize file → 413 while streaming, nothing stored', async () => {
      const small = await testApp({ UPLOAD_MAX_BYTES: '65536', MEDIA_WORKER_CONCURRENCY: '0' });
      try {
        const dir = small.get<AppConfig>(APP_CONFIG).MEDIA_DIR;
        const token = await signIn(small, 'instructor1');
        const before = await counts();
        const res = await request(small.getHttpServer())
          .post(`/api/specimens/${specimenId}/images`)
          .set(bearer(token))
          .field('side', 'data-page')
          .field('light', 'visible')
          .attach('file', await noise(1200, 900).png().toBuffer(), { filename: 'big.png', contentType: 'image/png' });
        expect(res.status).toBe(413);
        expect(res.body.message).toBe('The file is larger than the 64 KB upload limit');
        expect(await counts()).toEqual(before);
        expect(listFiles(dir)).toEqual([]);
      } finally {
        await small.close();
      }
    });

    describe('upload requests that are wrong before the image is judged', () => {
      let png: Buffer;
      let filesBefore: string[];
      beforeAll(async () => {
        png = await solid(32, 32, '#888').png().toBuffer();
      });
      beforeEach(() => {
        filesBefore = listFiles(mediaDir);
      });
      afterEach(() => {
        expect(listFiles(mediaDir)).toEqual(filesBefore); // nothing stored
      });

      it('an unknown light → 400 naming the field', async () => {
        const bad = await upload(specimenId, png, { light: 'sunlight' });
        expect(bad.status).toBe(400);
        expect(bad.body.message).toMatch(/light/);
      });

      it('a second frame of a light other than oblique → 400', async () => {
        const frame = await upload(specimenId, png, { light: 'uv365', frame: '2' });
        expect(frame.status).toBe(400);
        expect(frame.body.message).toMatch(/Only oblique light has several frames/);
      });

      it('no file → 400', async () => {
        const noFile = await http()
          .post(`/api/specimens/${specimenId}/images`)
          .set(bearer(instructor))
          .field('side', 'front')
          .field('light', 'visible');
        expect(noFile.status).toBe(400);
        expect(noFile.body.message).toMatch(/No file/);
      });

      it('not multipart → 415', async () => {
        const json = await http()
          .post(`/api/specimens/${specimenId}/images`)
          .set(bearer(instructor))
          .send({ side: 'front' });
        expect(json.status).toBe(415);
      });

      it('an unknown specimen → 404', async () => {
        const missing = await upload('00000000-0000-4000-8000-000000000000', png);
        expect(missing.status).toBe(404);
      });
    });

    it('MediaService.ingestFile validates the same way (DomainError 4xx, nothing stored)', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-ingest-'));
      const file = path.join(tmp, 'bomb.png');
      fs.writeFileSync(file, pngBomb());
      const before = await counts();
      const filesBefore = listFiles(mediaDir);
      const err = await media.ingestFile(file, { createdBy: null }).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.status).toBe(413);
      expect(fs.existsSync(file)).toBe(true); // the caller's file is left alone
      expect(await counts()).toEqual(before);
      expect(listFiles(mediaDir)).toEqual(filesBefore);
    });
  });

  describe("a file FirstLine drew itself (drawnHere: the forge's documents)", () => {
    it('still meets the content checks: a declared 2500-megapixel PNG → 413, nothing stored', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-drawn-'));
      const file = path.join(tmp, 'bomb.png');
      fs.writeFileSync(file, pngBomb());
      const before = await counts();
      const err = await media.ingestFile(file, { createdBy: null, drawnHere: true }).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.status).toBe(413);
      expect(await counts()).toEqual(before);
    });

    it('skips only the full decode and the polyglot scan: a truncated file is queued, its processing fails', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-drawn-'));
      const file = path.join(tmp, 'truncated.jpg');
      const whole = await noise(640, 480).jpeg().toBuffer();
      fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
      // Received, the same file is refused at the door …
      expect((await media.ingestFile(file, { createdBy: null }).catch((e) => e)).status).toBe(400);
      // … drawn here, it is accepted, and the pipeline's own strict decode fails it.
      const { id } = await media.ingestFile(file, { createdBy: null, drawnHere: true });
      await media.waitForIdle();
      const [row] = await db.query(`SELECT status, failure_reason FROM media_assets WHERE id = $1`, [id]);
      expect(row.status).toBe('failed');
      expect(row.failure_reason).toMatch(/could not be processed/);
    });

    it('is not scanned for embedded markup, which the pipeline does not carry into what it serves', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-drawn-'));
      const file = path.join(tmp, 'tail.png');
      const image = await noise(320, 240).png().toBuffer();
      fs.writeFileSync(file, Buffer.concat([image, Buffer.from('<html><script>alert(1)</script></html>')]));
      expect((await media.ingestFile(file, { createdBy: null }).catch((e) => e)).status).toBe(415);
      const { id } = await media.ingestFile(file, { createdBy: null, drawnHere: true });
      await media.waitForIdle();
      const view = await app.get(MediaUrlsService).view(id);
      expect(view.status).toBe('ready');
      const [stored] = await db.query(`SELECT storage_id FROM media_assets WHERE id = $1`, [id]);
      const served = listFiles(mediaDir).filter((f) => f.includes(stored.storage_id));
      expect(served.length).toBeGreaterThan(10);
      for (const f of served) expect(fs.readFileSync(f).includes('<script')).toBe(false);
    });

    it("its owner hears as soon as it is processed, not at the wait's limit", async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-drawn-'));
      const file = path.join(tmp, 'quick.png');
      fs.writeFileSync(file, await noise(320, 240).png().toBuffer());
      await media.waitForIdle(); // no other image ends meanwhile
      const started = Date.now();
      const processed = media.imageProcessed(60_000);
      const { id } = await media.ingestFile(file, { createdBy: null, drawnHere: true });
      await processed;
      expect(Date.now() - started).toBeLessThan(30_000);
      expect((await app.get(MediaUrlsService).view(id)).status).toBe('ready');
    });
  });

  describe('processes awkward but valid images', () => {
    it('a CMYK JPEG comes out sRGB', async () => {
      const cmyk = await noise(900, 600).toColourspace('cmyk').jpeg().toBuffer();
      expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
      const view = await processed(cmyk);
      expect(view).toMatchObject({ status: 'ready', width: 900, height: 600, progress: 100, failureReason: null });
      const served = await fetchBytes(view.urls.variants['640.jpeg']);
      const meta = await sharp(served.body).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', space: 'srgb', channels: 3, width: 640 });
    });

    it('a 16-bit PNG comes out 8-bit', async () => {
      const png16 = await noise(700, 500).toColourspace('rgb16').png().toBuffer();
      expect((await sharp(png16).metadata()).depth).toBe('ushort');
      const view = await processed(png16, { filename: 'deep.png', contentType: 'image/png' });
      expect(view.status).toBe('ready');
      const meta = await sharp((await fetchBytes(view.urls.variants['1280.webp'])).body).metadata();
      expect(meta).toMatchObject({ format: 'webp', depth: 'uchar', width: 700 }); // never upscaled past the source
    });

    it('an EXIF-rotated JPEG (orientation 6) comes out upright with swapped dimensions', async () => {
      // Stored 600 × 400 with the left half red; orientation 6 means "rotate 90° clockwise to display".
      const jpeg = await (await halves(600, 400)).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
      const view = await processed(jpeg);
      expect({ width: view.width, height: view.height }).toEqual({ width: 400, height: 600 });
      const served = await sharp((await fetchBytes(view.urls.variants['640.jpeg'])).body)
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(served.info).toMatchObject({ width: 400, height: 600 });
      const px = (x: number, y: number) => [
        ...served.data.subarray((y * served.info.width + x) * 3, (y * served.info.width + x) * 3 + 3),
      ];
      // After a clockwise quarter turn the red (left) half is on top and the blue half at the bottom.
      expect(px(200, 50)[0]).toBeGreaterThan(200);
      expect(px(200, 50)[2]).toBeLessThan(60);
      expect(px(200, 550)[2]).toBeGreaterThan(200);
      expect(px(200, 550)[0]).toBeLessThan(60);
      expect(
        (await sharp((await fetchBytes(view.urls.variants['640.jpeg'])).body).metadata()).orientation,
      ).toBeUndefined();
    });

    it('a large TIFF (6000 × 4000) gets every variant and a full DeepZoom pyramid', async () => {
      const tiff = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#d8d2c0' } })
        .composite([{ input: await noise(600, 400).png().toBuffer(), left: 2700, top: 1800 }])
        .tiff({ compression: 'lzw' })
        .toBuffer();
      const view = await processed(tiff, { filename: 'big.tif', contentType: 'image/tiff' });
      expect(view).toMatchObject({ status: 'ready', width: 6000, height: 4000 });
      expect(Object.keys(view.urls.variants).sort()).toEqual([
        '1280.avif',
        '1280.jpeg',
        '1280.webp',
        '2560.avif',
        '2560.jpeg',
        '2560.webp',
        '640.avif',
        '640.jpeg',
        '640.webp',
      ]);
      for (const [key, url] of Object.entries(view.urls.variants as Record<string, string>)) {
        const res = await fetchBytes(url);
        expect(res.status).toBe(200);
        const meta = await sharp(res.body).metadata();
        expect(`${key} ${meta.width}`).toBe(`${key} ${key.split('.')[0]}`);
        expect(res.headers['content-type']).toBe(
          { avif: 'image/avif', jpeg: 'image/jpeg', webp: 'image/webp' }[key.split('.')[1]],
        );
      }
      const dzi = await http().get(view.urls.dzi);
      expect(dzi.status).toBe(200);
      expect(dzi.headers['content-type']).toMatch(/^application\/xml/);
      expect(dzi.text).toMatch(/TileSize="256"/);
      expect(dzi.text).toMatch(/Format="webp"/);
      expect(dzi.text).toMatch(/Height="4000"/);
      // Level 13 is full size (2^13 ≥ 6000): 24 × 16 tiles.
      const tileBase = view.urls.dzi.replace(/image\.dzi$/, 'image_files');
      const corner = await fetchBytes(`${tileBase}/13/23_15.webp`);
      expect(corner.status).toBe(200);
      expect(await sharp(corner.body).metadata()).toMatchObject({
        format: 'webp',
        width: 6000 - 23 * 256,
        height: 4000 - 15 * 256,
      });
      expect((await http().get(`${tileBase}/13/24_0.webp`)).status).toBe(404);
    });

    it('images of one side share dimensions: a later light is resized to the first, with a warning', async () => {
      const specimenId = await newSpecimen();
      const first = await processed(await noise(800, 600).jpeg().toBuffer(), { specimenId, light: 'visible' });
      expect(first.warnings).toEqual([]);
      const second = await processed(await noise(1000, 700).jpeg().toBuffer(), { specimenId, light: 'uv365' });
      expect(second).toMatchObject({ status: 'ready', width: 800, height: 600 });
      expect(second.warnings).toEqual([
        expect.stringMatching(
          /^Resized from 1000 × 700 to 800 × 600 to match the other images of this document side \(the aspect ratio differed/,
        ),
      ]);
      const back = await processed(await noise(500, 350).jpeg().toBuffer(), {
        specimenId,
        side: 'back',
        light: 'visible',
      });
      expect(back).toMatchObject({ width: 500, height: 350, warnings: [] }); // another side, another group
    });

    it('with several workers (two replicas), the lights of a side wait for its first image, then go at once', async () => {
      const replica = await testApp({ MEDIA_DIR: mediaDir, MEDIA_WORKER_CONCURRENCY: '2' });
      try {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-group-'));
        const sizes: Array<[number, number]> = [
          [800, 600],
          [1000, 700],
          [640, 480],
          [900, 600],
          [1000, 750],
        ];
        const group = `test:${Date.now()}:data-page`;
        const ids: string[] = [];
        for (const [i, [w, h]] of sizes.entries()) {
          const file = path.join(tmp, `${i}.jpg`);
          fs.writeFileSync(file, await noise(w, h).jpeg().toBuffer());
          // Enqueued alternately through both APIs, all woken at once.
          ids.push((await (i % 2 ? replica.get(MediaService) : media).ingestFile(file, { createdBy: null, group })).id);
        }
        // Watches the group while it is processed: how many of its images are processing, and whether one is ready.
        const seen: Array<{ processing: number; ready: number }> = [];
        let idle = false;
        const watching = (async () => {
          while (!idle) {
            const [row] = await db.query(
              `SELECT count(*) FILTER (WHERE status = 'processing')::int AS processing,
                      count(*) FILTER (WHERE status = 'ready')::int AS ready
                 FROM media_assets WHERE group_key = $1`,
              [group],
            );
            seen.push(row);
          }
        })();
        await media.waitForIdle();
        idle = true;
        await watching;
        const views = await Promise.all(ids.map((id) => app.get(MediaUrlsService).view(id)));
        expect(views.map((v) => `${v.status} ${v.width}×${v.height} ${v.warnings.length}`)).toEqual([
          'ready 800×600 0',
          'ready 800×600 1',
          'ready 800×600 1',
          'ready 800×600 1',
          'ready 800×600 1',
        ]);
        // Never two at once before the first is ready (nothing to size them to); afterwards several workers share it.
        expect(seen.filter((s) => s.ready === 0 && s.processing > 1)).toEqual([]);
        expect(Math.max(...seen.filter((s) => s.ready > 0).map((s) => s.processing))).toBeGreaterThan(1);
      } finally {
        await replica.close();
      }
    });
  });

  describe('served bytes carry no metadata', () => {
    let view: { urls: { variants: Record<string, string>; dzi: string } };
    beforeAll(async () => {
      const tagged = await noise(1400, 1000)
        .jpeg()
        .withMetadata({
          icc: 'p3',
          exif: { IFD0: { Copyright: 'secret-serial-UTO-123', ImageDescription: 'forged specimen' } },
        })
        .withXmp(
          '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>secret-serial-UTO-123</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>',
        )
        .toBuffer();
      const source = await sharp(tagged).metadata();
      expect(source.exif).toBeDefined();
      expect(source.icc).toBeDefined();
      expect(source.xmp).toBeDefined();
      view = await processed(tagged);
    });

    it('no EXIF, XMP, IPTC, ICC or comments in any variant or tile', async () => {
      const tileBase = view.urls.dzi.replace(/image\.dzi$/, 'image_files');
      const urls = [
        ...Object.values(view.urls.variants),
        `${tileBase}/11/0_0.webp`,
        `${tileBase}/11/5_3.webp`,
        `${tileBase}/8/0_0.webp`,
        `${tileBase}/0/0_0.webp`,
      ];
      for (const url of urls) {
        const { body, status } = await fetchBytes(url);
        expect(status).toBe(200);
        const meta = await sharp(body).metadata();
        expect({
          url,
          exif: meta.exif,
          xmp: meta.xmp,
          iptc: meta.iptc,
          icc: meta.icc,
          comments: meta.comments,
          orientation: meta.orientation,
        }).toEqual({ url });
        const text = body.toString('latin1');
        for (const marker of METADATA_MARKERS)
          expect(`${url}: ${text.includes(marker) ? marker : 'clean'}`).toBe(`${url}: clean`);
      }
      const dzi = await http().get(view.urls.dzi);
      for (const marker of METADATA_MARKERS) expect(dzi.text).not.toContain(marker);
    });

    it('stored files have opaque names and no metadata either; the upload itself is gone', () => {
      const files = listFiles(path.join(mediaDir, 'objects'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const rel = path.relative(path.join(mediaDir, 'objects'), f);
        expect(rel).toMatch(
          /^[0-9a-f]{2}\/[0-9a-f]{32}\/(image\.dzi|(640|1280|2560)\.(webp|avif|jpeg)|image_files\/\d+\/\d+_\d+\.webp)$/,
        );
        expect(fs.readFileSync(f).toString('latin1')).not.toContain('secret-serial-UTO-123');
      }
    });
  });

  describe('signed URLs', () => {
    let assetId: string;
    let url: string;
    beforeAll(async () => {
      const view = await processed(await noise(800, 600).jpeg().toBuffer());
      assetId = view.id;
      url = view.urls.variants['640.webp'];
    });
    const signer = () => app.get(UrlSigner);
    const tokenOf = (u: string) => u.split('/')[4];

    it('serves with Content-Type, ETag, private caching no longer than the token lives', async () => {
      const res = await fetchBytes(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(res.headers['cache-control'])![1]);
      const { exp } = signer().verify(tokenOf(url));
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(exp - Math.floor(Date.now() / 1000) + 1);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    });

    it('If-None-Match → 304', async () => {
      const first = await http().get(url);
      const again = await http().get(url).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
    });

    describe('ranges', () => {
      let size: number;
      beforeAll(async () => {
        size = (await fetchBytes(url)).body.length;
      });

      it("Range → 206 with Content-Range and the range's length", async () => {
        const part = await http().get(url).set('Range', 'bytes=10-109').buffer(true);
        expect(part.status).toBe(206);
        expect(part.headers['content-range']).toBe(`bytes 10-109/${size}`);
        expect(part.headers['content-length']).toBe('100');
      });

      it('a suffix range → 206 with the last bytes', async () => {
        const suffix = await http().get(url).set('Range', 'bytes=-20');
        expect(suffix.status).toBe(206);
        expect(suffix.headers['content-range']).toBe(`bytes ${size - 20}-${size - 1}/${size}`);
      });

      it('an unsatisfiable range → 416 with Content-Range: bytes */size', async () => {
        const beyond = await http()
          .get(url)
          .set('Range', `bytes=${size + 10}-`);
        expect(beyond.status).toBe(416);
        expect(beyond.headers['content-range']).toBe(`bytes */${size}`);
      });
    });

    it('an expired token → 403 saying so', async () => {
      const past = signer().sign({
        assetId,
        userId: instructorId,
        scope: 'library',
        exp: Math.floor(Date.now() / 1000) - 5,
      });
      const expired = await http().get(`/api/media/s/${past}/640.webp`);
      expect(expired.status).toBe(403);
      expect(expired.body.message).toMatch(/expired/);
    });

    it('names no asset: the id cannot be read from the URL (issue 13: harvested truths were keyed on it)', () => {
      const token = tokenOf(url);
      expect(url).not.toContain(assetId);
      expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain(assetId);
    });

    it('names no asset in its headers either: another grant of the same image gets another ETag and no date', async () => {
      const { exp } = signer().verify(tokenOf(url));
      const elsewhere = signer().sign({ assetId, userId: instructorId, scope: 'attempt:another', exp });
      const [a, b] = [await http().get(url), await http().get(`/api/media/s/${elsewhere}/640.webp`)];
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.headers.etag).not.toBe(a.headers.etag);
      expect(a.headers['last-modified']).toBeUndefined();
    });

    describe('a tampered token → 403', () => {
      it('a changed byte', async () => {
        const raw = Buffer.from(tokenOf(url), 'base64url');
        raw[raw.length - 20] ^= 1;
        expect((await http().get(`/api/media/s/${raw.toString('base64url')}/640.webp`)).status).toBe(403);
      });

      it('another asset sealed under another key', async () => {
        const { exp } = signer().verify(tokenOf(url));
        const other = new UrlSigner(mediaUrlKey('someone-elses-secret-0123456789abcdef', 'x')).sign({
          assetId,
          userId: instructorId,
          scope: 'library',
          exp,
        });
        expect((await http().get(`/api/media/s/${other}/640.webp`)).status).toBe(403);
      });

      it('the old readable form (payload.signature)', async () => {
        const { exp } = signer().verify(tokenOf(url));
        const readable = Buffer.from(JSON.stringify({ a: assetId, u: instructorId, s: 'library', e: exp })).toString(
          'base64url',
        );
        expect((await http().get(`/api/media/s/${readable}.${'A'.repeat(43)}/640.webp`)).status).toBe(403);
      });

      it('garbage', async () => {
        expect((await http().get(`/api/media/s/garbage/640.webp`)).status).toBe(403);
      });
    });

    it('a valid token for an unknown asset → 404', async () => {
      const unknown = signer().sign({
        assetId: '00000000-0000-4000-8000-000000000000',
        userId: instructorId,
        scope: 'library',
        exp: Math.floor(Date.now() / 1000) + 60,
      });
      expect((await http().get(`/api/media/s/${unknown}/640.webp`)).status).toBe(404);
    });

    it.each([['641.webp'], ['source'], ['..%2F..%2Fsource']])(
      'a file the asset does not serve (%s) → 404',
      async (file) => {
        expect((await http().get(url.replace('640.webp', file))).status).toBe(404);
      },
    );

    it('signedUrls leaves out assets that are not ready', async () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-queued-'));
      const file = path.join(tmp, 'q.png');
      fs.writeFileSync(file, await solid(64, 64, '#123456').png().toBuffer());
      // Ingest inside a transaction that is still open: the worker cannot see (or claim) the row yet.
      await db.transaction(async (m) => {
        const { id } = await media.ingestFile(file, { createdBy: instructorId, manager: m });
        const [row] = await m.query(`SELECT status FROM media_assets WHERE id = $1`, [id]);
        expect(row.status).toBe('queued');
        const urls = await media.signedUrls([id, assetId], { userId: instructorId, scope: 'library' });
        expect([...urls.keys()]).toEqual([assetId]);
        expect(urls.get(assetId)!.expiresAt).toEqual(expect.any(String));
      });
      await media.waitForIdle();
    });

    it('GET /api/media/:id of an unknown asset → 404', async () => {
      const missing = await http().get('/api/media/00000000-0000-4000-8000-000000000000').set(bearer(instructor));
      expect(missing.status).toBe(404);
    });
  });

  describe('durable queue', () => {
    describe('after a crash and a restart', () => {
      // The suite's API stops; an API that only accepts work (no worker) takes its place on the same database and
      // media directory, "crashes" mid-job, and a third one starts afterwards (it is closed by afterAll).
      type Row = { id: string; status: string; failure_reason: string | null; storage_id: string; attempts: number };
      let shared: string;
      let goodId: string;
      let doomedId: string;
      let good: Row;
      let bad: Row;
      let second: NestExpressApplication;
      beforeAll(async () => {
        shared = mediaDir;
        await app.close();
        const first = await testApp({ MEDIA_DIR: shared, MEDIA_WORKER_CONCURRENCY: '0' });
        db = first.get(DataSource);
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-durable-'));
        const goodFile = path.join(tmp, 'good.jpg');
        const doomedFile = path.join(tmp, 'doomed.jpg');
        fs.writeFileSync(goodFile, await noise(500, 400).jpeg().toBuffer());
        fs.writeFileSync(doomedFile, await noise(500, 400).jpeg().toBuffer());
        try {
          const m = first.get(MediaService);
          goodId = (await m.ingestFile(goodFile, { createdBy: null })).id;
          doomedId = (await m.ingestFile(doomedFile, { createdBy: null })).id;
          // Simulate a crash mid-processing: claimed, lease long expired.
          await db.query(
            `UPDATE media_assets SET status = 'processing', attempts = 1, progress = 40, lease_until = now() - interval '10 minutes' WHERE id = $1`,
            [goodId],
          );
          // And damage the stored source of the other, so its processing fails.
          const [{ storage_id }] = await db.query(`SELECT storage_id FROM media_assets WHERE id = $1`, [doomedId]);
          const src = path.join(shared, 'objects', storage_id.slice(0, 2), storage_id, 'source');
          fs.writeFileSync(src, fs.readFileSync(src).subarray(0, 600));
          const [before] = await db.query(`SELECT status FROM media_assets WHERE id = $1`, [goodId]);
          expect(before.status).toBe('processing');
        } finally {
          await first.close();
        }

        second = await testApp({ MEDIA_DIR: shared });
        app = second;
        db = second.get(DataSource);
        await second.get(MediaService).waitForIdle();
        const rows: Row[] = await db.query(
          `SELECT id, status, failure_reason, storage_id, attempts FROM media_assets WHERE id = ANY($1::uuid[])`,
          [[goodId, doomedId]],
        );
        good = rows.find((r) => r.id === goodId)!;
        bad = rows.find((r) => r.id === doomedId)!;
      });

      it('a job left in processing with an expired lease is done, on its second attempt', () => {
        expect(good).toMatchObject({ status: 'ready', failure_reason: null, attempts: 2 });
        expect(
          listFiles(path.join(shared, 'objects', good.storage_id.slice(0, 2), good.storage_id)).length,
        ).toBeGreaterThan(9);
      });

      it('a job whose processing fails is marked failed with a reason and leaves no files', () => {
        expect(bad.status).toBe('failed');
        expect(bad.failure_reason).toMatch(/could not be processed/);
        expect(listFiles(path.join(shared, 'objects', bad.storage_id.slice(0, 2), bad.storage_id))).toEqual([]);
      });

      it('no scratch files are left', () => {
        expect(listFiles(path.join(shared, 'tmp'))).toEqual([]);
      });

      it("the failed asset's view shows the failure and no URLs", async () => {
        const view = await second.get(MediaUrlsService).view(doomedId);
        expect(view).toMatchObject({
          status: 'failed',
          urls: null,
          failureReason: expect.stringMatching(/could not be processed/),
        });
      });
    });
  });
});
