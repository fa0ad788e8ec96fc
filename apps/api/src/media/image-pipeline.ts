// The image pipeline: the ONLY file in the API that imports sharp (a test greps the source tree for it).
// Two jobs: inspect an upload before it is accepted (cheap header checks, then a full strict decode), and turn an
// accepted file into what the browser gets — auto-oriented, sRGB, 8-bit, metadata-free display variants and
// DeepZoom tiles, all with the same encoder settings whatever the source.
import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_VARIANT_FORMATS, MEDIA_VARIANT_WIDTHS, type MediaVariantFormat } from '@firstline/contracts';
import sharp from 'sharp';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { DomainError } from '../common/errors/domain-error';
import type { AcceptedFormat } from './sniff';

/** Names of the derived files inside an asset's storage prefix (the same names the signed routes serve). */
export const DZI_FILE = 'image.dzi';
export const TILES_DIR = 'image_files';
export const TILE_SIZE = 256;
export const variantFile = (width: number, format: MediaVariantFormat) => `${width}.${format}`;

// One set of encoder settings for every image: genuine and forged variants must be indistinguishable by encoding.
const ENCODE = {
  // Baseline, not progressive: the JPEGs are for clients without WebP and AVIF (FirstLine's web app shows those), and
  // a progressive scan cost nearly twice the time (19 against 11 ms of CPU for a 200-dpi passport page) for 3 % fewer
  // bytes.
  jpeg: { quality: 84, progressive: false, chromaSubsampling: '4:2:0' },
  // The lowest efforts: on document scans they cost a few per cent in size and save most of the time (AVIF effort 0
  // is about 4× faster than 2 for 2 % more bytes; WebP 0 takes a fifth less CPU than 1 for 1 % more, 1 less than 3
  // for 5 %).
  webp: { quality: 82, effort: 0, smartSubsample: false },
  avif: { quality: 55, effort: 0, chromaSubsampling: '4:2:0' },
  tile: { quality: 82, effort: 0 },
} as const;

/** Process-wide libvips settings: bounded threads and no operation cache (the pipeline never repeats work). */
export function configureSharp(opts: { concurrency: number }): void {
  if (opts.concurrency > 0) sharp.concurrency(opts.concurrency);
  sharp.cache(false);
}

/** sharp/libvips messages carry file paths; keep only the decoder's own words. */
function decoderReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg
    .replace(/\/[^\s:"']+/g, '<file>')
    .split('\n')[0]
    .slice(0, 200);
}

export interface Inspection {
  width: number;
  height: number;
}

/**
 * Accepts or refuses a file whose magic bytes said `expected`. Order matters: the header is read without any pixel
 * limit only to learn its dimensions, so a decompression bomb is refused before a single pixel is decoded; the
 * full decode that proves the file is complete (truncated or corrupt data fail it) happens last, under the limit.
 */
export async function inspectImage(
  file: string,
  expected: AcceptedFormat,
  maxPixels: number,
  opts: { decode: boolean } = { decode: true },
): Promise<Inspection> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch (err) {
    throw new DomainError('invalid', `The image is damaged or unreadable: ${decoderReason(err)}`);
  }
  const format: string | undefined = meta.format;
  if (format !== expected) {
    throw new DomainError(
      'unsupported_media_type',
      `The file looks like ${expected.toUpperCase()} but decodes as ${String(format ?? 'nothing').toUpperCase()}: upload a plain image file`,
    );
  }
  if ((meta.pages ?? 1) > 1) {
    throw new DomainError(
      'invalid',
      `The image has ${meta.pages} ${format === 'tiff' ? 'pages' : 'frames'}: upload a single still image (animated and multi-page files are not accepted)`,
    );
  }
  const { width, height } = meta;
  if (!width || !height)
    throw new DomainError('invalid', 'The image has no dimensions: it is damaged or not a raster image');
  if (width * height > maxPixels) {
    throw new DomainError(
      'payload_too_large',
      `The image is ${width} × ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels); the limit is ${(maxPixels / 1e6).toFixed(0)} megapixels`,
    );
  }
  // Files FirstLine drew itself skip it; the pipeline's own strict decode still fails them if they are damaged.
  if (!opts.decode) return { width, height };
  try {
    // A full, strict decode (pixel statistics need every pixel): truncation and corrupt data fail here.
    await sharp(file, { failOn: 'error', limitInputPixels: maxPixels, sequentialRead: true }).stats();
  } catch (err) {
    throw new DomainError('invalid', `The image is truncated or corrupt: ${decoderReason(err)}`);
  }
  return { width, height };
}

