// Procedural synthetic faces. An identity is a parameter vector drawn from a seed (head shape, skin tone, hair,
// eyes, brows, nose, mouth, ears, beard, glasses, marks); the same identity can be drawn as a document portrait
// or as a "live" traveller photo with small pose and lighting changes. A look-alike keeps the style (sex, skin,
// hair, glasses, age) and redraws the geometry, which is what an impostor looks like.
import { Math } from './hot-globals';
import { Rng } from './prng';

export type Sex = 'F' | 'M';

export interface FaceParams {
  sex: Sex;
  skin: [number, number, number];
  faceW: number;
  faceH: number;
  jaw: number;
  chin: number;
  cheek: number;
  foreheadH: number;
  hairStyle: number;
  hairColor: [number, number, number];
  hairVolume: number;
  hairPart: number;
  eyeY: number;
  eyeGap: number;
  eyeSize: number;
  eyeTilt: number;
  eyeOpen: number;
  irisColor: [number, number, number];
  browThick: number;
  browArch: number;
  browAngle: number;
  browGap: number;
  noseLen: number;
  noseW: number;
  noseTip: number;
  mouthW: number;
  mouthY: number;
  lipUpper: number;
  lipLower: number;
  smile: number;
  earSize: number;
  earY: number;
  facialHair: 'none' | 'stubble' | 'moustache' | 'goatee' | 'beard';
  glasses: 'none' | 'round' | 'rect';
  age: number;
  mole: [number, number] | null;
  neckW: number;
  clothing: [number, number, number];
  collar: number;
}

const SKIN: [number, number, number][] = [
  [247, 218, 196],
  [240, 200, 170],
  [226, 180, 146],
  [205, 156, 118],
  [180, 128, 92],
  [150, 100, 70],
  [118, 78, 54],
  [92, 60, 42],
];
const HAIR: [number, number, number][] = [
  [22, 18, 16],
  [48, 32, 22],
  [82, 56, 36],
  [120, 70, 40],
  [165, 120, 70],
  [210, 175, 120],
  [150, 140, 132],
  [205, 200, 195],
];
const IRIS: [number, number, number][] = [
  [70, 45, 25],
  [105, 70, 40],
  [110, 100, 55],
  [70, 110, 80],
  [70, 110, 160],
  [120, 135, 150],
];
const CLOTHES: [number, number, number][] = [
  [40, 48, 70],
  [70, 70, 74],
  [120, 40, 40],
  [35, 80, 70],
  [200, 200, 205],
  [90, 60, 40],
  [30, 30, 34],
  [110, 120, 150],
];

function jitter(rng: Rng, c: [number, number, number], amount: number): [number, number, number] {
  const j = rng.range(-amount, amount);
  return c.map((v) => Math.max(0, Math.min(255, Math.round(v + j + rng.range(-amount / 3, amount / 3))))) as [
    number,
    number,
    number,
  ];
}

/** Style traits: what a look-alike shares with the person they impersonate. */
function styleTraits(
  rng: Rng,
  sex: Sex,
): Pick<
  FaceParams,
  | 'sex'
  | 'skin'
  | 'hairStyle'
  | 'hairColor'
  | 'hairVolume'
  | 'hairPart'
  | 'facialHair'
  | 'glasses'
  | 'age'
  | 'clothing'
  | 'collar'
> {
  const age = rng.next();
  const greyChance = Math.max(0, age - 0.55) * 1.6;
  const hairIdx = rng.bool(greyChance)
    ? rng.pick([6, 7])
    : rng.weighted([
        [0, 4],
        [1, 4],
        [2, 3],
        [3, 1.2],
        [4, 1.5],
        [5, 1.2],
      ] as const);
  return {
    sex,
    skin: jitter(rng, rng.pick(SKIN), 8),
    hairStyle: sex === 'F' ? rng.pick([3, 4, 5, 6, 7, 1]) : rng.pick([0, 1, 2, 0, 1, 8, 2, 6]),
    hairColor: jitter(rng, HAIR[hairIdx], 10),
    hairVolume: rng.range(0.7, 1.25),
    hairPart: rng.range(-1, 1),
    facialHair:
      sex === 'M'
        ? rng.weighted([
            ['none', 6],
            ['stubble', 1.5],
            ['moustache', 1.2],
            ['goatee', 1],
            ['beard', 1.4],
          ] as const)
        : 'none',
    glasses: rng.weighted([
      ['none', 7],
      ['round', 1.3],
      ['rect', 1.7],
    ] as const),
    age,
    clothing: jitter(rng, rng.pick(CLOTHES), 12),
    collar: rng.int(0, 2),
  };
}

function geometry(rng: Rng, sex: Sex): Omit<FaceParams, keyof ReturnType<typeof styleTraits>> {
  const m = sex === 'M' ? 1 : 0;
  return {
    faceW: rng.range(70, 84) + m * 4,
    faceH: rng.range(96, 112),
    jaw: Math.min(1, Math.max(0, rng.range(0, 0.8) + m * 0.25)),
    chin: rng.range(0.2, 1),
    cheek: rng.range(0, 1),
    foreheadH: rng.range(0.9, 1.1),
    eyeY: rng.range(-6, 6),
    eyeGap: rng.range(28, 38),
    eyeSize: rng.range(9.5, 13.5),
    eyeTilt: rng.range(-0.14, 0.14),
    eyeOpen: rng.range(0.45, 0.75),
    irisColor: jitter(rng, rng.pick(IRIS), 10),
    browThick: rng.range(2.2, 5) + m * 1.2,
    browArch: rng.range(0, 1),
    browAngle: rng.range(-0.18, 0.15),
    browGap: rng.range(9, 16),
    noseLen: rng.range(36, 52),
    noseW: rng.range(13, 22) + m * 2,
    noseTip: rng.range(0, 1),
    mouthW: rng.range(34, 50),
    mouthY: rng.range(-4, 5),
    lipUpper: rng.range(2.5, 6),
    lipLower: rng.range(3.5, 8),
    smile: rng.range(-0.2, 0.6),
    earSize: rng.range(0.85, 1.2),
    earY: rng.range(-4, 4),
    mole: rng.bool(0.3) ? [rng.range(-45, 45), rng.range(-10, 60)] : null,
    neckW: rng.range(30, 38) + m * 6,
  };
}

