// The polyglot scan: every marker, in any case, wherever it sits in the file — across the 256 KB chunks it is read in,
// at the first byte or the last — and nothing refused that only comes close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertNoEmbeddedMarkup } from './sniff';

const CHUNK = 256 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firstline-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileOf(...parts: Array<Buffer | string>): string {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));
  return file;
}
/** Bytes that hold no marker: image-like noise without the bytes markers start with. */
const filler = (length: number) => Buffer.alloc(length, 0xa7);

const MARKERS = [
  '<script',
  '<!doctype',
  '<html>',
  '<html ',
  '<iframe',
  '<?php ',
  '%pdf-1.',
  '%pdf-2.',
  '<svg xmlns',
  'javascript:',
];

describe('assertNoEmbeddedMarkup', () => {
  it.each(MARKERS)('refuses %s in upper and mixed case, in the middle of a file', async (marker) => {
    const upper = marker.toUpperCase();
    const mixed = [...marker].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    for (const written of [marker, upper, mixed]) {
      await expect(assertNoEmbeddedMarkup(fileOf(filler(1000), written, filler(1000)))).rejects.toThrow(
        `The file embeds markup or another document ("${marker}…")`,
      );
    }
  });

  it('finds a marker split across two chunks at every split point', async () => {
    const marker = 'JavaScript:';
    for (let split = 1; split < marker.length; split++) {
      const file = fileOf(filler(CHUNK - split), marker, filler(100));
      await expect(assertNoEmbeddedMarkup(file)).rejects.toThrow('("javascript:…")');
    }
    // across the second boundary too: what is carried over is the end of the chunk before, not of the first
    await expect(assertNoEmbeddedMarkup(fileOf(filler(2 * CHUNK - 3), '<IFRAME', filler(10)))).rejects.toThrow(
      '("<iframe…")',
    );
  });

  it('finds a marker at the first and at the last bytes of a file', async () => {
    await expect(assertNoEmbeddedMarkup(fileOf('%PDF-1.7', filler(5000)))).rejects.toThrow('("%pdf-1.…")');
    await expect(assertNoEmbeddedMarkup(fileOf(filler(CHUNK + 5000), '<html>'))).rejects.toThrow('("<html>…")');
    await expect(assertNoEmbeddedMarkup(fileOf('<script'))).rejects.toThrow('("<script…")');
  });

  it('accepts what only comes close: cut markers, other letters, bytes outside ASCII', async () => {
    const near = ['<scrip', '<!doctyp', '<htm', '<html_', '%pdf-3.', '%pdf1.', 'javascript', '<svg xmln', '<?php\n'];
    // 0xdc is "Ü" in latin1 and lower-cases to 0xfc, not to an ASCII letter
    const notAscii = Buffer.from([0x3c, 0x53, 0x43, 0x52, 0x49, 0xdc, 0x54]);
    await expect(
      assertNoEmbeddedMarkup(fileOf(...near.flatMap((m) => [filler(CHUNK / 3), m]), notAscii, '<scrip')),
    ).resolves.toBeUndefined();
    await expect(assertNoEmbeddedMarkup(fileOf(filler(3 * CHUNK + 17)))).resolves.toBeUndefined();
  });
});