export interface DeriveResult {
  width: number;
  height: number;
  warnings: string[];
  /** Paths of every derived file, relative to the work directory. */
  files: string[];
}

/**
 * Normalises `src` (EXIF auto-orientation, sRGB, 8 bits, alpha flattened on white, no metadata) into a libvips
 * scratch file, then writes DeepZoom tiles and display variants into `workDir`. With `target`, the image is resized
 * to exactly those dimensions (all lights of one document side must register on each other) and a warning says so.
 * Never upscales a variant: a variant wider than the image is written at the image's own width under its usual name.
 */
export async function deriveImage(
  src: string,
  workDir: string,
  opts: {
    maxPixels: number;
    target?: { width: number; height: number } | null;
    onProgress?: (percent: number) => Promise<void>;
    /**
     * Takes finished files (paths relative to `workDir`) as soon as a batch is done — the tiles while the variants are
     * still being made; deriveImage resolves only after every call has.
     */
    onFiles?: (files: string[]) => Promise<void>;
  },
): Promise<DeriveResult> {
  const progress = opts.onProgress ?? (async () => undefined);
  const warnings: string[] = [];
  const input = { failOn: 'error' as const, limitInputPixels: opts.maxPixels };
  const normalised = path.join(workDir, 'normalised.v');
  const reduced = path.join(workDir, 'reduced.v');
  // Hands finished files to `onFiles` without waiting; a failure surfaces when all are awaited below, and nothing is
  // still being handed over once deriveImage has returned or thrown.
  const handed: Promise<void>[] = [];
  const hand = (batch: string[]) => {
    if (!opts.onFiles) return;
    const p = opts.onFiles(batch);
    p.catch(() => undefined);
    handed.push(p);
  };
  try {
    let pipeline = sharp(src, { ...input, sequentialRead: true })
      .rotate() // EXIF orientation, then the tag is gone with the rest of the metadata
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb');
    const oriented = await orientedSize(src, input);
    if (opts.target && (opts.target.width !== oriented.width || opts.target.height !== oriented.height)) {
      const { width: tw, height: th } = opts.target;
      pipeline = pipeline.resize(tw, th, { fit: 'fill', kernel: 'lanczos3' });
      const aspectChange = Math.abs(oriented.width / oriented.height / (tw / th) - 1);
      warnings.push(
        `Resized from ${oriented.width} × ${oriented.height} to ${tw} × ${th} to match the other images of this document side` +
          (aspectChange > 0.01
            ? ` (the aspect ratio differed by ${(aspectChange * 100).toFixed(1)} %, so the image is stretched: re-photograph it to match)`
            : ''),
      );
    }
    const info = await pipeline.toFile(normalised);
    const { width, height } = info;
    await progress(25);

    const variantFiles: string[] = [];
    // DeepZoom pyramid for OpenSeadragon: webp tiles of TILE_SIZE, no overlap. The full-resolution level — three
    // quarters of the tiles — is written and handed over (to storage) first, then the levels below from the image at
    // half size, then the variants: tile and variant encoding keep about one core busy, the upload has the other.
    const tileFiles = await writePyramid(normalised, workDir, { width, height }, hand);
    await progress(70);

    // Display variants: one reduction to the largest width, the smaller widths from that, three encodings each.
    const widths = [...MEDIA_VARIANT_WIDTHS].sort((a, b) => b - a);
    const largest = Math.min(widths[0], width);
    // An image no wider than the largest variant is its own reduction: no second scratch file of the same pixels.
    const source = largest === width ? normalised : reduced;
    if (source === reduced)
      await sharp(normalised).resize({ width: largest, withoutEnlargement: true, kernel: 'lanczos3' }).toFile(reduced);
    // Widths at or above the image's own are the same pixels: encode once, copy to the other names.
    const fullWidth = new Map<MediaVariantFormat, string>();
    for (const [i, w] of widths.entries()) {
      const base = () =>
        w >= largest ? sharp(source) : sharp(source).resize({ width: w, withoutEnlargement: true, kernel: 'lanczos3' });
      for (const format of MEDIA_VARIANT_FORMATS) {
        const name = variantFile(w, format);
        const same = w >= largest ? fullWidth.get(format) : undefined;
        if (same) await fs.promises.copyFile(path.join(workDir, same), path.join(workDir, name));
        else await encode(base(), format).toFile(path.join(workDir, name));
        if (w >= largest && !same) fullWidth.set(format, name);
        variantFiles.push(name);
      }
      await progress(70 + Math.round(((i + 1) / widths.length) * 15));
    }

    const files = [...tileFiles, ...variantFiles, DZI_FILE];
    hand([...variantFiles, DZI_FILE]);
    await Promise.all(handed);
    await progress(90);
    return { width, height, warnings, files };
  } finally {
    await Promise.allSettled(handed);
    await fs.promises.rm(normalised, { force: true });
    await fs.promises.rm(reduced, { force: true });
  }
}