/** The face of an identity seed. */
export function faceParams(faceSeed: string | number, sex: Sex): FaceParams {
  const rng = new Rng(`face:${faceSeed}`);
  return { ...styleTraits(rng.fork('style'), sex), ...geometry(rng.fork('geometry'), sex) };
}

/** Someone who looks superficially like `of` (same style traits, different face). */
export function lookAlikeParams(of: FaceParams, lookAlikeSeed: string | number): FaceParams {
  const rng = new Rng(`lookalike:${lookAlikeSeed}`);
  const g = geometry(rng.fork('geometry'), of.sex);
  return {
    ...of,
    ...g,
    skin: jitter(rng.fork('skin'), of.skin, 6),
    hairColor: jitter(rng.fork('hair'), of.hairColor, 8),
    irisColor: of.irisColor,
    age: Math.min(1, Math.max(0, of.age + rng.range(-0.12, 0.12))),
  };
}

export interface FacePose {
  /** Degrees of head roll. */
  roll: number;
  /** Horizontal offset in face units. */
  dx: number;
  /** Light direction −1 (left) … 1 (right). */
  light: number;
  smileDelta: number;
  background: [number, number, number] | null;
  /** A live photo shows some hair growth and no glasses sometimes. */
  hairDelta: number;
  dropGlasses: boolean;
}

export const PORTRAIT_POSE: FacePose = {
  roll: 0,
  dx: 0,
  light: 0,
  smileDelta: 0,
  background: null,
  hairDelta: 0,
  dropGlasses: false,
};

export function livePose(rng: Rng): FacePose {
  return {
    roll: rng.range(-5, 5),
    dx: rng.range(-8, 8),
    light: rng.range(-0.8, 0.8),
    smileDelta: rng.range(-0.1, 0.35),
    background: rng.pick([
      [182, 190, 198],
      [205, 200, 190],
      [160, 172, 160],
      [214, 214, 220],
      [150, 160, 180],
    ] as [number, number, number][]),
    hairDelta: rng.range(-0.05, 0.15),
    dropGlasses: rng.bool(0.3),
  };
}

const rgb = (c: [number, number, number], k = 1): string =>
  `rgb(${c.map((v) => Math.max(0, Math.min(255, Math.round(v * k)))).join(',')})`;
const f1 = (v: number): string => v.toFixed(1);

/**
 * SVG of a head-and-shoulders portrait in a 300 × 400 canvas, ICAO framing (face ~70 % of the height).
 * Transparent background unless the pose gives one.
 */
