// Integrity: genuine and forged images must not be told apart by anything but the document. A classifier trained
// on file-level statistics only (size, dimensions, PNG header and chunks, per-channel histogram moments) must stay
// at chance on held-out pairs.
import { FORGERIES, type ForgeryName } from './forgery';
import { renderGenuine, renderImages } from './instance';
import { decode } from './testing/images';

const PAIRS = Number(process.env.FORGE_PAIRS ?? 204);
const DPI = 72;

const OPS: ForgeryName[] = [
  'photoSubstitution',
  'alterData',
  'scrubData',
  'tamperMrz',
  'counterfeit',
  'pageSubstitution',
  'impostor',
  'pseudo',
  'stolenBlank',
  'fraudulentlyObtained',
  'forgeStamp',
];
const TD3_ONLY: ForgeryName[] = ['pageSubstitution', 'forgeStamp'];

/** PNG structure: IHDR fields and the chunk list. */
function pngHeader(png: Buffer): number[] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  let off = 8;
  const chunks: string[] = [];
  let idat = 0;
  let ihdr: number[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.subarray(off + 4, off + 8).toString('latin1');
    if (type === 'IHDR') {
      const d = png.subarray(off + 8, off + 8 + len);
      ihdr = [d.readUInt32BE(0), d.readUInt32BE(4), d[8], d[9], d[10], d[11], d[12]];
    }
    if (type === 'IDAT') idat++;
    chunks.push(type);
    off += 12 + len;
  }
  return [...ihdr, chunks.length, idat, new Set(chunks).size];
}

async function fileFeatures(png: Buffer): Promise<number[]> {
  const img = await decode(png);
  const n = img.width * img.height;
  const moments: number[] = [];
  for (let c = 0; c < img.channels; c++) {
    let s1 = 0;
    for (let i = 0; i < n; i++) s1 += img.data[i * img.channels + c];
    const mean = s1 / n;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const d = img.data[i * img.channels + c] - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    const sd = Math.sqrt(m2 / n);
    moments.push(mean, sd, m3 / n / sd ** 3, m4 / n / sd ** 4);
  }
  return [png.length, png.length / n, ...pngHeader(png), ...moments];
}

function standardise(train: number[][], rows: number[][]): number[][] {
  const d = train[0].length;
  const mu = Array.from({ length: d }, (_, j) => train.reduce((s, r) => s + r[j], 0) / train.length);
  const variance = (j: number): number => train.reduce((s, r) => s + (r[j] - mu[j]) ** 2, 0) / train.length;
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(variance(j)) || 1);
  return rows.map((r) => r.map((v, j) => (v - mu[j]) / sd[j]));
}

function logistic(x: number[][], y: number[]): (row: number[]) => number {
  const d = x[0].length;
  const w = new Array(d + 1).fill(0);
  const lr = 0.1;
  const l2 = 1e-3;
  for (let it = 0; it < 2000; it++) {
    const g = new Array(d + 1).fill(0);
    for (let i = 0; i < x.length; i++) {
      const z = w[d] + x[i].reduce((s, v, j) => s + v * w[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      const e = p - y[i];
      for (let j = 0; j < d; j++) g[j] += e * x[i][j];
      g[d] += e;
    }
    for (let j = 0; j <= d; j++) w[j] -= lr * (g[j] / x.length + (j < d ? l2 * w[j] : 0));
  }
  return (row) => (w[d] + row.reduce((s, v, j) => s + v * w[j], 0) > 0 ? 1 : 0);
}

function bestStump(x: number[][], y: number[]): (row: number[]) => number {
  let best = { acc: 0, j: 0, t: 0, dir: 1 };
  for (let j = 0; j < x[0].length; j++) {
    const values = [...new Set(x.map((r) => r[j]))].sort((a, b) => a - b);
    for (const t of values) {
      for (const dir of [1, -1]) {
        const acc = x.reduce((s, r, i) => s + ((dir * (r[j] - t) > 0 ? 1 : 0) === y[i] ? 1 : 0), 0) / x.length;
        if (acc > best.acc) best = { acc, j, t, dir };
      }
    }
  }
  return (row) => (best.dir * (row[best.j] - best.t) > 0 ? 1 : 0);
}

describe('integrity: file-level statistics do not reveal forgeries', () => {
  it(`a classifier on ${PAIRS} genuine/forged pairs stays at ≤ 60 % held-out accuracy`, async () => {
    const rows: { pair: number; x: number[]; y: number }[] = [];
    const states = ['UTO', 'ARC', 'BRG'];
    for (let i = 0; i < PAIRS; i++) {
      let op = OPS[i % OPS.length];
      const type = TD3_ONLY.includes(op) || i % 3 !== 0 ? 'TD3' : 'TD1';
      if (type === 'TD1' && TD3_ONLY.includes(op)) op = 'alterData';
      const genuine = renderGenuine({ state: states[i % 3], type, seed: `integrity-${i}`, dpi: DPI });
      const forged = FORGERIES[op](genuine, { subtlety: (i % 10) / 10, seed: i }).instance;
      const [g] = await renderImages(genuine, { lights: ['visible'], sides: [genuine.sides[0].side] });
      const [f] = await renderImages(forged, { lights: ['visible'], sides: [forged.sides[0].side] });
      // Same pipeline: same dimensions and encoder settings.
      expect([f.width, f.height]).toEqual([g.width, g.height]);
      expect(pngHeader(f.png).slice(0, 7)).toEqual(pngHeader(g.png).slice(0, 7));
      rows.push({ pair: i, x: await fileFeatures(g.png), y: 0 }, { pair: i, x: await fileFeatures(f.png), y: 1 });
    }
    // Held-out evaluation by pair: 5 folds, the pairs of a fold never seen in training.
    let correctLogit = 0;
    let correctStump = 0;
    for (let fold = 0; fold < 5; fold++) {
      const train = rows.filter((r) => r.pair % 5 !== fold);
      const test = rows.filter((r) => r.pair % 5 === fold);
      const trainX = train.map((r) => r.x);
      const [xs, ts] = [
        standardise(trainX, trainX),
        standardise(
          trainX,
          test.map((r) => r.x),
        ),
      ];
      const model = logistic(
        xs,
        train.map((r) => r.y),
      );
      const stump = bestStump(
        xs,
        train.map((r) => r.y),
      );
      ts.forEach((row, i) => {
        if (model(row) === test[i].y) correctLogit++;
        if (stump(row) === test[i].y) correctStump++;
      });
    }
    const accLogit = correctLogit / rows.length;
    const accStump = correctStump / rows.length;
    const percent = (accuracy: number): string => `${(accuracy * 100).toFixed(1)} %`;
    process.stdout.write(
      `integrity: logistic regression ${percent(accLogit)}, decision stump ${percent(accStump)}` +
        ` over ${rows.length} images\n`,
    );
    expect(accLogit).toBeLessThanOrEqual(0.6);
    expect(accStump).toBeLessThanOrEqual(0.6);
  });
});
