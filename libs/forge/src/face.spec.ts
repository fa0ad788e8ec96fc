import sharp from 'sharp';
import { faceParams, faceSvg, identityVector, lookAlikeParams } from './face';

describe('procedural faces', () => {
  it('gives at least 400 distinguishable identities from seeds', () => {
    const vectors = Array.from({ length: 400 }, (_, i) => identityVector(faceParams(`id-${i}`, i % 2 ? 'F' : 'M')));
    let minDist = Infinity;
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        const d = Math.sqrt(vectors[i].reduce((s, v, k) => s + (v - vectors[j][k]) ** 2, 0));
        minDist = Math.min(minDist, d);
      }
    }
    // Normalised parameters span 0–1; every pair differs by a clear margin in at least some of them.
    expect(minDist).toBeGreaterThan(0.25);
  });

  it('renders visibly different portraits for different seeds', async () => {
    const render = async (seed: string): Promise<Buffer> =>
      sharp(Buffer.from(faceSvg(faceParams(seed, 'F'), undefined, 48, 64)))
        .greyscale()
        .raw()
        .toBuffer();
    const imgs = await Promise.all(Array.from({ length: 40 }, (_, i) => render(`r-${i}`)));
    for (let i = 0; i < imgs.length; i++) {
      for (let j = i + 1; j < imgs.length; j++) {
        let diff = 0;
        for (let k = 0; k < imgs[i].length; k++) diff += Math.abs(imgs[i][k] - imgs[j][k]);
        expect(diff / imgs[i].length).toBeGreaterThan(2);
      }
    }
  });

  it('a look-alike keeps the style and changes the face', () => {
    const p = faceParams('holder', 'M');
    const l = lookAlikeParams(p, 'x');
    expect(l.hairStyle).toBe(p.hairStyle);
    expect(l.glasses).toBe(p.glasses);
    expect(l.facialHair).toBe(p.facialHair);
    expect([l.eyeGap, l.noseLen, l.jaw, l.mouthW]).not.toEqual([p.eyeGap, p.noseLen, p.jaw, p.mouthW]);
  });
});