export function faceSvg(p: FaceParams, pose: FacePose = PORTRAIT_POSE, outW = 300, outH = 400): string {
  const cx = 150 + pose.dx;
  const cy = 200;
  const W = p.faceW;
  const H = p.faceH;
  const skin = p.skin;
  const smile = p.smile + pose.smileDelta;
  const glasses = pose.dropGlasses ? 'none' : p.glasses;
  const hairVol = p.hairVolume + pose.hairDelta;
  const shadowX = -pose.light * 0.25;
  const parts: string[] = [];
  const defs: string[] = [];

  defs.push(`<radialGradient id="skin" cx="${f1(0.5 + shadowX * 0.6)}" cy="0.42" r="0.62">
    <stop offset="0" stop-color="${rgb(skin, 1.06)}"/><stop offset="0.65" stop-color="${rgb(skin)}"/>
    <stop offset="1" stop-color="${rgb(skin, 0.78)}"/></radialGradient>`);
  defs.push(
    `<linearGradient id="neck" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${rgb(skin, 0.7)}"/><stop offset="0.5" ` +
      `stop-color="${rgb(skin, 0.9)}"/></linearGradient>`,
  );
  defs.push(
    `<radialGradient id="hair" cx="0.45" cy="0.3" r="0.7">
    <stop offset="0" stop-color="${rgb(p.hairColor, 1.25)}"/><stop offset="1" ` +
      `stop-color="${rgb(p.hairColor, 0.85)}"/></radialGradient>`,
  );
  defs.push(`<radialGradient id="iris" cx="0.5" cy="0.5" r="0.5">
    <stop offset="0" stop-color="${rgb(p.irisColor, 0.6)}"/><stop offset="0.55" stop-color="${rgb(p.irisColor)}"/>
    <stop offset="1" stop-color="${rgb(p.irisColor, 0.55)}"/></radialGradient>`);
  defs.push(
    `<linearGradient id="cloth" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${rgb(p.clothing, 1.1)}"/><stop offset="1" ` +
      `stop-color="${rgb(p.clothing, 0.8)}"/></linearGradient>`,
  );
  defs.push(
    `<filter id="soft" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="2.2"/></filter>`,
  );

  if (pose.background) {
    parts.push(`<rect x="-50" y="-50" width="400" height="500" fill="${rgb(pose.background)}"/>`);
    parts.push(`<rect x="-50" y="-50" width="400" height="500" fill="url(#bglight)"/>`);
    defs.push(
      `<radialGradient id="bglight" cx="${f1(0.5 + pose.light * 0.3)}" cy="0.35" r="0.8">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#000000" ` +
        `stop-opacity="0.15"/></radialGradient>`,
    );
  }

  const top = cy - H; // top of skull
  const chinY = cy + H * 0.98;
  // Hair behind the head (long styles).
  const hairBack = hairBackPath(p.hairStyle, cx, cy, W, H, hairVol);
  if (hairBack) parts.push(`<path d="${hairBack}" fill="url(#hair)"/>`);

  // Shoulders and clothing.
  const nw = p.neckW;
  const shoulderY = chinY + 38;
  parts.push(
    `<path d="M${f1(cx - nw)} ${f1(cy + H * 0.5)} L${f1(cx - nw)} ${f1(shoulderY)} L${f1(cx + nw)} ${f1(shoulderY)} ` +
      `L${f1(cx + nw)} ${f1(cy + H * 0.5)} Z" fill="url(#neck)"/>`,
  );
  parts.push(
    `<path d="M${f1(cx - 150)} 420 C${f1(cx - 140)} ${f1(shoulderY + 6)} ${f1(cx - 80)} ${f1(shoulderY - 8)} ` +
      `${f1(cx - nw - 4)} ${f1(shoulderY - 12)}
     L${f1(cx)} ${f1(shoulderY + 22 - p.collar * 8)} L${f1(cx + nw + 4)} ${f1(shoulderY - 12)}
     C${f1(cx + 80)} ${f1(shoulderY - 8)} ${f1(cx + 140)} ${f1(shoulderY + 6)} ${f1(cx + 150)} 420 Z" ` +
      `fill="url(#cloth)"/>`,
  );
  if (p.collar === 1) {
    parts.push(
      `<path d="M${f1(cx - nw - 4)} ${f1(shoulderY - 12)} L${f1(cx - 6)} ${f1(shoulderY + 30)} L${f1(cx - 20)} ` +
        `${f1(shoulderY + 34)} Z M${f1(cx + nw + 4)} ${f1(shoulderY - 12)} L${f1(cx + 6)} ${f1(shoulderY + 30)} ` +
        `L${f1(cx + 20)} ${f1(shoulderY + 34)} Z" fill="#f2f2f0"/>`,
    );
  } else if (p.collar === 2) {
    parts.push(
      `<path d="M${f1(cx - nw - 6)} ${f1(shoulderY - 12)} Q${f1(cx)} ${f1(shoulderY + 26)} ${f1(cx + nw + 6)} ` +
        `${f1(shoulderY - 12)}" stroke="${rgb(p.clothing, 0.6)}" stroke-width="4" fill="none"/>`,
    );
  }

  // Ears.
  const earH = 26 * p.earSize;
  const earY = cy + 6 + p.earY;
  for (const s of [-1, 1]) {
    const ex = cx + s * (W * 0.97);
    parts.push(
      `<path d="M${f1(ex)} ${f1(earY - earH * 0.6)} C${f1(ex + s * 14 * p.earSize)} ${f1(earY - earH * 0.8)} ` +
        `${f1(ex + s * 16 * p.earSize)} ${f1(earY + earH * 0.2)} ${f1(ex + s * 4)} ${f1(earY + earH * 0.55)} Z" ` +
        `fill="${rgb(skin, 0.88)}"/>`,
    );
    parts.push(
      `<path d="M${f1(ex + s * 3)} ${f1(earY - earH * 0.35)} C${f1(ex + s * 10)} ${f1(earY - earH * 0.4)} ` +
        `${f1(ex + s * 10)} ${f1(earY + earH * 0.1)} ${f1(ex + s * 4)} ${f1(earY + earH * 0.3)}" ` +
        `stroke="${rgb(skin, 0.65)}" stroke-width="1.6" fill="none"/>`,
    );
  }

  // Head: a skull ellipse blended into a jaw whose squareness and chin width vary.
  const jawW = W * (0.55 + 0.3 * p.jaw);
  const chinW = W * (0.18 + 0.2 * p.chin);
  const cheekW = W * (1.0 + 0.04 * p.cheek);
  const head = `M${f1(cx - W)} ${f1(cy - H * 0.15)}
    C${f1(cx - W)} ${f1(top - H * 0.05)} ${f1(cx + W)} ${f1(top - H * 0.05)} ${f1(cx + W)} ${f1(cy - H * 0.15)}
    C${f1(cx + cheekW)} ${f1(cy + H * 0.25)} ${f1(cx + jawW)} ${f1(cy + H * 0.7)} ${f1(cx + chinW)} ${f1(chinY - 6)}
    Q${f1(cx)} ${f1(chinY + 6)} ${f1(cx - chinW)} ${f1(chinY - 6)}
    C${f1(cx - jawW)} ${f1(cy + H * 0.7)} ${f1(cx - cheekW)} ${f1(cy + H * 0.25)} ${f1(cx - W)} ${f1(cy - H * 0.15)} Z`;
  parts.push(`<path d="${head}" fill="url(#skin)"/>`);
  // Soft shading clipped to the head: light from one side, shadow under the cheekbones and along the jaw.
  defs.push(`<clipPath id="headclip"><path d="${head}"/></clipPath>`);
  defs.push(
    `<linearGradient id="sidelight" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="#000" stop-opacity="${f1(0.05 + Math.max(0, pose.light) * 0.22)}"/>
    <stop offset="0.45" stop-color="#000" stop-opacity="0"/><stop offset="0.55" stop-color="#000" stop-opacity="0"/>
    <stop offset="1" stop-color="#000" ` +
      `stop-opacity="${f1(0.05 + Math.max(0, -pose.light) * 0.22)}"/></linearGradient>`,
  );
  parts.push(
    `<g clip-path="url(#headclip)"><rect x="${f1(cx - W * 1.1)}" y="${f1(top - 20)}" width="${f1(W * 2.2)}" ` +
      `height="${f1(H * 2.2)}" fill="url(#sidelight)"/>
     <g filter="url(#soft)" opacity="0.22"><path d="M${f1(cx - W)} ${f1(cy + H * 0.2)} Q${f1(cx - W * 0.55)} ` +
      `${f1(cy + H * 0.45)} ${f1(cx - chinW)} ${f1(chinY)} L${f1(cx - W)} ${f1(chinY)} Z M${f1(cx + W)} ` +
      `${f1(cy + H * 0.2)} Q${f1(cx + W * 0.55)} ${f1(cy + H * 0.45)} ${f1(cx + chinW)} ${f1(chinY)} ` +
      `L${f1(cx + W)} ${f1(chinY)} Z" fill="${rgb(skin, 0.55)}"/></g></g>`,
  );
  // Shadow the chin casts on the neck.
  parts.splice(
    parts.length - 2,
    0,
    `<ellipse cx="${f1(cx)}" cy="${f1(chinY - 1)}" rx="${f1(nw * 0.9)}" ry="9" fill="${rgb(skin, 0.6)}" ` +
      `opacity="0.3" filter="url(#soft)"/>`,
  );

  // Facial hair below the features.
  const mouthY = cy + H * 0.56 + p.mouthY;
  if (p.facialHair === 'stubble' || p.facialHair === 'beard') {
    const op = p.facialHair === 'beard' ? 0.92 : 0.28;
    parts.push(
      `<path d="M${f1(cx - W * 0.98)} ${f1(cy + H * 0.05)} C${f1(cx - jawW)} ${f1(cy + H * 0.75)} ${f1(cx - chinW)} ` +
        `${f1(chinY + (p.facialHair === 'beard' ? 14 : 0))} ${f1(cx)} ${f1(chinY + (p.facialHair === 'beard' ? 16 : 2))}
       C${f1(cx + chinW)} ${f1(chinY + (p.facialHair === 'beard' ? 14 : 0))} ${f1(cx + jawW)} ${f1(cy + H * 0.75)} ` +
        `${f1(cx + W * 0.98)} ${f1(cy + H * 0.05)}
       C${f1(cx + W * 0.8)} ${f1(cy + H * 0.5)} ${f1(cx + p.mouthW * 0.7)} ${f1(mouthY - 16)} ${f1(cx)} ` +
        `${f1(mouthY - 14)}
       C${f1(cx - p.mouthW * 0.7)} ${f1(mouthY - 16)} ${f1(cx - W * 0.8)} ${f1(cy + H * 0.5)} ${f1(cx - W * 0.98)} ` +
        `${f1(cy + H * 0.05)} Z" fill="${rgb(p.hairColor)}" opacity="${op}"/>`,
    );
  }
  if (p.facialHair === 'goatee') {
    parts.push(
      `<path d="M${f1(cx - p.mouthW * 0.35)} ${f1(mouthY + 8)} Q${f1(cx)} ${f1(chinY + 12)} ` +
        `${f1(cx + p.mouthW * 0.35)} ${f1(mouthY + 8)} Q${f1(cx)} ${f1(mouthY + 18)} ${f1(cx - p.mouthW * 0.35)} ` +
        `${f1(mouthY + 8)} Z" fill="${rgb(p.hairColor)}" opacity="0.9"/>`,
    );
  }

  // Eyes.
  const eyeY = cy - H * 0.02 + p.eyeY;
  const eyeR = p.eyeSize;
  for (const s of [-1, 1]) {
    const ex = cx + s * p.eyeGap;
    const tilt = p.eyeTilt * s;
    const open = eyeR * p.eyeOpen;
    const x0 = ex - eyeR * 1.35;
    const x1 = ex + eyeR * 1.35;
    const yIn = eyeY + (s < 0 ? -tilt : tilt) * eyeR;
    const yOut = eyeY - (s < 0 ? -tilt : tilt) * eyeR;
    const [xl, yl, xr, yr] = s < 0 ? [x0, yOut, x1, yIn] : [x0, yIn, x1, yOut];
    const almond =
      `M${f1(xl)} ${f1(yl)} Q${f1(ex)} ${f1(eyeY - open * 1.9)} ${f1(xr)} ${f1(yr)} Q${f1(ex)} ` +
      `${f1(eyeY + open * 1.5)} ${f1(xl)} ${f1(yl)} Z`;
    parts.push(`<path d="${almond}" fill="#f4f1ec"/>`);
    parts.push(
      `<clipPath id="eye${s}"><path d="${almond}"/></clipPath><g clip-path="url(#eye${s})"><circle ` +
        `cx="${f1(ex + pose.dx * 0.02)}" cy="${f1(eyeY)}" r="${f1(eyeR * 0.62)}" fill="url(#iris)"/>
       <circle cx="${f1(ex + pose.dx * 0.02)}" cy="${f1(eyeY)}" r="${f1(eyeR * 0.27)}" fill="#111"/>
       <circle cx="${f1(ex + eyeR * 0.2)}" cy="${f1(eyeY - eyeR * 0.2)}" r="${f1(eyeR * 0.11)}" fill="#fff" ` +
        `opacity="0.9"/>
       <path d="M${f1(xl - 2)} ${f1(yl - 6)} L${f1(xr + 2)} ${f1(yr - 6)} L${f1(xr + 2)} ${f1(eyeY - open * 0.9)} ` +
        `Q${f1(ex)} ${f1(eyeY - open * 1.6)} ${f1(xl - 2)} ${f1(eyeY - open * 0.9)} Z" fill="${rgb(skin, 0.6)}" ` +
        `opacity="0.35"/></g>`,
    );
    parts.push(
      `<path d="M${f1(xl)} ${f1(yl)} Q${f1(ex)} ${f1(eyeY - open * 1.9)} ${f1(xr)} ${f1(yr)}" stroke="#2a1f1a" ` +
        `stroke-width="2.2" fill="none" stroke-linecap="round"/>`,
    );
    parts.push(
      `<path d="M${f1(xl + 3)} ${f1(yl - 3)} Q${f1(ex)} ${f1(eyeY - open * 2.7)} ${f1(xr - 2)} ${f1(yr - 4)}" ` +
        `stroke="${rgb(skin, 0.62)}" stroke-width="1.3" fill="none"/>`,
    );
    parts.push(
      `<path d="M${f1(xl + 4)} ${f1(yl + 2)} Q${f1(ex)} ${f1(eyeY + open * 1.9)} ${f1(xr - 3)} ${f1(yr + 2)}" ` +
        `stroke="${rgb(skin, 0.7)}" stroke-width="1.2" fill="none" opacity="0.7"/>`,
    );
    // Eyebrow.
    const by = eyeY - eyeR * 1.05 - p.browGap * 0.6;
    const bIn = ex - s * eyeR * 1.3;
    const bOut = ex + s * eyeR * 1.55;
    const arch = 4 + p.browArch * 6;
    const ang = p.browAngle * 20;
    parts.push(
      `<path d="M${f1(bIn)} ${f1(by + 2 + ang)} Q${f1(ex + s * eyeR * 0.3)} ${f1(by - arch)} ${f1(bOut)} ` +
        `${f1(by + 3 - ang)}" stroke="${rgb(p.hairColor, p.hairColor[0] > 150 ? 0.6 : 1)}" ` +
        `stroke-width="${f1(p.browThick)}" fill="none" stroke-linecap="round"/>`,
    );
  }

  // Nose: bridge shadow, tip, nostrils.
  const noseTop = eyeY + 4;
  const noseBot = noseTop + p.noseLen * 0.8;
  const nw2 = p.noseW / 2;
  parts.push(
    `<path d="M${f1(cx - 4 + pose.light * -3)} ${f1(noseTop)} Q${f1(cx - 6 + pose.light * -3)} ` +
      `${f1((noseTop + noseBot) / 2)} ${f1(cx - nw2 * 0.7)} ${f1(noseBot - 3)}" stroke="${rgb(skin, 0.7)}" ` +
      `stroke-width="2" fill="none" opacity="0.7"/>`,
  );
  parts.push(
    `<path d="M${f1(cx - nw2)} ${f1(noseBot - 1)} Q${f1(cx - nw2 - 3)} ${f1(noseBot + 5)} ${f1(cx - nw2 * 0.4)} ` +
      `${f1(noseBot + 4)} Q${f1(cx)} ${f1(noseBot + 7 + p.noseTip * 3)} ${f1(cx + nw2 * 0.4)} ${f1(noseBot + 4)} ` +
      `Q${f1(cx + nw2 + 3)} ${f1(noseBot + 5)} ${f1(cx + nw2)} ${f1(noseBot - 1)}" stroke="${rgb(skin, 0.58)}" ` +
      `stroke-width="2" fill="none"/>`,
  );
  parts.push(
    `<ellipse cx="${f1(cx - nw2 * 0.45)}" cy="${f1(noseBot + 3)}" rx="${f1(2.6)}" ry="1.6" ` +
      `fill="${rgb(skin, 0.4)}"/><ellipse cx="${f1(cx + nw2 * 0.45)}" cy="${f1(noseBot + 3)}" rx="2.6" ry="1.6" ` +
      `fill="${rgb(skin, 0.4)}"/>`,
  );
  parts.push(
    `<ellipse cx="${f1(cx + 1)}" cy="${f1(noseBot - 2)}" rx="${f1(nw2 * 0.35)}" ry="3" fill="#ffffff" opacity="0.18"/>`,
  );

  // Mouth.
  const mw = p.mouthW / 2;
  const lipCol: [number, number, number] = [Math.min(255, skin[0] * 0.85 + 25), skin[1] * 0.62, skin[2] * 0.62];
  const corner = -smile * 5;
  parts.push(
    `<path d="M${f1(cx - mw)} ${f1(mouthY + corner)} Q${f1(cx - mw * 0.5)} ${f1(mouthY - p.lipUpper - 1)} ${f1(cx)} ` +
      `${f1(mouthY - p.lipUpper * 0.6)} Q${f1(cx + mw * 0.5)} ${f1(mouthY - p.lipUpper - 1)} ${f1(cx + mw)} ` +
      `${f1(mouthY + corner)}
     Q${f1(cx)} ${f1(mouthY + 1 + smile * 3)} ${f1(cx - mw)} ${f1(mouthY + corner)} Z" fill="${rgb(lipCol, 0.85)}"/>`,
  );
  parts.push(
    `<path d="M${f1(cx - mw)} ${f1(mouthY + corner)} Q${f1(cx)} ${f1(mouthY + 1 + smile * 3)} ${f1(cx + mw)} ` +
      `${f1(mouthY + corner)} Q${f1(cx + mw * 0.6)} ${f1(mouthY + p.lipLower + 3)} ${f1(cx)} ` +
      `${f1(mouthY + p.lipLower + 3)} Q${f1(cx - mw * 0.6)} ${f1(mouthY + p.lipLower + 3)} ${f1(cx - mw)} ` +
      `${f1(mouthY + corner)} Z" fill="${rgb(lipCol)}"/>`,
  );
  parts.push(
    `<path d="M${f1(cx - mw)} ${f1(mouthY + corner)} Q${f1(cx)} ${f1(mouthY + 1 + smile * 3)} ${f1(cx + mw)} ` +
      `${f1(mouthY + corner)}" stroke="${rgb(lipCol, 0.45)}" stroke-width="1.6" fill="none"/>`,
  );
  if (p.facialHair === 'moustache' || p.facialHair === 'beard' || p.facialHair === 'goatee') {
    parts.push(
      `<path d="M${f1(cx - mw - 4)} ${f1(mouthY + 2)} Q${f1(cx - mw)} ${f1(mouthY - 14)} ${f1(cx)} ` +
        `${f1(mouthY - 12)} Q${f1(cx + mw)} ${f1(mouthY - 14)} ${f1(cx + mw + 4)} ${f1(mouthY + 2)} Q${f1(cx)} ` +
        `${f1(mouthY - 5)} ${f1(cx - mw - 4)} ${f1(mouthY + 2)} Z" fill="${rgb(p.hairColor)}"/>`,
    );
  }

  // Age lines.
  if (p.age > 0.5) {
    const op = (p.age - 0.5) * 1.2;
    parts.push(
      `<g stroke="${rgb(skin, 0.62)}" stroke-width="1.3" fill="none" opacity="${f1(op)}">
       <path d="M${f1(cx - nw2 - 6)} ${f1(noseBot - 4)} Q${f1(cx - mw - 8)} ${f1(mouthY - 4)} ${f1(cx - mw - 4)} ` +
        `${f1(mouthY + 10)}"/>
       <path d="M${f1(cx + nw2 + 6)} ${f1(noseBot - 4)} Q${f1(cx + mw + 8)} ${f1(mouthY - 4)} ${f1(cx + mw + 4)} ` +
        `${f1(mouthY + 10)}"/>
       <path d="M${f1(cx - 30)} ${f1(top + H * 0.42)} Q${f1(cx)} ${f1(top + H * 0.38)} ${f1(cx + 30)} ` +
        `${f1(top + H * 0.42)}"/>
       <path d="M${f1(cx - 24)} ${f1(top + H * 0.5)} Q${f1(cx)} ${f1(top + H * 0.46)} ${f1(cx + 24)} ` +
        `${f1(top + H * 0.5)}"/></g>`,
    );
  }
  if (p.mole) {
    parts.push(`<circle cx="${f1(cx + p.mole[0])}" cy="${f1(cy + p.mole[1])}" r="2.2" fill="${rgb(skin, 0.45)}"/>`);
  }

  // Hair on top.
  const hairTop = hairFrontPath(p.hairStyle, cx, cy, W, H, hairVol, p.hairPart);
  if (hairTop) parts.push(`<path d="${hairTop}" fill="url(#hair)"/>`);

  // Glasses.
  if (glasses !== 'none') {
    const gw = eyeR * 1.9;
    const gh = eyeR * 1.45;
    const frame = `stroke="#1d1b1a" stroke-width="3" fill="#c8d4dc" fill-opacity="0.12"`;
    for (const s of [-1, 1]) {
      const ex = cx + s * p.eyeGap;
      if (glasses === 'round')
        parts.push(`<circle cx="${f1(ex)}" cy="${f1(eyeY + 1)}" r="${f1(gw * 0.85)}" ${frame}/>`);
      else
        parts.push(
          `<rect x="${f1(ex - gw)}" y="${f1(eyeY - gh * 0.8)}" width="${f1(gw * 2)}" height="${f1(gh * 1.7)}" rx="5" ` +
            `${frame}/>`,
        );
      parts.push(
        `<path d="M${f1(ex + s * gw)} ${f1(eyeY - 2)} L${f1(cx + s * W * 0.98)} ${f1(eyeY - 5)}" stroke="#1d1b1a" ` +
          `stroke-width="2.5"/>`,
      );
    }
    parts.push(
      `<path d="M${f1(cx - p.eyeGap + gw * (glasses === 'round' ? 0.85 : 1))} ${f1(eyeY - 2)} Q${f1(cx)} ` +
        `${f1(eyeY - 8)} ${f1(cx + p.eyeGap - gw * (glasses === 'round' ? 0.85 : 1))} ${f1(eyeY - 2)}" ` +
        `stroke="#1d1b1a" stroke-width="2.5" fill="none"/>`,
    );
  }

  const rot = pose.roll ? ` transform="rotate(${f1(pose.roll)} ${cx} ${cy + 40})"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${outW}" height="${outH}" viewBox="25 40 250 ` +
    `333.3"><defs>${defs.join('')}</defs><g${rot}>${parts.join('\n')}</g></svg>`
  );
}

