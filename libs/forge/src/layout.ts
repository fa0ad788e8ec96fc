// Layouts of the ICAO 9303 zones for each side: TD3 data page (125 × 88 mm), TD1 front and back (85.6 × 54 mm) and
// a TD3 visa page with border stamps. A layout reads the recipe (data, forgery modifications) and emits a Scene.
import type { DocumentSide } from '@firstline/contracts';
import { expectedMrz } from './data';
import { faceParams } from './face';
import { Math } from './hot-globals';
import { REFERENCE_DATE, vizDate } from './identity';
import { Rng } from './prng';
import { blurMask, halftone } from './render/compose';
import { emblemHalf, emblemPolygons } from './render/emblem';
import {
  backgroundLines,
  borderBand,
  defaultGuilloche,
  rectPath,
  rosetteLines,
  wavyLine,
  type GuillocheParams,
} from './render/guilloche';
import { drawPortrait, type PortraitStyle } from './render/portrait';
import { ellipsePolygon, roundRectPolygon, reversed } from './render/raster';
import {
  grow,
  rectPoly,
  pathBounds,
  Scene,
  textBox,
  textWidth,
  union,
  type FieldPlacement,
  type LayerId,
  type RectMm,
  type TextStyleMm,
} from './scene';
import { signatureStrokes } from './signature';
import { FIELD_LABELS_EN, stateDesign, type StateDesign, type VizFieldKey } from './states';
import type { Recipe, StampSpec } from './types';

export const SIZES: Record<'TD3' | 'TD1', { w: number; h: number }> = {
  TD3: { w: 125, h: 88 },
  TD1: { w: 85.6, h: 54 },
};

export function sidesOf(recipe: Recipe): DocumentSide[] {
  if (recipe.format === 'TD1') return ['front', 'back'];
  return recipe.withVisaPage ? ['data-page', 'visa-page'] : ['data-page'];
}

interface Ctx {
  recipe: Recipe;
  design: StateDesign;
  scene: Scene;
  rng: Rng;
  counterfeit: boolean;
  /** Personalisation layer for VIZ text and portrait. */
  pers: LayerId;
}

export function buildScene(recipe: Recipe, side: DocumentSide): Scene {
  const design = stateDesign(recipe.state);
  const size = side === 'front' || side === 'back' ? SIZES.TD1 : SIZES.TD3;
  const scene = new Scene(side, size.w, size.h);
  const ctx: Ctx = {
    recipe,
    design,
    scene,
    rng: new Rng(`doc:${recipe.seed}`).fork(side),
    counterfeit: !!recipe.counterfeit,
    pers: recipe.personalisation === 'inkjet' ? 'inkjet' : 'carbon',
  };
  if (side === 'data-page') td3DataPage(ctx);
  else if (side === 'front') td1Front(ctx);
  else if (side === 'back') td1Back(ctx);
  else visaPage(ctx);
  applyCounterfeitEffects(ctx);
  return scene;
}

// ------------------------------------------------------------------------------------------------ common parts

function guillocheParams(ctx: Ctx): GuillocheParams {
  const p = defaultGuilloche(ctx.design.guilloche);
  const sub = ctx.recipe.pageSubstitution;
  if (sub && ctx.scene.side === 'data-page') {
    // Another print series: same family, drifted pitch, phase and petal count.
    const r = new Rng(`series:${sub.seriesSeed}`);
    return {
      ...p,
      pitch: p.pitch * r.range(1.12, 1.25),
      phase: p.phase + r.range(0.8, 2.4),
      wave: p.wave * r.range(0.8, 0.9),
      petals: p.petals + r.pick([-3, -2, 2, 3]),
    };
  }
  return p;
}

function microtextOf(ctx: Ctx): string {
  const sub = ctx.recipe.pageSubstitution;
  if (sub && ctx.scene.side === 'data-page') return `${sub.microtext} `;
  return `${ctx.design.microtext} `;
}

