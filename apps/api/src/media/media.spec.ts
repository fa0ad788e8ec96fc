import { DomainError } from '../common/domain-error';
import { parseRange } from './media.service';
import { mediaUrlKey, UrlSigner } from './signing';
import { isAnimatedPng, sniffFormat } from './sniff';

describe('sniffFormat (content, not names)', () => {
  it.each([
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0]],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['tiff', [0x49, 0x49, 0x2a, 0x00]],
    ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
    ['webp', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]],
  ])('recognises %s', (format, bytes) => {
    expect(sniffFormat(Buffer.from(bytes))).toBe(format);
  });

  it.each([
    ['', 400, /empty/],
    ['GIF89a', 415, /GIF/],
    ['%PDF-1.7', 415, /PDF/],
    ['\uFEFF  <svg xmlns="http://www.w3.org/2000/svg">', 415, /SVG/],
    ['<!DOCTYPE html><html>', 415, /HTML/],
    ['BM6\u0000', 415, /BMP/],
    ['hello world', 415, /not an image/],
  ])('refuses %j', (text, status, message) => {
    const err = (() => {
      try {
        sniffFormat(Buffer.from(text, 'utf8'));
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err!.status).toBe(status);
    expect(err!.message).toMatch(message);
  });

  it('spots an APNG by its acTL chunk before IDAT', () => {
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunk = (type: string, len = 0) => Buffer.concat([Buffer.from([0, 0, 0, len]), Buffer.from(type), Buffer.alloc(len + 4)]);
    expect(isAnimatedPng(Buffer.concat([sig, chunk('IHDR', 13), chunk('acTL', 8), chunk('IDAT', 4)]))).toBe(true);
    expect(isAnimatedPng(Buffer.concat([sig, chunk('IHDR', 13), chunk('IDAT', 4), chunk('acTL', 8)]))).toBe(false);
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
    ['bytes=0-1,5-6', 1000, null], // several ranges: served whole
    ['items=0-1', 1000, null],
  ])('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('UrlSigner', () => {
  const signer = new UrlSigner(mediaUrlKey(undefined, 'jwt-secret-jwt-secret-jwt-secret-0123'));
  const grant = { assetId: 'a1', userId: 'u1', scope: 'attempt:x', exp: Math.floor(Date.now() / 1000) + 60 };

  it('round-trips a grant', () => {
    expect(signer.verify(signer.sign(grant))).toEqual(grant);
  });

  it('refuses another key, a changed payload, an expired grant', () => {
    const other = new UrlSigner(mediaUrlKey('a-different-media-url-secret-0123456789', 'x'));
    expect(() => other.verify(signer.sign(grant))).toThrow(/not valid/);
    const [, sig] = signer.sign(grant).split('.');
    const changed = Buffer.from(JSON.stringify({ a: 'a2', u: 'u1', s: 'attempt:x', e: grant.exp })).toString('base64url');
    expect(() => signer.verify(`${changed}.${sig}`)).toThrow(/not valid/);
    expect(() => signer.verify(signer.sign({ ...grant, exp: 1 }))).toThrow(/expired/);
    expect(() => signer.verify('no-dot')).toThrow(/not valid/);
  });
});