function hairBackPath(style: number, cx: number, cy: number, W: number, H: number, vol: number): string | null {
  const top = cy - H;
  switch (style) {
    case 3: // long straight
      return (
        `M${f1(cx - W * 1.15 * vol)} ${f1(cy - H * 0.2)} C${f1(cx - W * 1.3 * vol)} ${f1(top - 20)} ` +
        `${f1(cx + W * 1.3 * vol)} ${f1(top - 20)} ${f1(cx + W * 1.15 * vol)} ${f1(cy - H * 0.2)} ` +
        `L${f1(cx + W * 1.2 * vol)} ${f1(cy + H * 1.45)} L${f1(cx - W * 1.2 * vol)} ${f1(cy + H * 1.45)} Z`
      );
    case 4: // bob
      return (
        `M${f1(cx - W * 1.2 * vol)} ${f1(cy - H * 0.2)} C${f1(cx - W * 1.35 * vol)} ${f1(top - 22)} ` +
        `${f1(cx + W * 1.35 * vol)} ${f1(top - 22)} ${f1(cx + W * 1.2 * vol)} ${f1(cy - H * 0.2)} ` +
        `L${f1(cx + W * 1.18 * vol)} ${f1(cy + H * 0.75)} Q${f1(cx)} ${f1(cy + H * 0.9)} ` +
        `${f1(cx - W * 1.18 * vol)} ${f1(cy + H * 0.75)} Z`
      );
    case 5: // curly volume
      return curlyCloud(cx, cy - H * 0.35, W * 1.35 * vol, H * 1.0 * vol, 14);
    case 7: // long wavy
      return (
        `M${f1(cx - W * 1.1 * vol)} ${f1(cy - H * 0.3)} C${f1(cx - W * 1.35 * vol)} ${f1(top - 24)} ` +
        `${f1(cx + W * 1.35 * vol)} ${f1(top - 24)} ${f1(cx + W * 1.1 * vol)} ${f1(cy - H * 0.3)} ` +
        `Q${f1(cx + W * 1.45 * vol)} ${f1(cy + H * 0.5)} ${f1(cx + W * 1.2 * vol)} ${f1(cy + H * 1.3)} ` +
        `Q${f1(cx + W * 1.4 * vol)} ${f1(cy + H * 1.5)} ${f1(cx + W * 0.9)} ${f1(cy + H * 1.6)} ` +
        `L${f1(cx - W * 0.9)} ${f1(cy + H * 1.6)} Q${f1(cx - W * 1.4 * vol)} ${f1(cy + H * 1.5)} ` +
        `${f1(cx - W * 1.2 * vol)} ${f1(cy + H * 1.3)} Q${f1(cx - W * 1.45 * vol)} ${f1(cy + H * 0.5)} ` +
        `${f1(cx - W * 1.1 * vol)} ${f1(cy - H * 0.3)} Z`
      );
    case 6: // bun / tied back: small back mass
      return (
        `M${f1(cx - W * 1.05)} ${f1(cy - H * 0.3)} C${f1(cx - W * 1.15)} ${f1(top - 12)} ${f1(cx + W * 1.15)} ` +
        `${f1(top - 12)} ${f1(cx + W * 1.05)} ${f1(cy - H * 0.3)} Z`
      );
    default:
      return null;
  }
}

