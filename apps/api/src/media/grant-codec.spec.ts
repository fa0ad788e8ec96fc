import { decodeGrant, encodeGrant } from './grant-codec';
import { mediaUrlKey, UrlSigner } from './signing';

describe("a media URL's grant, packed", () => {
  const assetId = '6f1c2a52-4d0e-4c11-9a3b-2f5e8d7c9b10';
  const userId = '0b7e5d9a-8c3f-4e21-b6a4-1d2c3e4f5a6b';
  const exp = 1_800_000_000;

  it.each([
    'attempt:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f',
    'assignment:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f',
    'preview:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f',
    'exercise:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f',
    'library',
    'attempt:not-a-uuid',
    'unknown-kind:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f',
    'مثال',
  ])('round-trips the scope %s', (scope) => {
    expect(decodeGrant(encodeGrant({ assetId, userId, scope, exp }))).toEqual({ assetId, userId, scope, exp });
  });

  it('packs an attempt grant in 54 bytes: its token is about 110 characters, not 240 as JSON', () => {
    const scope = 'attempt:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f';
    expect(encodeGrant({ assetId, userId, scope, exp })).toHaveLength(54);
    const signer = new UrlSigner(mediaUrlKey(undefined, 'jwt-secret-jwt-secret-jwt-secret-0123'));
    expect(signer.sign({ assetId, userId, scope, exp: Math.floor(Date.now() / 1000) + 60 })).toHaveLength(110);
  });

  it('gives ids back lower-case, as PostgreSQL writes them', () => {
    const grant = { assetId: assetId.toUpperCase(), userId, scope: 'library', exp };
    expect(decodeGrant(encodeGrant(grant))).toEqual({ ...grant, assetId });
  });

  it('reads the JSON of tokens sealed before the binary format', () => {
    const legacy = Buffer.from(JSON.stringify({ a: assetId, u: userId, s: 'library', e: exp }));
    expect(decodeGrant(legacy)).toEqual({ assetId, userId, scope: 'library', exp });
  });

  it('reads nothing from bytes that are not a grant', () => {
    const packed = encodeGrant({ assetId, userId, scope: 'attempt:9d3c1f0e-2b4a-4c6d-8e7f-0a1b2c3d4e5f', exp });
    expect(decodeGrant(packed.subarray(0, 37))).toBeNull(); // no scope
    expect(decodeGrant(packed.subarray(0, 40))).toBeNull(); // a cut scope id
    expect(decodeGrant(Buffer.concat([packed.subarray(0, 37), Buffer.of(9), packed.subarray(38)]))).toBeNull();
    expect(decodeGrant(Buffer.from('{"a":1}'))).toBeNull();
    expect(decodeGrant(Buffer.from('null'))).toBeNull();
    expect(decodeGrant(Buffer.of(0x7b, 0xff))).toBeNull();
  });

  it('seals ids that are not UUIDs as JSON, which it reads back too', () => {
    const grant = { assetId: 'a1', userId: 'route-test', scope: 'library', exp };
    expect(encodeGrant(grant).toString('utf8')).toBe('{"a":"a1","u":"route-test","s":"library","e":1800000000}');
    expect(decodeGrant(encodeGrant(grant))).toEqual(grant);
  });

  it('refuses an expiry that is not whole seconds within 32 bits', () => {
    expect(() => encodeGrant({ assetId, userId, scope: 'library', exp: 1.5 })).toThrow(/whole seconds/);
    expect(() => encodeGrant({ assetId, userId, scope: 'library', exp: 2 ** 32 })).toThrow(/whole seconds/);
  });
});
