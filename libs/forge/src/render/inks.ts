// How each layer's ink answers each light, per state design and production (genuine, counterfeit, pseudo).
import { Rng } from '../prng';
import type { LayerId } from '../scene';
import { stateDesign, type RGB } from '../states';
import type { Recipe } from '../types';
import type { Ink, PaperModel } from './compose';

const BLACK: RGB = [0, 0, 0];

function darker(c: RGB, k: number): RGB {
  return c.map((v) => Math.round(v * k)) as RGB;
}

function shift(c: RGB, amount: number, seed: string): RGB {
  // Counterfeit colour drift: a per-document, per-ink error in hue and lightness (no systematic direction).
  const rng = new Rng(`drift:${seed}`);
  return c.map((v) => Math.max(0, Math.min(255, Math.round(v + rng.range(-1, 1) * 40 * amount)))) as RGB;
}

export function paperFor(recipe: Recipe): PaperModel {
  const design = stateDesign(recipe.state);
  const cf = recipe.counterfeit;
  // Ordinary paper (counterfeits, pseudo documents) carries optical brighteners: it glows blue-white under UV.
  const brightPaper = (cf && (cf.quality < 0.5 || cf.uv === 'wrong-colour')) || !design.exists;
  return {
    base: {
      visible: design.palette.paper,
      transmitted: [238, 224, 190],
      uv365: brightPaper ? [118, 126, 214] : [34, 27, 60],
      uv254: brightPaper ? [60, 64, 120] : [18, 17, 30],
      ir: [214, 214, 214],
    },
    formation: { visible: 0.018, transmitted: brightPaper ? 0.03 : 0.1, uv365: 0.08, uv254: 0.1, ir: 0.01 },
  };
}