/** Fine-line background, rosette, border band, faint emblem, UV emblem and security fibres. */
function securityBackground(
  ctx: Ctx,
  opts: { rosette: [number, number, number]; emblem: [number, number, number]; fibres: number; lineAlpha?: number },
): void {
  const { scene, design } = ctx;
  const W = scene.widthMm;
  const H = scene.heightMm;
  const gp = guillocheParams(ctx);
  const lw = 0.055;
  const alpha = opts.lineAlpha ?? 0.85;
  // Geometry step: fine enough for 600 dpi, no finer than ~1.2 px at low resolution.
  scene.strokes(
    'bg',
    (px) => backgroundLines(gp, W, H, Math.max(0.35, 1.2 / px)),
    lw,
    alpha,
    false,
    JSON.stringify(['bg', gp, W, H, lw, alpha]),
  );
  const [rx, ry, rr] = opts.rosette;
  scene.strokes(
    'rosette',
    (px) => rosetteLines(gp, rx, ry, rr, 12, Math.min(900, Math.ceil((2 * Math.PI * rr * px) / 1.2))),
    lw,
    0.75,
    false,
    JSON.stringify(['rosette', gp, rx, ry, rr, lw]),
  );
  scene.strokes(
    'rosette',
    (px) => borderBand(1.2, 1.2, W - 2.4, H - 2.4, 1.1, 4, Math.round((W + H) / 6), gp.phase, Math.max(0.3, 1.2 / px)),
    0.05,
    0.8,
    false,
    JSON.stringify(['border', gp.phase, W, H]),
  );
  const [ex, ey, es] = opts.emblem;
  scene.fill('emblem', emblemPolygons(design.emblem, ex, ey, es));
  scene.fill('uvDesign', emblemPolygons(design.emblem, ex, ey, es));
  // UV-fluorescent concentric ring pattern around the emblem.
  for (let k = 0; k < 3; k++)
    scene.stroke(
      'uvDesign',
      ellipsePolygon(ex, ey, es * (1.12 + k * 0.1), es * (1.12 + k * 0.1), 120),
      0.12,
      0.8,
      true,
    );
  scene.feature(
    'guilloche-background',
    'guilloche',
    'Guilloche fine-line background',
    ['visible'],
    rectPoly({ x: 0, y: 0, w: W, h: H }),
    'Continuous fine lines in split-duct colours; under a loupe the lines are unbroken, never made of dots.',
  );
  scene.feature(
    'rainbow-printing',
    'rainbow-printing',
    'Rainbow (split-duct) printing',
    ['visible'],
    rectPoly({ x: 0, y: 0, w: W, h: H }),
    'Background colours merge smoothly into each other across the page without a dot structure.',
  );
  scene.feature(
    'rosette',
    'rosette',
    'Rosette',
    ['visible'],
    rectPoly(grow({ x: rx - rr, y: ry - rr, w: 2 * rr, h: 2 * rr }, 0.5)),
    'Closed fine-line rosette; lines join without breaks and keep their width.',
  );
  scene.feature(
    'uv-emblem',
    'uv-fluorescent-ink',
    'UV-fluorescent emblem',
    ['uv365'],
    rectPoly(grow({ x: ex - es, y: ey - es, w: 2 * es, h: 2 * es }, es * 0.4)),
    `The state emblem and rings fluoresce under UV 365 nm; invisible in daylight.`,
  );
  scene.feature(
    'uv-dull-paper',
    'uv-dull-paper',
    'UV-dull substrate',
    ['uv365'],
    rectPoly({ x: 0, y: 0, w: W, h: H }),
    'The paper stays dark under UV 365 nm: no optical brighteners.',
  );
  // Security fibres: short curved fibres embedded in the paper, three fluorescent colours.
  const frng = ctx.rng.fork('fibres');
  const fibres: number[][][] = [[], [], []];
  for (let i = 0; i < opts.fibres; i++) {
    const x = frng.range(2, W - 2);
    const y = frng.range(2, H - 2);
    const len = frng.range(2.2, 5);
    const a = frng.range(0, Math.PI * 2);
    const bend = frng.range(-0.5, 0.5);
    const pts: number[] = [];
    for (let t = 0; t <= 12; t++) {
      const u = t / 12;
      const aa = a + bend * (u - 0.5) * 2;
      pts.push(x + Math.cos(aa) * len * u, y + Math.sin(aa) * len * u);
    }
    fibres[i % 3].push(pts);
  }
  if (!(ctx.counterfeit && ctx.recipe.counterfeit?.fibres === 'absent')) {
    fibres.forEach((f, i) => scene.strokes(`fibres${i}` as LayerId, f, 0.075, 0.9));
  }
  scene.feature(
    'security-fibres',
    'security-fibres',
    'Security fibres',
    ['visible', 'uv365', 'transmitted'],
    rectPoly({ x: 0, y: 0, w: W, h: H }),
    'Embedded fibres (red, blue, yellow) glow under UV 365 nm and show in transmitted light; they lie in the paper, ' +
      'not on it.',
  );
}

function microprintLine(ctx: Ctx, id: string, path: number[], label: string, size = 0.42): void {
  const { scene } = ctx;
  scene.microtext('microprint', microtextOf(ctx), path, size);
  scene.feature(
    id,
    'microprint',
    label,
    ['visible'],
    rectPoly(grow(pathBounds(path), size * 0.8)),
    `Looks like a line; under magnification it reads "${ctx.design.microtext}" repeated in sharp letters.`,
  );
}

function header(
  ctx: Ctx,
  x: number,
  baseline: number,
  sizes: { name: number; local: number; title: number; titleLocal: number; emblem: number },
  titles: [string, string],
  rightX: number,
): void {
  const { scene, design } = ctx;
  const eh = sizes.emblem;
  const ex = x - eh * 1.25;
  const ey = baseline - sizes.name * 0.35;
  // Header emblem in metameric ink: same colour as the accent in daylight, but it stays dark in infrared.
  scene.fill('irMark', emblemPolygons(design.emblem, ex, ey, eh));
  scene.feature(
    'ir-emblem',
    'metameric-ink',
    'Header emblem in IR-absorbing (metameric) ink',
    ['visible', 'ir'],
    rectPoly(grow({ x: ex - eh, y: ey - eh, w: 2 * eh, h: 2 * eh }, 0.3)),
    'Looks like the rest of the header print in daylight; under infrared the header text vanishes but the emblem ' +
      'stays dark.',
  );
  // A long state name beside a long title ("GRAND DUCHY OF WESTMARCH" / "DIPLOMATIC PASSPORT") is set smaller, as
  // a printer would, so the two lines never run into each other; so are the local-language lines under them.
  const fit = (a: string, aSize: number, b: string, bSize: number, font: TextStyleMm['font']) => {
    const gap = aSize * 1.2;
    const need = textWidth(a, { font, size: aSize }) + gap + textWidth(b, { font, size: bSize });
    return Math.min(1, (rightX - x) / need);
  };
  const k = fit(design.name, sizes.name, titles[0], sizes.title, design.headerFont);
  const kLocal = fit(design.localName, sizes.local, titles[1], sizes.titleLocal, 'sans');
  scene.zones.headerName = scene.text('accent', design.name, x, baseline, {
    font: design.headerFont,
    size: sizes.name * k,
  });
  scene.zones.headerLocalName = scene.text('design', design.localName, x, baseline + sizes.local * 1.45, {
    font: 'sans',
    size: sizes.local * kLocal,
  });
  scene.zones.headerTitle = scene.text('accent', titles[0], rightX, baseline, {
    font: design.headerFont,
    size: sizes.title * k,
    anchor: 'end',
  });
  scene.zones.headerLocalTitle = scene.text('design', titles[1], rightX, baseline + sizes.local * 1.45, {
    font: 'sans',
    size: sizes.titleLocal * kLocal,
    anchor: 'end',
  });
  scene.zones.header = { x: ex - eh, y: 0, w: rightX - ex + eh, h: baseline + sizes.local * 2 };
}

