// The DeepZoom pyramid deriveImage writes — the full-resolution level first, the levels below from the image at half
// size, so storage can take the first while the rest is encoded — has exactly the levels, tiles and tile sizes one
// libvips dzsave of the whole image has, and the same .dzi, for even, odd, thin and tiny images.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { deriveImage, DZI_FILE, TILES_DIR } from '../src/media/image-pipeline';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-pyramid-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Every tile under `dir` (level/x_y.webp) with its width × height. */
async function tiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const level of fs.readdirSync(dir).filter((l) => /^\d+$/.test(l)))
    for (const tile of fs.readdirSync(path.join(dir, level))) {
      const m = await sharp(path.join(dir, level, tile)).metadata();
      out.push(`${level}/${tile} ${m.width}×${m.height}`);
    }
  return out.sort();
}

describe('the DeepZoom pyramid', () => {
  it.each([
    [3001, 2001],
    [1024, 768],
    [1000, 257],
    [257, 1000],
    [256, 256],
    [200, 100],
    [1, 1],
  ])('of a %i × %i image matches one dzsave of the whole', async (width, height) => {
    const dir = fs.mkdtempSync(path.join(scratch, `${width}x${height}-`));
    const src = path.join(dir, 'source.png');
    const raw = Buffer.alloc(width * height * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(src);

    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const handed: string[][] = [];
    const result = await deriveImage(src, out, {
      maxPixels: 100_000_000,
      onFiles: async (files) => void handed.push(files),
    });
    await sharp(src).webp().tile({ size: 256, overlap: 0, layout: 'dz' }).toFile(path.join(dir, 'reference.dz'));

    expect(await tiles(path.join(out, TILES_DIR))).toEqual(await tiles(path.join(dir, 'reference_files')));
    expect(fs.readFileSync(path.join(out, DZI_FILE), 'utf8')).toBe(
      fs.readFileSync(path.join(dir, 'reference.dzi'), 'utf8'),
    );
    // every file is listed once and handed over once, the full-resolution level first
    expect(handed.flat().sort()).toEqual([...result.files].sort());
    expect(new Set(result.files).size).toBe(result.files.length);
    const top = Math.ceil(Math.log2(Math.max(width, height)));
    expect(handed[0].every((f) => f.startsWith(`${TILES_DIR}/${top}/`))).toBe(true);
    expect(fs.readdirSync(out).sort()).toEqual(
      [DZI_FILE, TILES_DIR, ...result.files.filter((f) => !f.includes('/') && f !== DZI_FILE)].sort(),
    );
  });
});