function encode(img: Sharp, format: MediaVariantFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return img.jpeg(ENCODE.jpeg);
    case 'webp':
      return img.webp(ENCODE.webp);
    case 'avif':
      return img.avif(ENCODE.avif);
  }
}

/**
 * Writes the DeepZoom pyramid of `image` (`width` × `height`) as `image.dzi` and `image_files/<level>/<x>_<y>.webp`,
 * handing each finished level set to `hand`, and returns every tile's path. Level `top` is the image itself; the
 * levels below are the pyramid of the image halved (rounding up, as DeepZoom's levels do), so their dimensions are
 * the same as one dzsave of the whole would give.
 */
async function writePyramid(
  image: string,
  workDir: string,
  { width, height }: { width: number; height: number },
  hand: (files: string[]) => void,
): Promise<string[]> {
  const tilesDir = path.join(workDir, TILES_DIR);
  const dz = (input: Sharp, name: string, depth: 'one' | 'onepixel') =>
    input
      .webp(ENCODE.tile)
      .tile({ size: TILE_SIZE, overlap: 0, layout: 'dz', depth })
      .toFile(path.join(workDir, `${name}.dz`));
  /** Moves `<name>_files/<level>` to `image_files/<level + shift>` and lists the tiles. */
  const adopt = async (name: string, shift: number): Promise<string[]> => {
    const from = path.join(workDir, `${name}_files`);
    const files: string[] = [];
    await fs.promises.mkdir(tilesDir, { recursive: true });
    for (const level of await fs.promises.readdir(from)) {
      if (!/^\d+$/.test(level)) continue; // vips-properties.xml
      const to = String(Number(level) + shift);
      await fs.promises.rename(path.join(from, level), path.join(tilesDir, to));
      for (const tile of await fs.promises.readdir(path.join(tilesDir, to))) files.push(`${TILES_DIR}/${to}/${tile}`);
    }
    await fs.promises.rm(from, { recursive: true, force: true });
    return files;
  };

  const top = Math.ceil(Math.log2(Math.max(width, height)));
  await dz(sharp(image), 'top', 'one'); // its .dzi gives the whole image's size; its one level is named "0"
  await fs.promises.rename(path.join(workDir, 'top.dzi'), path.join(workDir, DZI_FILE));
  const topTiles = await adopt('top', top);
  hand(topTiles);
  if (top === 0) return topTiles;
  const half = sharp(image).resize(Math.ceil(width / 2), Math.ceil(height / 2), { fit: 'fill', kernel: 'lanczos3' });
  await dz(half, 'below', 'onepixel');
  await fs.promises.rm(path.join(workDir, 'below.dzi'), { force: true });
  const lowerTiles = await adopt('below', 0);
  hand(lowerTiles);
  return [...topTiles, ...lowerTiles];
}

/** Dimensions after EXIF auto-orientation (orientations 5–8 swap width and height). */
async function orientedSize(src: string, input: SharpOptions): Promise<{ width: number; height: number }> {
  const m = await sharp(src, input).metadata();
  const swap = (m.orientation ?? 1) >= 5;
  return { width: (swap ? m.height : m.width) ?? 0, height: (swap ? m.width : m.height) ?? 0 };
}

/** A small WebP of an image held in memory (a preview nothing stores), no wider than `width`. */
export async function previewWebp(
  image: Buffer,
  width: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image)
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** One tile of the full-resolution DeepZoom level: its column, row and WebP bytes. */
export interface StoredTile {
  col: number;
  row: number;
  data: Buffer;
}

/**
 * An image put back together from its full-resolution DeepZoom level, as raw 8-bit RGB (the pipeline keeps no
 * original once the derived files are stored; the top level holds every pixel of the normalised image).
 */
export async function assembleTiles(
  tiles: StoredTile[],
  width: number,
  height: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const data = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(tiles.map((t) => ({ input: t.data, left: t.col * TILE_SIZE, top: t.row * TILE_SIZE })))
    .removeAlpha()
    .raw()
    .toBuffer();
  return { data, width, height };
}

/** Writes raw 8-bit RGB pixels to a lossless PNG file (which then goes through the pipeline as any upload does). */
export async function writeRgbPng(pixels: { data: Uint8Array; width: number; height: number }, file: string) {
  const { data, width, height } = pixels;
  await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toFile(file);
}