function valueStyle(ctx: Ctx, size: number): TextStyleMm {
  const f = ctx.design.vizFont;
  return {
    font: f,
    size: f === 'mono' ? size * 1.02 : size,
    scaleX: f === 'mono' ? 0.92 : 1,
    embolden: f === 'sans' ? size * 0.02 : undefined,
  };
}

/**
 * A VIZ field: bilingual label and personalised value. Applies a recipe alteration of the field (residue of the
 * old value, damaged background, new value in the forger's font and ink).
 */
function field(
  ctx: Ctx,
  key: VizFieldKey,
  x: number,
  y: number,
  value: string,
  sizes: { label: number; value: number },
  opts: { labelText?: string; maxWidth?: number } = {},
): FieldPlacement {
  const { scene, design } = ctx;
  const label = opts.labelText ?? `${FIELD_LABELS_EN[key]} / ${design.labels[key]}`;
  const labelBase = y + sizes.label * 0.8;
  const labelBox = scene.text('design', label, x, labelBase, { font: 'sans', size: sizes.label });
  const valueBase = labelBase + sizes.value * 1.05;
  let style = valueStyle(ctx, sizes.value);
  if (opts.maxWidth) {
    const w = textWidth(value, style);
    if (w > opts.maxWidth) style = { ...style, scaleX: (style.scaleX ?? 1) * (opts.maxWidth / w) };
  }
  const alteration = ctx.recipe.alterations.find((a) => a.field === key && a.field !== 'signature');
  let valueBox: RectMm;
  let printed = value;
  if (!alteration) {
    valueBox = scene.text(ctx.pers, value, x, valueBase, style);
  } else {
    printed = alteration.newValue;
    const oldBox = textBox(value, x, valueBase, style);
    const newStyle: TextStyleMm = {
      ...style,
      font: alteration.font,
      size: style.size * alteration.sizeFactor,
      embolden: alteration.font === design.vizFont ? style.embolden : sizes.value * 0.025,
      scaleX: alteration.font === 'mono' ? 0.92 : style.scaleX,
    };
    const nx = x + alteration.xShift;
    const ny = valueBase + alteration.baselineShift;
    const newBox = textBox(printed, nx, ny, newStyle);
    const erased = grow(union(oldBox, newBox), 0.35);
    if (alteration.residue > 0) scene.text(ctx.pers, value, x, valueBase, { ...style, alpha: alteration.residue });
    erase(ctx, erased, alteration.damage, alteration.erasureGlow, alteration.method === 'scrub');
    scene.text(alteration.irVisible ? 'forgerCarbon' : 'forgerInk', printed, nx, ny, newStyle);
    valueBox = union(oldBox, newBox);
    scene.zones[`altered:${key}`] = erased;
  }
  const placement: FieldPlacement = {
    key,
    label: FIELD_LABELS_EN[key],
    labelLocal: design.labels[key],
    value: printed,
    labelBox,
    valueBox,
    valueAt: { x, y: valueBase, style, layer: ctx.pers },
  };
  scene.fields.push(placement);
  return placement;
}

/** Erasure: background print damaged, paper brightened (UV), surface roughened (oblique). */
function erase(ctx: Ctx, r: RectMm, damage: number, glow: number, blotchy: boolean): void {
  const { scene } = ctx;
  const keep = 1 - damage;
  for (const layer of ['bg', 'rosette', 'microprint', 'emblem', 'design'] as LayerId[]) {
    scene.add(layer, ({ mask, s }) => mask.scale(keep, { x: r.x * s, y: r.y * s, w: r.w * s, h: r.h * s }));
  }
  const poly = blotchy
    ? blotch(r, new Rng(`erase:${ctx.recipe.seed}:${r.x.toFixed(2)}`))
    : roundRectPolygon(r.x, r.y, r.w, r.h, Math.min(r.h, r.w) * 0.25);
  scene.fill('erasure', [poly], glow);
  scene.fill('matte', [poly], 0.9);
}

function blotch(r: RectMm, rng: Rng): number[] {
  const out: number[] = [];
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  for (let i = 0; i < 48; i++) {
    const a = (i / 48) * Math.PI * 2;
    const k = 0.86 + 0.12 * Math.sin(a * 3 + rng.range(0, 6)) + rng.range(-0.03, 0.03);
    const x = cx + Math.cos(a) * (r.w / 2) * Math.min(1, k * 1.05);
    const y = cy + Math.sin(a) * (r.h / 2) * Math.min(1, k * 1.05);
    out.push(x, y);
  }
  return out;
}