function curlyCloud(cx: number, cy: number, rx: number, ry: number, n: number): string {
  let d = '';
  for (let i = 0; i <= n; i++) {
    const a = Math.PI + (i / n) * Math.PI * 2;
    const x = cx + rx * Math.cos(a);
    const y = cy + ry * Math.sin(a) * (Math.sin(a) > 0 ? 0.9 : 1);
    if (i === 0) d += `M${f1(x)} ${f1(y)}`;
    else {
      const am = a - Math.PI / n;
      d += ` Q${f1(cx + rx * 1.16 * Math.cos(am))} ${f1(cy + ry * 1.12 * Math.sin(am))} ${f1(x)} ${f1(y)}`;
    }
  }
  return d + ' Z';
}

function hairFrontPath(
  style: number,
  cx: number,
  cy: number,
  W: number,
  H: number,
  vol: number,
  part: number,
): string | null {
  const top = cy - H;
  const hl = cy - H * 0.55; // hairline
  const side = cy - H * 0.12;
  const v = vol;
  const px = cx + part * W * 0.45;
  switch (style) {
    case 0: // short crop
      return (
        `M${f1(cx - W * 1.02)} ${f1(side)} C${f1(cx - W * 1.1)} ${f1(top - 14 * v)} ${f1(cx + W * 1.1)} ` +
        `${f1(top - 14 * v)} ${f1(cx + W * 1.02)} ${f1(side)} L${f1(cx + W * 0.92)} ${f1(side)} ` +
        `C${f1(cx + W * 0.85)} ${f1(hl - 6)} ${f1(cx + W * 0.4)} ${f1(hl - 4)} ${f1(cx)} ${f1(hl)} ` +
        `C${f1(cx - W * 0.4)} ${f1(hl - 4)} ${f1(cx - W * 0.85)} ${f1(hl - 6)} ${f1(cx - W * 0.92)} ${f1(side)} Z`
      );
    case 1: // side part
      return (
        `M${f1(cx - W * 1.05)} ${f1(side + 4)} C${f1(cx - W * 1.2 * v)} ${f1(top - 24 * v)} ` +
        `${f1(cx + W * 1.2 * v)} ${f1(top - 24 * v)} ${f1(cx + W * 1.05)} ${f1(side + 4)} L${f1(cx + W * 0.93)} ` +
        `${f1(side)} C${f1(cx + W * 0.9)} ${f1(hl - 10)} ${f1(px + 10)} ${f1(hl - 16)} ${f1(px)} ${f1(hl - 22)} ` +
        `C${f1(px - 20)} ${f1(hl + 6)} ${f1(cx - W * 0.8)} ${f1(hl + 2)} ${f1(cx - W * 0.93)} ${f1(side + 6)} Z`
      );
    case 2: // receding: close-cropped sides and a thin crown
      return (
        `M${f1(cx - W * 1.02)} ${f1(side + 8)} C${f1(cx - W * 1.08)} ${f1(top - 8)} ${f1(cx + W * 1.08)} ` +
        `${f1(top - 8)} ${f1(cx + W * 1.02)} ${f1(side + 8)} L${f1(cx + W * 0.95)} ${f1(side + 8)} ` +
        `C${f1(cx + W * 0.9)} ${f1(hl - 14)} ${f1(cx + W * 0.6)} ${f1(top + H * 0.12)} ${f1(cx)} ` +
        `${f1(top + H * 0.1)} C${f1(cx - W * 0.6)} ${f1(top + H * 0.12)} ${f1(cx - W * 0.9)} ${f1(hl - 14)} ` +
        `${f1(cx - W * 0.95)} ${f1(side + 8)} Z`
      );
    case 3:
    case 7: // long: fringe swept to one side
      return (
        `M${f1(cx - W * 1.08)} ${f1(cy + H * 0.4)} C${f1(cx - W * 1.25 * v)} ${f1(top - 22 * v)} ` +
        `${f1(cx + W * 1.25 * v)} ${f1(top - 22 * v)} ${f1(cx + W * 1.08)} ${f1(cy + H * 0.4)} L${f1(cx + W * 0.92)} ` +
        `${f1(cy + H * 0.3)} C${f1(cx + W * 0.95)} ${f1(hl)} ${f1(px + 20)} ${f1(hl - 12)} ${f1(px)} ` +
        `${f1(hl - 18)} C${f1(px - 30)} ${f1(hl + 14)} ${f1(cx - W * 0.85)} ${f1(hl + 10)} ${f1(cx - W * 0.92)} ` +
        `${f1(cy + H * 0.3)} Z`
      );
    case 4: // bob with fringe
      return (
        `M${f1(cx - W * 1.15 * v)} ${f1(cy + H * 0.55)} C${f1(cx - W * 1.45 * v)} ${f1(top - 34 * v)} ` +
        `${f1(cx + W * 1.45 * v)} ${f1(top - 34 * v)} ${f1(cx + W * 1.15 * v)} ${f1(cy + H * 0.55)} ` +
        `L${f1(cx + W * 0.92)} ${f1(cy + H * 0.5)} L${f1(cx + W * 0.9)} ${f1(hl + 6)} Q${f1(cx)} ${f1(hl + 16)} ` +
        `${f1(cx - W * 0.9)} ${f1(hl + 6)} L${f1(cx - W * 0.92)} ${f1(cy + H * 0.5)} Z`
      );
    case 5: // curly: front hairline of curls
      return `${curlyCloud(cx, top + H * 0.12, W * 1.12 * v, H * 0.42 * v, 12)}`;
    case 6: // tied back, smooth
      return (
        `M${f1(cx - W * 1.0)} ${f1(side)} C${f1(cx - W * 1.1)} ${f1(top - 12)} ${f1(cx + W * 1.1)} ` +
        `${f1(top - 12)} ${f1(cx + W * 1.0)} ${f1(side)} L${f1(cx + W * 0.93)} ${f1(side)} C${f1(cx + W * 0.8)} ` +
        `${f1(hl - 8)} ${f1(cx + W * 0.3)} ${f1(hl - 10)} ${f1(cx)} ${f1(hl - 6)} C${f1(cx - W * 0.3)} ` +
        `${f1(hl - 10)} ${f1(cx - W * 0.8)} ${f1(hl - 8)} ${f1(cx - W * 0.93)} ${f1(side)} Z`
      );
    case 8: // shaved / very short
      return (
        `M${f1(cx - W * 1.0)} ${f1(side)} C${f1(cx - W * 1.04)} ${f1(top - 6)} ${f1(cx + W * 1.04)} ` +
        `${f1(top - 6)} ${f1(cx + W * 1.0)} ${f1(side)} L${f1(cx + W * 0.95)} ${f1(side)} C${f1(cx + W * 0.85)} ` +
        `${f1(hl - 2)} ${f1(cx - W * 0.85)} ${f1(hl - 2)} ${f1(cx - W * 0.95)} ${f1(side)} Z`
      );
    default:
      return null;
  }
}

/** Parameter vector (normalised) for identity-distance checks. */
export function identityVector(p: FaceParams): number[] {
  return [
    (p.faceW - 70) / 18,
    (p.faceH - 96) / 16,
    p.jaw,
    p.chin,
    (p.eyeGap - 28) / 10,
    (p.eyeSize - 9.5) / 4,
    (p.eyeTilt + 0.14) / 0.28,
    (p.browThick - 2.2) / 4,
    p.browArch,
    (p.noseLen - 36) / 16,
    (p.noseW - 13) / 11,
    (p.mouthW - 34) / 16,
    (p.lipLower - 3.5) / 4.5,
    p.skin[0] / 255,
    p.skin[2] / 255,
    p.hairStyle / 8,
    p.hairColor[0] / 255,
    p.glasses === 'none' ? 0 : 1,
    ['none', 'stubble', 'moustache', 'goatee', 'beard'].indexOf(p.facialHair) / 4,
    p.age,
  ];
}
