import { DomainError } from '../common/errors/domain-error';
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

  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = (type: string, len = 0) =>
    Buffer.concat([Buffer.from([0, 0, 0, len]), Buffer.from(type), Buffer.alloc(len + 4)]);

  it('spots an APNG by its acTL chunk before IDAT', () => {
    expect(isAnimatedPng(Buffer.concat([pngSignature, chunk('IHDR', 13), chunk('acTL', 8), chunk('IDAT', 4)]))).toBe(
      true,
    );
  });

  it('takes an acTL chunk after IDAT for a still PNG', () => {
    expect(isAnimatedPng(Buffer.concat([pngSignature, chunk('IHDR', 13), chunk('IDAT', 4), chunk('acTL', 8)]))).toBe(
      false,
    );
  });
});

describe('UrlSigner', () => {
  const signer = new UrlSigner(mediaUrlKey(undefined, 'jwt-secret-jwt-secret-jwt-secret-0123'));
  const assetId = '6f1c2a52-4d0e-4c11-9a3b-2f5e8d7c9b10';
  const userId = '0b7e5d9a-8c3f-4e21-b6a4-1d2c3e4f5a6b';
  const grant = { assetId, userId, scope: 'attempt:x', exp: Math.floor(Date.now() / 1000) + 60 };

  it('round-trips a grant', () => {
    expect(signer.verify(signer.sign(grant))).toEqual(grant);
  });

  it('seals the grant: neither the asset nor the user can be read from the token (issue 13)', () => {
    const token = signer.sign(grant);
    const bytes = Buffer.from(token, 'base64url').toString('latin1');
    for (const secret of [assetId, userId, assetId.replaceAll('-', ''), 'attempt:x']) {
      expect(token).not.toContain(secret);
      expect(bytes).not.toContain(secret);
    }
  });

  it('gives the same grant the same token (the browser cache works) and another attempt an unrelated one', () => {
    const token = signer.sign(grant);
    expect(signer.sign({ ...grant })).toBe(token);
    const other = signer.sign({ ...grant, scope: 'attempt:y' });
    expect(other).not.toBe(token);
    // No shared prefix beyond chance: the IV differs, so the whole token does.
    expect(other.slice(0, 8)).not.toBe(token.slice(0, 8));
  });

  it('refuses a token sealed with another key', () => {
    const other = new UrlSigner(mediaUrlKey('a-different-media-url-secret-0123456789', 'x'));
    expect(() => other.verify(signer.sign(grant))).toThrow(/not valid/);
  });

  it('refuses a token with any byte changed', () => {
    const raw = Buffer.from(signer.sign(grant), 'base64url');
    for (const at of [0, 20, raw.length - 1]) {
      const changed = Buffer.from(raw);
      changed[at] ^= 1;
      expect(() => signer.verify(changed.toString('base64url'))).toThrow(/not valid/);
    }
  });

  it('refuses an expired grant, saying so', () => {
    expect(() => signer.verify(signer.sign({ ...grant, exp: 1 }))).toThrow(/expired/);
  });

  it('refuses garbage, a cut token and characters outside base64url', () => {
    const token = signer.sign(grant);
    expect(() => signer.verify('no-dot')).toThrow(/not valid/);
    expect(() => signer.verify(token.slice(0, 30))).toThrow(/not valid/);
    expect(() => signer.verify(`${token}.x`)).toThrow(/not valid/);
  });
});