/** Portrait zone with its frame of microprint, a faint background, and the OVD overlapping its corner. */
function portraitZone(
  ctx: Ctx,
  box: RectMm,
  ghostBox: RectMm,
  ovd: { cx: number; cy: number; rx: number; ry: number },
): void {
  const { scene, recipe, design } = ctx;
  scene.zones.portrait = box;
  scene.zones.ghost = ghostBox;
  const holderFace = faceParams(recipe.faceSeed, recipe.holder.sex);
  const technique: PortraitStyle = recipe.personalisation === 'inkjet' ? 'inkjet' : 'laser';
  scene.add(recipe.personalisation === 'inkjet' ? 'inkjet' : 'portrait', ({ mask, s }) =>
    drawPortrait(mask, s, box, holderFace, technique),
  );
  scene.feature(
    'portrait',
    recipe.personalisation === 'inkjet' ? 'inkjet' : 'laser-engraving',
    'Laser-engraved portrait',
    ['visible', 'ir', 'oblique'],
    rectPoly(box),
    'Greyscale portrait engraved into the page: no edges, no raised photo, dark under infrared.',
  );
  microprintLine(
    ctx,
    'microprint-portrait',
    rectPath(box.x - 0.5, box.y - 0.5, box.w + 1, box.h + 1),
    'Microprint frame around the portrait',
    0.36,
  );
  // Ghost image: the same face, small, faded, line-screened and UV-fluorescent.
  const sub = recipe.photoSubstitution;
  const ghostFace = sub?.replaceGhost ? faceParams(sub.faceSeed, recipe.holder.sex) : holderFace;
  scene.add('ghost', ({ mask, s }) =>
    drawPortrait(mask, s, ghostBox, ghostFace, ctx.counterfeit ? 'ghost-solid' : 'ghost'),
  );
  scene.feature(
    'ghost-image',
    'ghost-image',
    'Ghost image (secondary portrait)',
    ['visible', 'uv365'],
    rectPoly(ghostBox),
    'A faded, line-screened copy of the main portrait; it must show the same face, and it fluoresces under UV.',
  );
  // Photo substitution: a printed photo glued over the engraved portrait.
  if (sub) {
    const face = faceParams(sub.faceSeed, recipe.holder.sex);
    const pb: RectMm = {
      x: box.x + sub.offset[0] - 0.4,
      y: box.y + sub.offset[1] - 0.4,
      w: box.w + 0.8,
      h: box.h + 0.8,
    };
    scene.zones.substitutedPhoto = pb;
    scene.fill('photoPaper', [rectPoly(pb)], 1);
    for (const [i, layer] of (['photoC', 'photoM', 'photoY'] as const).entries()) {
      scene.add(layer as LayerId, ({ mask, s }) =>
        drawPortrait(mask, s, pb, face, sub.colour ? (['print-c', 'print-m', 'print-y'] as const)[i] : 'print-grey'),
      );
    }
    const e = 0.15 + 0.85 * sub.edge;
    scene.stroke('cutEdge', rectPath(pb.x, pb.y, pb.w, pb.h), 0.09 + 0.12 * sub.edge, e, true);
    scene.fill('matte', [rectPoly(pb)], 0.6 + 0.4 * sub.edge);
  }
  // OVD patch over the portrait corner.
  const outline = ellipsePolygon(ovd.cx, ovd.cy, ovd.rx, ovd.ry, 96);
  scene.ovd = {
    outline,
    box: { x: ovd.cx - ovd.rx, y: ovd.cy - ovd.ry, w: ovd.rx * 2, h: ovd.ry * 2 },
    mode: ctx.counterfeit ? 'flat' : design.exists ? 'genuine' : 'generic',
    emblem: emblemPolygons(design.emblem, ovd.cx, ovd.cy, Math.min(ovd.rx, ovd.ry) * 0.62),
    code: design.code,
    cut: sub ? { rect: scene.zones.substitutedPhoto, imitation: sub.ovd === 'imitated' } : undefined,
  };
  scene.zones.ovd = scene.ovd.box;
  scene.feature(
    'ovd',
    'kinegram',
    'OVD (kinegram) over the portrait corner',
    ['oblique', 'visible'],
    outline,
    'Tilt the page: colours shift and the emblem, the state code and a ring pattern appear in turn. A flat print ' +
      'does ' +
      'not change.',
  );
}

function signatureZone(ctx: Ctx, box: RectMm, labelSize: number): void {
  const { scene, recipe, design } = ctx;
  scene.text('design', `${FIELD_LABELS_EN.signature} / ${design.labels.signature}`, box.x, box.y - 0.4, {
    font: 'sans',
    size: labelSize,
  });
  const strokes = signatureStrokes(recipe.holder.surname, `${recipe.seed}:${recipe.faceSeed}`, box);
  scene.strokes(recipe.personalisation === 'inkjet' ? 'inkjet' : 'signature', strokes, 0.22, 1);
  scene.zones.signature = box;
  scene.feature(
    'signature',
    'signature',
    "Holder's signature",
    ['visible'],
    rectPoly(box),
    'Digitised signature reproduced in the personalisation.',
  );
}

/** The MRZ, drawn character by character on the 2.54 mm pitch; tampered characters in the forger's ink. */
function mrzZone(ctx: Ctx, x0: number, baselines: number[], zone: RectMm): void {
  const { scene, recipe } = ctx;
  const original = expectedMrz(recipe);
  const printed = recipe.mrzAlteration?.lines ?? original;
  const style: TextStyleMm = { font: 'mono', size: 3.35, scaleX: 1.08 };
  const adv = textWidth('M', style);
  const pitch = 2.54;
  printed.forEach((line, li) => {
    const y = baselines[li];
    for (let i = 0; i < line.length; i++) {
      const cx = x0 + i * pitch + (pitch - adv) / 2;
      const orig = original[li]?.[i] ?? '<';
      if (line[i] === orig) {
        scene.text('carbon', line[i], cx, y, style);
      } else {
        const alt = recipe.mrzAlteration as NonNullable<Recipe['mrzAlteration']>;
        const cell: RectMm = { x: x0 + i * pitch - 0.15, y: y - 2.9, w: pitch + 0.3, h: 3.6 };
        if (alt.residue > 0) scene.text('carbon', orig, cx, y, { ...style, alpha: alt.residue });
        erase(ctx, cell, 0.5, 0.55, false);
        scene.text(alt.irVisible ? 'forgerCarbon' : 'forgerInk', line[i], cx + 0.05, y + alt.baselineShift, {
          ...style,
          embolden: 0.03,
        });
        scene.zones[`mrz:${li}:${i}`] = cell;
      }
    }
  });
  scene.zones.mrz = zone;
  scene.feature(
    'mrz',
    'mrz',
    'Machine-readable zone',
    ['visible', 'ir'],
    rectPoly(zone),
    'OCR-B characters on a 2.54 mm pitch, check digits per Doc 9303; printed in carbon, so it stays dark under ' +
      'infrared.',
  );
}

/** Personalised UV ink: document number and surname repeated along a wave across the VIZ. */
function uvVizLine(ctx: Ctx, path: number[], size: number): void {
  const { scene, recipe } = ctx;
  const text = `${recipe.document.documentNumber} ${recipe.holder.surname} `;
  scene.microtext('uvViz', text, path, size, 'sans-bold');
  scene.feature(
    'uv-personalisation',
    'uv-fluorescent-ink',
    'UV-fluorescent personalised data',
    ['uv365'],
    rectPoly(grow(pathBounds(path), size)),
    'Under UV 365 nm the document number and surname appear along a wave; they must match the VIZ and the MRZ.',
  );
}