export function inksFor(recipe: Recipe): Record<LayerId, Ink> {
  const design = stateDesign(recipe.state);
  const pal = design.palette;
  const cf = recipe.counterfeit;
  const fake = !!cf || !design.exists;
  const drift = cf ? cf.colourShift : 0;
  const col = (c: RGB, ink: number): RGB => (cf ? shift(c, drift, `${recipe.seed}:${ink}`) : c);
  const alteration = recipe.alterations[0];
  const forgerColour: RGB = alteration?.color ?? [30, 32, 40];
  // Counterfeits are printed with process inks: nothing drops out under infrared.
  const irDesign = fake ? { absorb: [90, 90, 90] as RGB, k: 0.6 } : undefined;
  const uvEmblem = cf
    ? cf.uv === 'missing'
      ? undefined
      : { emit: [90, 110, 255] as RGB }
    : design.exists
      ? { emit: pal.uvEmblem }
      : undefined;
  const uvPers = cf || !design.exists ? undefined : { emit: pal.uvViz };
  const fibre = (i: number): Ink => {
    if (cf) {
      // Printed imitation fibres: ink on the surface, no fluorescence, no depth.
      return cf.fibres === 'printed'
        ? {
            visible: { absorb: col(pal.fibres[i], i + 7), k: 0.5 },
            transmitted: { absorb: pal.fibres[i], k: 0.15 },
            ir: irDesign,
          }
        : {};
    }
    return {
      visible: { absorb: pal.fibres[i], k: 0.55 },
      transmitted: { absorb: darker(pal.fibres[i], 0.6), k: 0.7 },
      uv365: design.exists ? { emit: pal.fibresUv[i] } : undefined,
      uv254: i === 2 && design.exists ? { emit: [120, 200, 255] } : undefined,
    };
  };
  const stamp = (i: number): Ink => {
    const st = recipe.stamps.find((x) => !x.forged && x.id % 5 === i);
    const ink = st?.ink ?? [90, 40, 120];
    return {
      visible: { absorb: ink, k: 0.9 },
      transmitted: { absorb: ink, k: 0.6 },
      uv365: { emit: [255, 120, 60] },
      uv254: { emit: [160, 70, 40] },
    };
  };
  const forgedStamp = recipe.stamps.find((s) => s.forged);
  return {
    wmThin: fake ? {} : { transmitted: { emit: [34, 30, 22] } },
    wmThick: fake
      ? {}
      : { transmitted: { absorb: [150, 136, 110], k: 0.55 }, visible: { absorb: [200, 200, 200], k: 0.02 } },
    fibres0: fibre(0),
    fibres1: fibre(1),
    fibres2: fibre(2),
    bg: {
      visible: { absorb: BLACK, k: 0.85, ramp: pal.rainbow.map((c, i) => col(c, i + 11)) },
      transmitted: { absorb: BLACK, k: 0.55, ramp: pal.rainbow },
      ir: irDesign,
    },
    rosette: {
      visible: { absorb: col(pal.rosette, 5), k: 0.8 },
      transmitted: { absorb: pal.rosette, k: 0.6 },
      uv365: { absorb: BLACK, k: 0.15 },
      ir: irDesign,
    },
    emblem: { visible: { absorb: col(pal.emblem, 9) }, transmitted: { absorb: pal.emblem }, ir: irDesign },
    uvDesign: uvEmblem ? { uv365: uvEmblem } : {},
    design: {
      visible: { absorb: col(pal.ink, 13) },
      transmitted: { absorb: pal.ink, k: 0.8 },
      uv365: { absorb: BLACK, k: 0.35 },
      uv254: { absorb: BLACK, k: 0.3 },
      ir: irDesign,
    },
    microprint: {
      visible: { absorb: col(pal.ink, 13) },
      transmitted: { absorb: pal.ink, k: 0.8 },
      uv365: { absorb: BLACK, k: 0.35 },
      ir: irDesign,
    },
    accent: {
      visible: { absorb: col(pal.accent, 17) },
      transmitted: { absorb: pal.accent, k: 0.85 },
      uv365: { absorb: BLACK, k: 0.4 },
      uv254: { absorb: BLACK, k: 0.3 },
      ir: irDesign,
    },
    number: {
      visible: { absorb: pal.number },
      transmitted: { absorb: pal.number, k: 0.8 },
      uv365: fake ? { absorb: BLACK, k: 0.5 } : { emit: [255, 80, 50] },
      ir: irDesign,
    },
    // Metameric: same colour as the accent in daylight, but only this ink absorbs infrared.
    irMark: {
      visible: { absorb: col(pal.accent, 17) },
      transmitted: { absorb: pal.accent, k: 0.85 },
      uv365: { absorb: BLACK, k: 0.4 },
      ir: fake ? irDesign : { absorb: [40, 40, 40] },
    },
    backPrint: fake
      ? { visible: { absorb: pal.ink, k: 0.05 } }
      : { transmitted: { absorb: darker(pal.ink, 0.9), k: 0.85 }, visible: { absorb: pal.ink, k: 0.05 } },
    uvViz: uvPers ? { uv365: uvPers } : {},
    uv254: cf || !design.exists ? {} : { uv254: { emit: pal.uv254 } },
    ghost: {
      visible: { absorb: col(darker(pal.ink, 0.9), 19) },
      transmitted: { absorb: pal.ink, k: 0.7 },
      uv365: fake ? { absorb: BLACK, k: 0.4 } : { emit: darker(pal.uvEmblem, 0.8) },
      ir: fake ? irDesign : undefined,
    },
    portrait: {
      visible: { absorb: [46, 42, 40] },
      transmitted: { absorb: [40, 36, 34], k: 0.9 },
      uv365: { absorb: BLACK, k: 0.75 },
      uv254: { absorb: BLACK, k: 0.7 },
      ir: { absorb: [28, 28, 28] },
    },
    // A photographic print glued over the page: opaque, brightened paper, dye image transparent to infrared.
    photoPaper: {
      visible: { cover: [240, 239, 234] },
      transmitted: { absorb: [210, 205, 195], k: 0.55 },
      uv365: { cover: [150, 160, 236] },
      uv254: { cover: [90, 96, 150] },
      ir: { cover: [228, 228, 228] },
    },
    photoC: {
      visible: { absorb: [0, 255, 255], k: 0.92 },
      transmitted: { absorb: [0, 255, 255], k: 0.4 },
      uv365: { absorb: BLACK, k: 0.25 },
      ir: { absorb: BLACK, k: 0.06 },
    },
    photoM: {
      visible: { absorb: [255, 0, 255], k: 0.92 },
      transmitted: { absorb: [255, 0, 255], k: 0.4 },
      uv365: { absorb: BLACK, k: 0.25 },
      ir: { absorb: BLACK, k: 0.06 },
    },
    photoY: {
      visible: { absorb: [255, 255, 0], k: 0.92 },
      transmitted: { absorb: [255, 255, 0], k: 0.4 },
      uv365: { absorb: BLACK, k: 0.1 },
    },
    carbon: {
      visible: { absorb: [26, 26, 30] },
      transmitted: { absorb: [20, 20, 24] },
      uv365: { absorb: BLACK, k: 0.8 },
      uv254: { absorb: BLACK, k: 0.7 },
      ir: { absorb: [22, 22, 22] },
    },
    // Composite-black dye inkjet (stolen blank personalisation): looks black, vanishes under infrared.
    inkjet: {
      visible: { absorb: [38, 30, 52] },
      transmitted: { absorb: [38, 30, 52], k: 0.9 },
      uv365: { absorb: BLACK, k: 0.6 },
      uv254: { absorb: BLACK, k: 0.6 },
      ir: { absorb: BLACK, k: 0.05 },
    },
    erasure: {
      visible: { absorb: [250, 238, 196], k: 0.35 },
      transmitted: { emit: [26, 24, 18] },
      uv365: { emit: [96, 104, 170] },
      uv254: { emit: [60, 64, 110] },
    },
    forgerInk: {
      visible: { absorb: forgerColour },
      transmitted: { absorb: forgerColour, k: 0.9 },
      uv365: { absorb: BLACK, k: 0.6 },
      uv254: { absorb: BLACK, k: 0.6 },
      ir: { absorb: BLACK, k: 0.04 },
    },
    forgerCarbon: {
      visible: { absorb: forgerColour },
      transmitted: { absorb: forgerColour, k: 0.9 },
      uv365: { absorb: BLACK, k: 0.8 },
      uv254: { absorb: BLACK, k: 0.7 },
      ir: { absorb: [30, 30, 30] },
    },
    signature: {
      visible: { absorb: [34, 44, 96] },
      transmitted: { absorb: [34, 44, 96], k: 0.9 },
      uv365: { absorb: BLACK, k: 0.6 },
      ir: { absorb: [50, 50, 50], k: 0.8 },
    },
    stamp0: stamp(0),
    stamp1: stamp(1),
    stamp2: stamp(2),
    stamp3: stamp(3),
    stamp4: stamp(4),
    stampForged: {
      visible: { absorb: forgedStamp?.ink ?? [90, 40, 120], k: 0.9 },
      transmitted: { absorb: forgedStamp?.ink ?? [90, 40, 120], k: 0.6 },
      uv365: forgedStamp?.forged?.nonFluorescent === false ? { emit: [255, 120, 60] } : { absorb: BLACK, k: 0.5 },
      ir: { absorb: BLACK, k: 0.45 },
    },
    perforation: cf
      ? {
          visible: { absorb: [70, 60, 50] },
          transmitted: { absorb: [70, 60, 50] },
          uv365: { absorb: BLACK, k: 0.6 },
          ir: { absorb: BLACK, k: 0.6 },
        }
      : {
          visible: { absorb: [92, 66, 44] },
          transmitted: { cover: [255, 250, 236] },
          uv365: { absorb: BLACK, k: 0.8 },
          uv254: { absorb: BLACK, k: 0.8 },
          ir: { absorb: [40, 40, 40], k: 0.8 },
        },
    cutEdge: {
      visible: { absorb: [70, 66, 60], k: 0.55 },
      transmitted: { absorb: [60, 60, 60], k: 0.6 },
      uv365: { absorb: BLACK, k: 0.5 },
      ir: { absorb: [90, 90, 90], k: 0.5 },
    },
    // Oblique-only layers: handled by the oblique pass, invisible in straight light.
    matte: {},
    tactile: {},
  };
}