function uv254Band(ctx: Ctx, r: RectMm, size: number): void {
  const { scene, design } = ctx;
  for (let row = 0; row * size * 1.3 < r.h; row++) {
    const y = r.y + size + row * size * 1.3;
    const x0 = r.x + (row % 2) * size;
    let text = design.code;
    while (textWidth(`${text} ${design.code}`, { font: 'sans-bold', size }) <= r.x + r.w - x0)
      text += ` ${design.code}`;
    scene.text('uv254', text, x0, y, { font: 'sans-bold', size });
  }
  scene.feature(
    'uv254-band',
    'uv-fluorescent-ink',
    'UV 254 nm reactive band',
    ['uv254'],
    rectPoly(r),
    'Visible only under short-wave UV (254 nm): the state code repeated.',
  );
}

function seeThroughRegister(ctx: Ctx, cx: number, cy: number, r: number): void {
  const { scene, design } = ctx;
  scene.fill('design', emblemHalf(design.emblem, cx, cy, r, -1), 0.9);
  scene.stroke('design', ellipsePolygon(cx, cy, r * 1.15, r * 1.15, 80), 0.06, 0.8, true);
  scene.fill('backPrint', emblemHalf(design.emblem, cx, cy, r, 1), 1);
  scene.feature(
    'see-through-register',
    'see-through-register',
    'See-through register',
    ['visible', 'transmitted'],
    rectPoly(grow({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r }, r * 0.2)),
    'Half of the emblem is printed on this side; against the light the other half, printed on the reverse, completes ' +
      'it exactly.',
  );
}

function watermark(ctx: Ctx, cx: number, cy: number, r: number): void {
  const { scene, design } = ctx;
  if (ctx.counterfeit) {
    // Simulated watermark: printed in faint ink instead of formed in the paper.
    scene.fill('design', emblemPolygons(design.emblem, cx, cy, r), 0.07);
  } else {
    scene.fill('wmThick', emblemPolygons(design.emblem, cx, cy, r), 0.9);
    scene.add('wmThick', ({ mask }) => blurMask(mask, Math.max(1, mask.w / 700), 2), 'blur-wmThick');
    scene.fill(
      'wmThin',
      [ellipsePolygon(cx, cy, r * 1.25, r * 1.25, 90), reversed(ellipsePolygon(cx, cy, r * 1.05, r * 1.05, 90))],
      0.8,
    );
    scene.add('wmThin', ({ mask }) => blurMask(mask, Math.max(1, mask.w / 500), 2), 'blur-wmThin');
  }
  scene.feature(
    'watermark',
    'watermark',
    'Multitone watermark',
    ['transmitted'],
    rectPoly(grow({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r }, r * 0.3)),
    'Against the light the emblem appears in darker and lighter tones with soft edges; it is formed in the paper, ' +
      'not ' +
      'printed.',
  );
}

/** Laser perforation: the document number as a 5 × 7 dot matrix of holes. */
function perforation(ctx: Ctx, text: string, x: number, y: number, cell: number): void {
  const { scene } = ctx;
  const glyphs = dotMatrix();
  const r = cell * 0.32;
  let cx = x;
  for (const ch of text) {
    const rows = glyphs[ch] ?? glyphs['?'];
    rows.forEach((row, ry) => {
      for (let rx = 0; rx < 5; rx++)
        if (row[rx] === '1') scene.disc('perforation', cx + rx * cell, y + ry * cell, r, ctx.counterfeit ? 0.8 : 1);
    });
    cx += cell * 6.5;
  }
  const box: RectMm = { x: x - cell, y: y - cell, w: cx - x + cell, h: cell * 8 };
  scene.zones.perforation = box;
  scene.feature(
    'laser-perforation',
    'laser-perforation',
    'Laser-perforated document number',
    ['transmitted', 'visible'],
    rectPoly(box),
    'The document number as tiny conical holes: light passes through them (transmitted light) and they must match ' +
      'the ' +
      'printed number.',
  );
}

/** 5 × 7 dot-matrix glyphs for the perforated number. */
function dotMatrix(): Record<string, string[]> {
  return {
    '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
    '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
    '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
    '3': ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
    '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
    '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
    '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
    '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
    '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
    '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
    A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
    B: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
    C: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
    D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
    E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
    F: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
    G: ['01110', '10001', '10000', '10111', '10001', '10001', '01111'],
    H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
    I: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
    J: ['00111', '00010', '00010', '00010', '00010', '10010', '01100'],
    K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
    L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
    M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
    N: ['10001', '11001', '10101', '10011', '10001', '10001', '10001'],
    O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
    P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
    Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
    R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
    S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
    T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
    U: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
    V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
    W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
    X: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
    Y: ['10001', '10001', '01010', '00100', '00100', '00100', '00100'],
    Z: ['11111', '00001', '00010', '00100', '01000', '10000', '11111'],
    '?': ['11111', '10001', '10001', '10001', '10001', '10001', '11111'],
  };
}

function nationalityText(design: StateDesign): string {
  return design.language.toUpperCase();
}

function sexText(sex: string, design: StateDesign): string {
  if (design.code === 'ARC') return sex === 'F' ? 'F/TH' : 'M/A';
  return sex;
}

/** Counterfeit reproduction: fine lines screened into dots, microprint unreadable. */
function applyCounterfeitEffects(ctx: Ctx): void {
  if (!ctx.counterfeit) return;
  const { scene } = ctx;
  const q = ctx.recipe.counterfeit?.quality ?? 0.3;
  for (const layer of ['bg', 'rosette', 'emblem', 'fibres0', 'fibres1', 'fibres2'] as LayerId[]) {
    scene.add(layer, ({ mask, s }) => halftone(mask, s * (0.17 - 0.04 * q)));
  }
  scene.add('microprint', ({ mask, s }) => blurMask(mask, Math.max(1, s * 0.14), 2));
}

// ------------------------------------------------------------------------------------------------ TD3 data page

function td3DataPage(ctx: Ctx): void {
  const { scene, recipe, design } = ctx;
  const { holder, document: doc } = recipe;
  securityBackground(ctx, { rosette: [71, 34, 25], emblem: [71, 35, 17], fibres: 46 });
  header(ctx, 15.5, 6.3, { name: 4.2, local: 1.6, title: 3.6, titleLocal: 1.6, emblem: 4.0 }, design.titles.TD3, 121);
  scene.stroke('accent', [4, 11.0, 121, 11.0], 0.22);
  microprintLine(ctx, 'microprint-header', [4, 11.75, 121, 11.75], 'Microprint line under the header');
  microprintLine(ctx, 'microprint-mrz', wavyLine(4, 121, 64.3, 0.35, 9), 'Microprint wave above the MRZ');

  const L = { label: 1.3, value: 2.55 };
  const X = 42;
  const maxW = 59;
  field(ctx, 'type', X, 13.0, 'P', L);
  field(ctx, 'code', X + 11, 13.0, doc.issuingState, L, { labelText: `Code / ${design.labels.code}` });
  const num = field(ctx, 'documentNumber', 82, 13.0, doc.documentNumber, L);
  scene.zones.documentNumber = num.valueBox;
  field(ctx, 'surname', X, 18.4, holder.surname, L, { maxWidth: maxW });
  field(ctx, 'givenNames', X, 23.8, holder.givenNames, L, { maxWidth: maxW });
  field(ctx, 'nationality', X, 29.2, nationalityText(design), L);
  field(ctx, 'sex', 82, 29.2, sexText(holder.sex, design), L);
  field(ctx, 'dateOfBirth', X, 34.6, vizDate(holder.dateOfBirth, design.dateStyle), L);
  if (design.personalNumber) field(ctx, 'personalNumber', 74, 34.6, holder.personalNumber, L);
  field(ctx, 'placeOfBirth', X, 40.0, holder.placeOfBirth, L, { maxWidth: maxW });
  field(ctx, 'dateOfIssue', X, 45.4, vizDate(doc.dateOfIssue, design.dateStyle), L);
  field(ctx, 'dateOfExpiry', 74, 45.4, vizDate(doc.dateOfExpiry, design.dateStyle), L);
  field(ctx, 'authority', X, 50.8, doc.authority, L, { maxWidth: maxW });
  signatureZone(ctx, { x: X, y: 57.6, w: 40, h: 5.8 }, 1.2);

  portraitZone(
    ctx,
    { x: 5.5, y: 14, w: 32, h: 41 },
    { x: 104, y: 37, w: 17, h: 21.5 },
    { cx: 35, cy: 51, rx: 6.2, ry: 5.0 },
  );
  seeThroughRegister(ctx, 116.5, 17.5, 3.6);
  watermark(ctx, 112.5, 29, 5.6);
  uvVizLine(ctx, wavyLine(42, 101, 44.2, 0.5, 14), 1.15);
  uv254Band(ctx, { x: 5.5, y: 57.2, w: 32, h: 5.5 }, 1.5);
  mrzZone(ctx, 6.3, [76.0, 82.2], { x: 4.5, y: 71.5, w: 116, h: 12.5 });
}

// ------------------------------------------------------------------------------------------------ TD1 card

function td1Front(ctx: Ctx): void {
  const { scene, recipe, design } = ctx;
  const { holder, document: doc } = recipe;
  securityBackground(ctx, { rosette: [48, 28, 17], emblem: [48, 29, 12], fibres: 26 });
  header(
    ctx,
    11.0,
    4.6,
    { name: 3.0, local: 1.15, title: 2.3, titleLocal: 1.15, emblem: 2.8 },
    design.titles.TD1,
    83.2,
  );
  scene.stroke('accent', [2.5, 8.2, 83.2, 8.2], 0.18);
  microprintLine(ctx, 'microprint-header', [2.5, 8.75, 83.2, 8.75], 'Microprint line under the header', 0.36);
  microprintLine(
    ctx,
    'microprint-bottom',
    wavyLine(2.5, 83.2, 52.3, 0.25, 7),
    'Microprint wave at the bottom edge',
    0.36,
  );
  const L = { label: 1.05, value: 2.05 };
  const X = 27.5;
  field(ctx, 'surname', X, 9.6, holder.surname, L, { maxWidth: 40 });
  field(ctx, 'givenNames', X, 14.2, holder.givenNames, L, { maxWidth: 40 });
  field(ctx, 'sex', X, 18.8, sexText(holder.sex, design), L);
  field(ctx, 'nationality', X + 11, 18.8, nationalityText(design), L);
  const dob = field(ctx, 'dateOfBirth', X, 23.4, vizDate(holder.dateOfBirth, design.dateStyle), L);
  // Tactile laser engraving: the date of birth can be felt and shows relief under oblique light.
  scene.text('tactile', dob.value, dob.valueAt.x, dob.valueAt.y, dob.valueAt.style);
  scene.feature(
    'tactile-dob',
    'tactile-relief',
    'Tactile date of birth',
    ['oblique'],
    rectPoly(grow(dob.valueBox, 0.3)),
    'The date of birth is engraved with relief: it can be felt and catches raking light.',
  );
  const num = field(ctx, 'documentNumber', X, 28.0, doc.documentNumber, L, {
    labelText: `Document No. / ${design.labels.cardAccessNumber}`,
  });
  scene.zones.documentNumber = num.valueBox;
  field(ctx, 'dateOfExpiry', X, 32.6, vizDate(doc.dateOfExpiry, design.dateStyle), L);
  signatureZone(ctx, { x: X, y: 39.2, w: 30, h: 5.5 }, 0.95);
  portraitZone(
    ctx,
    { x: 3, y: 10.3, w: 22, h: 28.5 },
    { x: 69.5, y: 24.5, w: 13.5, h: 17.5 },
    { cx: 22.6, cy: 36.2, rx: 4.2, ry: 3.5 },
  );
  seeThroughRegister(ctx, 76.5, 15.5, 3.0);
  perforation(ctx, doc.documentNumber, 60.5, 45.0, 0.34);
  uvVizLine(ctx, wavyLine(27.5, 66, 37.0, 0.35, 10), 0.95);
  uv254Band(ctx, { x: 3, y: 41.3, w: 22, h: 4 }, 1.1);
}

function td1Back(ctx: Ctx): void {
  const { scene, recipe, design } = ctx;
  const { holder, document: doc } = recipe;
  securityBackground(ctx, { rosette: [64, 17, 14], emblem: [64, 17, 10], fibres: 22 });
  scene.fill('irMark', emblemPolygons(design.emblem, 6, 4.6, 2.4));
  scene.text('accent', design.name, 10, 5.6, { font: design.headerFont, size: 2.0 });
  scene.feature(
    'ir-emblem',
    'metameric-ink',
    'Emblem in IR-absorbing (metameric) ink',
    ['visible', 'ir'],
    rectPoly({ x: 3.3, y: 1.9, w: 5.4, h: 5.4 }),
    'Stays dark under infrared while the surrounding print vanishes.',
  );
  // Card serial (pre-printed on the blank, matches the document number).
  const serialBox = scene.text('number', doc.documentNumber, 83, 5.4, { font: 'mono', size: 2.0, anchor: 'end' });
  scene.zones.serial = serialBox;
  scene.feature(
    'serial',
    'offset',
    'Pre-printed card serial number',
    ['visible'],
    rectPoly(grow(serialBox, 0.2)),
    'Printed on the blank before personalisation; must equal the document number.',
  );
  const L = { label: 1.0, value: 1.95 };
  field(ctx, 'placeOfBirth', 4, 8.0, holder.placeOfBirth, L, { maxWidth: 40 });
  field(ctx, 'dateOfIssue', 48, 8.0, vizDate(doc.dateOfIssue, design.dateStyle), L);
  field(ctx, 'authority', 4, 12.6, doc.authority, L, { maxWidth: 56 });
  field(ctx, 'address', 4, 17.2, holder.address, L, { maxWidth: 56 });
  field(ctx, 'height', 4, 21.8, `${holder.heightCm} cm`, L);
  field(ctx, 'eyes', 22, 21.8, holder.eyes, L);
  if (design.personalNumber) field(ctx, 'personalNumber', 44, 21.8, holder.personalNumber, L);
  microprintLine(ctx, 'microprint-mrz', wavyLine(2.5, 83.2, 33.2, 0.25, 7), 'Microprint wave above the MRZ', 0.36);
  uv254Band(ctx, { x: 62, y: 25, w: 21, h: 4 }, 1.1);
  mrzZone(ctx, 4.7, [40.6, 45.4, 50.2], { x: 3.2, y: 36.2, w: 79.5, h: 15.6 });
}

// ------------------------------------------------------------------------------------------------ visa page

function visaPage(ctx: Ctx): void {
  const { scene, recipe, design } = ctx;
  securityBackground(ctx, { rosette: [62.5, 44, 30], emblem: [62.5, 44, 20], fibres: 40, lineAlpha: 0.55 });
  scene.text('accent', design.titles.visa[0], 62.5, 8.0, { font: design.headerFont, size: 3.6, anchor: 'middle' });
  scene.text('design', design.titles.visa[1], 62.5, 10.8, { font: 'sans', size: 1.6, anchor: 'middle' });
  microprintLine(ctx, 'microprint-top', [4, 12.4, 121, 12.4], 'Microprint line under the title');
  scene.text('design', '7', 62.5, 85.0, { font: design.headerFont, size: 2.4, anchor: 'middle' });
  scene.feature(
    'page-number',
    'page-numbering',
    'Page number',
    ['visible'],
    rectPoly({ x: 60, y: 82, w: 5, h: 4 }),
    'Page numbers run without gaps through the booklet.',
  );
  for (const st of recipe.stamps) drawStamp(ctx, st, st.id);
}

export function stampBox(st: StampSpec): RectMm {
  const design = stateDesign(st.state);
  const [w, h] = design.stampShape === 'rect' ? [36, 21] : design.stampShape === 'circle' ? [25, 25] : [30, 22];
  const diag = Math.hypot(w, h) / 2;
  return { x: st.x - diag, y: st.y - diag, w: diag * 2, h: diag * 2 };
}

function stampDate(iso: string, design: StateDesign, wrong: boolean): string {
  const [y, m, d] = iso.split('-');
  if (wrong) return `${y}-${m}-${d}`;
  if (design.code === 'ARC') return `${d}.${m}.${y}`;
  if (design.code === 'BRG') return `${d}-${m}-${y.slice(2)}`;
  return vizDate(iso, 'dd-mon-yyyy');
}

function drawStamp(ctx: Ctx, st: StampSpec, index: number): void {
  const { scene } = ctx;
  const design = stateDesign(st.state);
  const layer: LayerId = st.forged ? 'stampForged' : (`stamp${index % 5}` as LayerId);
  const rot = (st.rotation * Math.PI) / 180;
  const cr = Math.cos(rot);
  const sr = Math.sin(rot);
  const rotPts = (pts: number[]): number[] =>
    pts.map((v, i) =>
      i % 2 === 0
        ? st.x + (v - st.x) * cr - (pts[i + 1] - st.y) * sr
        : st.y + (pts[i - 1] - st.x) * sr + (v - st.y) * cr,
    );
  const maxW = design.stampShape === 'rect' ? 30 : design.stampShape === 'circle' ? 18 : 22;
  const textAt = (
    text: string,
    dx: number,
    dy: number,
    size: number,
    font: TextStyleMm['font'] = 'sans-bold',
    width = maxW,
  ): void => {
    const x = st.x + dx * cr - dy * sr;
    const y = st.y + dx * sr + dy * cr;
    const style: TextStyleMm = {
      font: st.forged ? 'sans' : font,
      size,
      anchor: 'middle',
      rotate: rot,
      embolden: st.forged ? size * 0.03 : undefined,
    };
    const tw = textWidth(text, style);
    if (tw > width) style.scaleX = width / tw;
    scene.text(layer, text, x, y, style);
  };
  const notch = !st.forged?.missingNotch;
  const dir = st.direction === 'entry' ? 'ENTRY' : 'EXIT';
  const post = st.forged?.unknownPost
    ? { code: '00', name: `${design.places[0]} CENTRAL` }
    : { code: st.postCode, name: st.postName };
  const date = stampDate(st.date, design, !!st.forged?.wrongDateFormat);
  const lw = 0.32;
  if (design.stampShape === 'rect') {
    const w = 34;
    const h = 19;
    scene.stroke(layer, rotPts(closed(roundRectPolygon(st.x - w / 2, st.y - h / 2, w, h, 1.6))), lw, 1, true);
    const inner = roundRectPolygon(st.x - w / 2 + 1.1, st.y - h / 2 + 1.1, w - 2.2, h - 2.2, 1.0);
    scene.stroke(layer, rotPts(notch ? cutOpen(inner, 0.18) : closed(inner)), 0.2, 1, !notch);
    textAt(`${design.name} · ${dir}`, 0, -4.6, 2.0);
    textAt(date, 0, 1.2, 3.4, 'mono');
    textAt(`${post.name} ${post.code}`, 0, 6.2, 1.7);
  } else if (design.stampShape === 'circle') {
    const r = 12;
    scene.stroke(layer, rotPts(ellipsePolygon(st.x, st.y, r, r, 120)), lw, 1, true);
    const inner = ellipsePolygon(st.x, st.y, r - 1.2, r - 1.2, 120);
    scene.stroke(layer, rotPts(notch ? cutOpen(inner, 0.6) : inner), 0.2, 1, !notch);
    textAt(design.name.replace('REPUBLIC OF ', ''), 0, -5.2, 2.2);
    textAt(dir, 0, -2.0, 1.8);
    textAt(date, 0, 2.6, 2.8, 'mono');
    textAt(`${post.code} ${post.name}`, 0, 6.4, 1.45, 'sans-bold', 15);
  } else {
    const w = 28;
    const h = 20;
    const hex = [
      st.x - w / 2,
      st.y,
      st.x - w / 2 + 5,
      st.y - h / 2,
      st.x + w / 2 - 5,
      st.y - h / 2,
      st.x + w / 2,
      st.y,
      st.x + w / 2 - 5,
      st.y + h / 2,
      st.x - w / 2 + 5,
      st.y + h / 2,
    ];
    scene.stroke(layer, rotPts(hex), lw, 1, true);
    const inner = [
      st.x - w / 2 + 1.6,
      st.y,
      st.x - w / 2 + 5.7,
      st.y - h / 2 + 1.2,
      st.x + w / 2 - 5.7,
      st.y - h / 2 + 1.2,
      st.x + w / 2 - 1.6,
      st.y,
      st.x + w / 2 - 5.7,
      st.y + h / 2 - 1.2,
      st.x - w / 2 + 5.7,
      st.y + h / 2 - 1.2,
    ];
    scene.stroke(layer, rotPts(notch ? cutOpen(densify(inner), 0.3) : inner), 0.2, 1, !notch);
    textAt(design.name.replace('KINGDOM OF ', ''), 0, -4.2, 2.0);
    textAt(`${dir} ${post.code}`, 0, -1.0, 1.8);
    textAt(date, 0, 3.4, 3.0, 'mono');
    textAt(post.name, 0, 6.6, 1.4, 'sans-bold', 17);
  }
  // Ink texture: rubber stamps print unevenly.
  const seed = `${ctx.recipe.seed}:stamp:${index}`;
  scene.add(layer, ({ mask, s }) => {
    const b = stampBox(st);
    const rng = new Rng(seed);
    const x0 = Math.max(0, Math.floor(b.x * s));
    const y0 = Math.max(0, Math.floor(b.y * s));
    const x1 = Math.min(mask.w, Math.ceil((b.x + b.w) * s));
    const y1 = Math.min(mask.h, Math.ceil((b.y + b.h) * s));
    const fx = rng.range(0.2, 0.5) / s;
    const fy = rng.range(0.2, 0.5) / s;
    const ph = rng.range(0, 6);
    const tilt = rng.range(-0.5, 0.5);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = y * mask.w + x;
        if (mask.data[i] === 0) continue;
        const k =
          0.72 +
          0.18 * Math.sin(x * fx + ph) * Math.cos(y * fy - ph) +
          0.1 * tilt * ((x - x0) / Math.max(1, x1 - x0) - 0.5);
        mask.data[i] = mask.data[i] * Math.max(0.35, Math.min(1, k));
      }
    }
  });
  const box = stampBox(st);
  scene.zones[`stamp:${index}`] = box;
  scene.feature(
    `stamp-${index}`,
    'uv-fluorescent-ink',
    `${st.direction === 'entry' ? 'Entry' : 'Exit'} stamp ${design.code} ${st.postCode}`,
    ['visible', 'uv365'],
    rectPoly(box),
    `Border stamp of ${design.name}: the period's security notch in the inner frame, date as ` +
      `${stampDate(REFERENCE_DATE, design, false)}, a known border post, ink that fluoresces under UV.`,
  );
}

function closed(poly: number[]): number[] {
  return [...poly, poly[0], poly[1]];
}

function densify(poly: number[]): number[] {
  const out: number[] = [];
  const n = poly.length / 2;
  for (let i = 0; i < n; i++) {
    const ax = poly[2 * i];
    const ay = poly[2 * i + 1];
    const bx = poly[2 * ((i + 1) % n)];
    const by = poly[2 * ((i + 1) % n) + 1];
    for (let k = 0; k < 8; k++) out.push(ax + ((bx - ax) * k) / 8, ay + ((by - ay) * k) / 8);
  }
  return out;
}

/** Open a closed outline by dropping a short run of points near the given fraction: the security notch. */
function cutOpen(poly: number[], at: number): number[] {
  const n = poly.length / 2;
  const start = Math.floor(at * n);
  const gap = Math.max(2, Math.round(n * 0.035));
  const out: number[] = [];
  for (let k = gap; k <= n; k++) {
    const i = (start + k) % n;
    out.push(poly[2 * i], poly[2 * i + 1]);
  }
  return out;
}
