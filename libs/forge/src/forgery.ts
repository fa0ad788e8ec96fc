// Forgery operations. Each takes a genuine instance and returns a new instance plus its exact ground truth: the
// verdict, the fraud type (contracts' FRAUD_TYPES), the tampered regions as normalised polygons with the
// compromised features and the lights that show them, and an instructor's explanation.
import {
  categoryOfFeature,
  type DocumentSide,
  type FeatureKind,
  type FraudType,
  type Light,
  type Polygon,
} from '@firstline/contracts';
import { expectedMrz } from './data';
import { addYears, documentNumber, vizDate } from './identity';
import {
  instanceFromRecipe,
  genuineStamps,
  instanceId,
  inStolenSeries,
  rectPolygon,
  STAMP_SLOTS,
  STOLEN_BLANK_SERIES,
} from './instance';
import { buildScene, sidesOf, stampBox } from './layout';
import { checkMrz } from './mrz';
import { Rng } from './prng';
import { grow, union, type RectMm, type Scene } from './scene';
import { PSEUDO_DESIGNS, stateDesign, TRAINING_DESIGNS, type RGB, type VizFieldKey } from './states';
import type {
  DocumentInstance,
  FieldAlteration,
  ForgeryResult,
  GroundTruth,
  Recipe,
  StampSpec,
  TamperRegion,
} from './types';

/** An operation was asked of an instance it cannot apply to. */
export class ForgeError extends Error {
  constructor(
    readonly code: 'not-genuine' | 'unsupported-document' | 'bad-parameter',
    message: string,
  ) {
    super(message);
    this.name = 'ForgeError';
  }
}

export interface ForgeryOptions {
  /** 0 = crude (many, obvious tells) … 1 = careful (few, subtle tells). Default 0.5. */
  subtlety?: number;
  /** Seed for the operation's own choices (which field, which face…). */
  seed?: number | string;
}

const clamp01 = (v: number): number => Math.max(0, Math.min(1, v));

/** Check that instance is genuine and opts.subtlety in range; a copy of its recipe to forge and the forgery's Rng. */
function startForgery(
  instance: DocumentInstance,
  op: string,
  opts: ForgeryOptions,
): { recipe: Recipe; rng: Rng; subtlety: number } {
  const genuineRecipe = instance.recipe;
  const modified =
    genuineRecipe.alterations.length > 0 ||
    genuineRecipe.mrzAlteration ||
    genuineRecipe.photoSubstitution ||
    genuineRecipe.counterfeit ||
    genuineRecipe.pageSubstitution ||
    genuineRecipe.personalisation !== 'laser' ||
    genuineRecipe.traveller !== 'same' ||
    genuineRecipe.stamps.some((st) => st.forged) ||
    !stateDesign(genuineRecipe.state).exists;
  if (modified)
    throw new ForgeError('not-genuine', `${op} needs a genuine instance; ${instance.id} is already modified`);
  const subtlety = opts.subtlety ?? 0.5;
  if (!(subtlety >= 0 && subtlety <= 1))
    throw new ForgeError('bad-parameter', `subtlety must be between 0 and 1, got ${opts.subtlety}`);
  const rng = new Rng(`forgery:${genuineRecipe.seed}:${op}:${opts.seed ?? 0}`);
  return { recipe: structuredClone(genuineRecipe), rng, subtlety };
}

function feature(name: FeatureKind): { name: FeatureKind; category: ReturnType<typeof categoryOfFeature> } {
  return { name, category: categoryOfFeature(name) };
}

function region(scene: Scene, rect: RectMm, names: FeatureKind[], lights: Light[], note?: string): TamperRegion {
  const r: TamperRegion = { side: scene.side, polygon: rectPolygon(rect, scene), features: names.map(feature), lights };
  if (note) r.note = note;
  return r;
}

function polyRegion(
  side: DocumentSide,
  polygon: Polygon,
  names: FeatureKind[],
  lights: Light[],
  note?: string,
): TamperRegion {
  const r: TamperRegion = { side, polygon, features: names.map(feature), lights };
  if (note) r.note = note;
  return r;
}

function fullPage(scene: Scene): RectMm {
  return { x: 0, y: 0, w: scene.widthMm, h: scene.heightMm };
}

function finish(recipe: Recipe, base: DocumentInstance, suffix: string, truth: GroundTruth): ForgeryResult {
  return {
    instance: instanceFromRecipe(recipe, instanceId(base.id, suffix, JSON.stringify(truth.operation?.params ?? {}))),
    truth,
  };
}

function sideWith(recipe: Recipe, key: string): DocumentSide {
  for (const side of sidesOf(recipe)) {
    const scene = buildScene(recipe, side);
    if (scene.fields.some((f) => f.key === key) || scene.zones[key]) return side;
  }
  throw new ForgeError('bad-parameter', `no ${key} on a ${recipe.format}`);
}

// ------------------------------------------------------------------------------------------------ genuine

export function genuineTruth(instance: DocumentInstance): GroundTruth {
  return {
    verdict: 'genuine',
    fraudType: 'genuine',
    regions: [],
    explanation:
      `Genuine ${instance.documentType === 'TD3' ? 'passport' : 'identity card'} of ${instance.state.name}. ` +
      'Fine lines are continuous, microprint is sharp, the paper stays dull under UV with fluorescent fibres and ' +
      'emblem, ' +
      'the personalisation stays dark under infrared while the background drops out, the OVD changes when tilted, ' +
      'the ghost image matches the portrait, and the MRZ check digits and data agree with the VIZ.',
  };
}

// ------------------------------------------------------------------------------------------------ photo substitution

export interface PhotoSubstitutionOptions extends ForgeryOptions {
  /** Identity of the new face (default: drawn from the seed). */
  faceSeed?: string;
  /** Also re-print the ghost image with the new face (default: only very careful forgeries do). */
  replaceGhost?: boolean;
  /** Colour photographic print (default: crude forgeries). */
  colour?: boolean;
}

export function photoSubstitution(instance: DocumentInstance, opts: PhotoSubstitutionOptions = {}): ForgeryResult {
  const { recipe, rng, subtlety } = startForgery(instance, 'photo-substitution', opts);
  const replaceGhost = opts.replaceGhost ?? subtlety > 0.75;
  const colour = opts.colour ?? subtlety < 0.4;
  const edge = clamp01(1 - subtlety);
  const ovd = subtlety > 0.6 ? 'imitated' : 'missing';
  recipe.photoSubstitution = {
    faceSeed: opts.faceSeed ?? `${recipe.seed}:substitute:${opts.seed ?? 0}`,
    colour,
    edge,
    offset: [rng.range(-0.6, 0.6) * (1 - subtlety), rng.range(-0.6, 0.6) * (1 - subtlety)],
    replaceGhost,
    ovd,
  };
  // The forger's new holder: the substituted face belongs to whoever now carries the document.
  recipe.travellerFaceSeed = recipe.photoSubstitution.faceSeed;
  recipe.traveller = 'same';
  recipe.faceSeed = instance.recipe.faceSeed;
  const side = sideWith(recipe, 'portrait');
  const scene = buildScene(recipe, side);
  const photo = grow(union(scene.zones.substitutedPhoto, scene.zones.portrait), 0.45);
  const regions: TamperRegion[] = [
    region(
      scene,
      photo,
      ['portrait', 'laminate', 'laser-engraving'],
      ['visible', 'oblique', 'uv365', 'ir', 'transmitted'],
      'Printed photo glued over the engraved portrait',
    ),
    region(
      scene,
      grow(scene.zones.ovd, 0.2),
      ['kinegram'],
      ['oblique'],
      ovd === 'missing'
        ? 'OVD interrupted where the photo was replaced'
        : 'OVD imitated by a flat print over the new photo',
    ),
    region(
      scene,
      grow(scene.zones.ghost, 0.3),
      ['ghost-image'],
      replaceGhost ? ['visible', 'uv365'] : ['visible'],
      replaceGhost ? 'Ghost image re-printed to match the new photo' : 'Ghost image still shows the original holder',
    ),
  ];
  const tells = [
    colour
      ? 'the new photo is a colour photographic print, not a greyscale laser engraving'
      : 'the new photo is a greyscale print that imitates the engraving',
    edge > 0.4
      ? 'its cut edge and the lamination step are visible, and catch the light under oblique illumination'
      : 'its edge is fine but the surface sheen differs under oblique light',
    'under UV 365 nm the photo paper glows blue-white while the page stays dull',
    'under infrared the dye image almost vanishes, whereas an engraved portrait stays dark',
    'against the light the original portrait shows through',
    replaceGhost
      ? 'the ghost image was re-printed, but lacks its fluorescence and line screen match'
      : 'the ghost image still shows a different face',
    ovd === 'missing'
      ? 'the OVD stops at the edge of the photo'
      : 'the OVD over the photo corner is a flat print that does not change when tilted',
  ];
  return finish(recipe, instance, 'photo-substitution', {
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    regions,
    explanation: `Photo substitution: ${tells.join('; ')}.`,
    operation: { name: 'photoSubstitution', params: { subtlety, replaceGhost, colour, ovd } },
  });
}

// ------------------------------------------------------------------------------------------------ data alteration

const ALTERABLE: VizFieldKey[] = [
  'dateOfBirth',
  'dateOfExpiry',
  'surname',
  'givenNames',
  'documentNumber',
  'placeOfBirth',
];

export interface AlterDataOptions extends ForgeryOptions {
  field?: VizFieldKey;
  newValue?: string;
  /** 'inconsistent' leaves the genuine MRZ (VIZ/MRZ disagree); 'recomputed' re-types the MRZ to match. */
  mrz?: 'inconsistent' | 'recomputed';
}

/** A plausible altered value for a field, and the holder/document data it implies. */
function alteredData(
  recipe: Recipe,
  field: VizFieldKey,
  rng: Rng,
  explicit?: string,
): { value: string; apply: (r: Recipe) => void } {
  const design = stateDesign(recipe.state);
  switch (field) {
    case 'dateOfBirth': {
      const iso = explicit
        ? parseVizDate(explicit, recipe.holder.dateOfBirth)
        : addYears(recipe.holder.dateOfBirth, rng.pick([-9, -6, -4, 4, 6, 9]));
      return { value: vizDate(iso, design.dateStyle), apply: (r) => (r.holder.dateOfBirth = iso) };
    }
    case 'dateOfExpiry': {
      const iso = explicit
        ? parseVizDate(explicit, recipe.document.dateOfExpiry)
        : addYears(recipe.document.dateOfExpiry, rng.pick([5, 10, 15]));
      return { value: vizDate(iso, design.dateStyle), apply: (r) => (r.document.dateOfExpiry = iso) };
    }
    case 'surname': {
      let surname = explicit ?? rng.pick(design.surnames.prefix) + rng.pick(design.surnames.suffix);
      if (surname === recipe.holder.surname) surname = `${surname.slice(0, -1)}E`;
      return { value: surname, apply: (r) => (r.holder.surname = surname) };
    }
    case 'givenNames': {
      let givenNames = explicit ?? rng.pick(design.given[recipe.holder.sex]);
      if (givenNames === recipe.holder.givenNames)
        givenNames = rng.pick(design.given[recipe.holder.sex].filter((g) => g !== givenNames));
      return { value: givenNames, apply: (r) => (r.holder.givenNames = givenNames) };
    }
    case 'documentNumber': {
      const cur = recipe.document.documentNumber;
      let documentNumber = explicit;
      if (!documentNumber) {
        const digits = [...cur].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
        const digitAt = rng.pick(digits);
        documentNumber =
          cur.slice(0, digitAt) + String((Number(cur[digitAt]) + rng.int(1, 8)) % 10) + cur.slice(digitAt + 1);
      }
      const nv = documentNumber;
      return { value: nv, apply: (r) => (r.document.documentNumber = nv) };
    }
    case 'placeOfBirth': {
      const placeOfBirth = explicit ?? rng.pick(design.places.filter((p) => p !== recipe.holder.placeOfBirth));
      return { value: placeOfBirth, apply: (r) => (r.holder.placeOfBirth = placeOfBirth) };
    }
    default:
      throw new ForgeError('bad-parameter', `field ${field} cannot be altered (choose one of ${ALTERABLE.join(', ')})`);
  }
}

function parseVizDate(text: string, fallback: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  throw new ForgeError('bad-parameter', `give dates as YYYY-MM-DD, got ${text} (genuine value ${fallback})`);
}

const GENUINE_INK: RGB = [26, 26, 30];

function alterationStyle(
  recipe: Recipe,
  s: number,
  method: 'overprint' | 'scrub',
  rng: Rng,
): Omit<FieldAlteration, 'field' | 'newValue'> {
  const design = stateDesign(recipe.state);
  const otherFont =
    design.vizFont === 'mono'
      ? 'sans-bold'
      : design.vizFont === 'sans-bold'
        ? rng.pick(['sans-condensed', 'serif-bold'] as const)
        : 'sans-bold';
  const mix = (a: RGB, b: RGB, t: number): RGB => a.map((v, i) => Math.round(v + (b[i] - v) * t)) as RGB;
  const scrub = method === 'scrub';
  return {
    method,
    residue: scrub ? 0.1 + 0.3 * (1 - s) : 0.12 * (1 - s),
    font: s < 0.5 && !scrub ? otherFont : design.vizFont,
    baselineShift: (rng.bool() ? 1 : -1) * (0.06 + 0.36 * (1 - s)),
    xShift: rng.range(-0.3, 0.3) * (1 - s),
    color: mix(
      GENUINE_INK,
      rng.pick([
        [52, 44, 86],
        [70, 58, 40],
        [40, 62, 52],
      ] as RGB[]),
      0.25 + 0.75 * (1 - s),
    ),
    sizeFactor: 1 + rng.range(-0.07, 0.07) * (1 - s),
    erasureGlow: scrub ? 0.55 + 0.4 * (1 - s) : 0.2 + 0.5 * (1 - s),
    damage: scrub ? 0.35 + 0.45 * (1 - s) : 0.12 + 0.35 * (1 - s),
    irVisible: s > 0.7,
  };
}

function mrzLinesFor(recipe: Recipe): string[] {
  return expectedMrz(recipe);
}

/** Box of the MRZ characters a forger re-typed (null when the MRZ is untouched). */
function mrzChangedCells(scene: Scene): RectMm | null {
  let box: RectMm | null = null;
  for (const [key, r] of Object.entries(scene.zones)) {
    if (!key.startsWith('mrz:')) continue;
    box = box ? union(box, r) : r;
  }
  return box;
}

function alterField(instance: DocumentInstance, opts: AlterDataOptions, method: 'overprint' | 'scrub'): ForgeryResult {
  const op = method === 'scrub' ? 'scrub' : 'alter-data';
  const { recipe, rng, subtlety } = startForgery(instance, op, opts);
  const field = opts.field ?? rng.pick(ALTERABLE.filter((f) => f !== 'placeOfBirth' || method === 'scrub'));
  if (!ALTERABLE.includes(field))
    throw new ForgeError('bad-parameter', `field ${field} cannot be altered (choose one of ${ALTERABLE.join(', ')})`);
  const genuineMrz = mrzLinesFor(recipe);
  const change = alteredData(recipe, field, rng, opts.newValue);
  const mrzMode = opts.mrz ?? (subtlety > 0.7 && field !== 'placeOfBirth' ? 'recomputed' : 'inconsistent');
  // What the altered data would make the issuer's MRZ.
  const altered = structuredClone(recipe);
  change.apply(altered);
  const alteredMrz = mrzLinesFor(altered);
  const style = alterationStyle(recipe, subtlety, method, rng);
  recipe.alterations = [{ field, newValue: change.value, ...style }];
  const mrzDiffers = alteredMrz.some((l, i) => l !== genuineMrz[i]);
  if (mrzMode === 'recomputed' && mrzDiffers) {
    recipe.mrzAlteration = {
      lines: alteredMrz,
      residue: style.residue,
      irVisible: true,
      baselineShift: style.baselineShift * 0.3,
    };
  }
  const side = sideWith(recipe, field);
  const scene = buildScene(recipe, side);
  const erased = scene.zones[`altered:${field}`];
  const lights: Light[] = ['visible', 'uv365', 'oblique'];
  if (!style.irVisible) lights.push('ir');
  const label = scene.fields.find((f) => f.key === field)?.label ?? field;
  const regions: TamperRegion[] = [
    region(scene, grow(erased, 0.3), ['viz-data', 'laser-engraving'], lights, `${label} altered`),
  ];
  const mrzSide = sideWith(recipe, 'mrz');
  const mrzScene = mrzSide === side ? scene : buildScene(recipe, mrzSide);
  const cells = mrzChangedCells(mrzScene);
  if (cells)
    regions.push(
      region(mrzScene, grow(cells, 0.4), ['mrz'], ['visible', 'uv365', 'oblique'], 'MRZ characters re-typed to match'),
    );
  else if (mrzDiffers)
    regions.push(
      region(mrzScene, mrzScene.zones.mrz, ['mrz'], ['visible'], `MRZ still shows the original ${label.toLowerCase()}`),
    );
  if (field === 'documentNumber') {
    // Features that carry the number and that a forger cannot retype: they still show the original.
    for (const f of instance.features.filter((x) => x.name === 'laser-perforation' || x.id.endsWith('serial'))) {
      regions.push(
        polyRegion(
          f.side,
          f.polygon,
          [f.name],
          f.name === 'laser-perforation' ? ['transmitted', 'visible'] : ['visible'],
          `${f.label} still shows the original number`,
        ),
      );
    }
  }
  if (
    (field === 'documentNumber' || field === 'surname') &&
    instance.features.some((f) => f.id === 'uv-personalisation')
  ) {
    const uv = instance.features.find((f) => f.id === 'uv-personalisation' || f.id === `${side}:uv-personalisation`);
    if (uv)
      regions.push(
        polyRegion(
          uv.side,
          uv.polygon,
          ['uv-fluorescent-ink'],
          ['uv365'],
          `UV personalisation still shows the original ${label.toLowerCase()}`,
        ),
      );
  }
  const tells: string[] = [];
  if (style.font !== stateDesign(recipe.state).vizFont)
    tells.push('the new value is in a different typeface from the other fields');
  tells.push(
    Math.abs(style.baselineShift) > 0.15
      ? 'it sits off the baseline of its neighbours'
      : 'its baseline is slightly off',
  );
  tells.push('the ink colour differs slightly from the laser-engraved data');
  if (method === 'scrub')
    tells.push(
      'remains of the erased value are visible and the background fine lines are worn away in the erased area',
    );
  tells.push('under UV 365 nm the erased area glows where the paper was treated');
  tells.push('under oblique light the surface is dull where it was scraped');
  if (!style.irVisible) tells.push('under infrared the new value vanishes (dye ink), unlike the engraved data');
  if (field === 'documentNumber' && instance.documentType === 'TD1')
    tells.push('the laser-perforated number and the pre-printed serial still show the original number');
  if (cells)
    tells.push(
      'the MRZ was re-typed to match: its check digits are valid but the characters show the same ink and alignment ' +
        'problems',
    );
  else if (mrzDiffers) tells.push('the MRZ still carries the original data, so VIZ and MRZ disagree');
  return finish(recipe, instance, op, {
    verdict: 'fraudulent',
    fraudType: 'forged:data-alteration',
    regions,
    explanation:
      `${method === 'scrub' ? 'Erasure and re-entry' : 'Data alteration'} of ${label.toLowerCase()} (now ` +
      `${change.value}): ${tells.join('; ')}.`,
    mrzFailedChecks: checkMrz(recipe.mrzAlteration?.lines ?? genuineMrz).failedChecks,
    operation: {
      name: method === 'scrub' ? 'scrubData' : 'alterData',
      params: { subtlety, field, newValue: change.value, mrz: mrzMode },
    },
  });
}

export function alterData(instance: DocumentInstance, opts: AlterDataOptions = {}): ForgeryResult {
  return alterField(instance, opts, 'overprint');
}

/** Chemical/mechanical erasure of a field and re-entry: residue of the old value, damaged background. */
export function scrubData(instance: DocumentInstance, opts: AlterDataOptions = {}): ForgeryResult {
  return alterField(instance, opts, 'scrub');
}

// ------------------------------------------------------------------------------------------------ MRZ tampering

export interface TamperMrzOptions extends ForgeryOptions {
  /**
   * 'check-digit': a data character changed without fixing its check digit; 'viz-mismatch': changed with valid check
   * digits.
   */
  mode?: 'check-digit' | 'viz-mismatch';
  field?: 'documentNumber' | 'dateOfBirth' | 'dateOfExpiry';
}

export function tamperMrz(instance: DocumentInstance, opts: TamperMrzOptions = {}): ForgeryResult {
  const { recipe, rng, subtlety } = startForgery(instance, 'tamper-mrz', opts);
  const mode = opts.mode ?? (rng.bool() ? 'check-digit' : 'viz-mismatch');
  const field = opts.field ?? rng.pick(['documentNumber', 'dateOfBirth', 'dateOfExpiry'] as const);
  const genuine = mrzLinesFor(recipe);
  const altered = structuredClone(recipe);
  if (field === 'dateOfBirth')
    altered.holder.dateOfBirth = addYears(recipe.holder.dateOfBirth, rng.pick([-10, -5, 5, 10]));
  else if (field === 'dateOfExpiry')
    altered.document.dateOfExpiry = addYears(recipe.document.dateOfExpiry, rng.pick([5, 10]));
  else {
    const cur = recipe.document.documentNumber;
    const digits = [...cur].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
    const i = rng.pick(digits);
    altered.document.documentNumber =
      cur.slice(0, i) + String((Number(cur[i]) + rng.int(1, 8)) % 10) + cur.slice(i + 1);
  }
  let lines = mrzLinesFor(altered);
  if (mode === 'check-digit') {
    // Keep every genuine check digit: only the data characters change.
    lines = lines.map((l, li) =>
      [...l].map((ch, i) => (isCheckDigitPosition(recipe.format, li, i) ? genuine[li][i] : ch)).join(''),
    );
  }
  recipe.mrzAlteration = {
    lines,
    residue: 0.2 * (1 - subtlety),
    irVisible: subtlety > 0.5,
    baselineShift: (rng.bool() ? 1 : -1) * (0.05 + 0.25 * (1 - subtlety)),
  };
  const side = sideWith(recipe, 'mrz');
  const scene = buildScene(recipe, side);
  const cells = mrzChangedCells(scene) as RectMm;
  const failed = checkMrz(lines).failedChecks;
  const vizSide = sideWith(recipe, field);
  const vizScene = vizSide === side ? scene : buildScene(recipe, vizSide);
  const viz = vizScene.fields.find((f) => f.key === field);
  const lights: Light[] = ['visible', 'uv365', 'oblique'];
  if (subtlety <= 0.5) lights.push('ir');
  const regions: TamperRegion[] = [region(scene, grow(cells, 0.4), ['mrz'], lights, 'MRZ characters altered')];
  if (viz)
    regions.push(region(vizScene, grow(viz.valueBox, 0.3), ['viz-data'], ['visible'], 'VIZ keeps the genuine value'));
  const label =
    field === 'documentNumber' ? 'document number' : field === 'dateOfBirth' ? 'date of birth' : 'date of expiry';
  const explanation =
    mode === 'check-digit'
      ? `MRZ tampering: the ${label} in the MRZ was changed but its check digit was not, so the check ` +
        `digit${failed.length > 1 ? 's' : ''} ${failed.join(', ')} fail; the MRZ no longer matches the VIZ, and the ` +
        `altered characters differ in ink and alignment.`
      : `MRZ tampering: the ${label} in the MRZ was changed and its check digits recomputed, so the MRZ validates, ` +
        `but it disagrees with the ${label} in the VIZ; the altered characters differ in ink and alignment.`;
  return finish(recipe, instance, 'tamper-mrz', {
    verdict: 'fraudulent',
    fraudType: 'forged:data-alteration',
    regions,
    explanation,
    mrzFailedChecks: failed,
    operation: { name: 'tamperMrz', params: { subtlety, mode, field } },
  });
}

function isCheckDigitPosition(format: Recipe['format'], line: number, i: number): boolean {
  if (format === 'TD3') return line === 1 && [9, 19, 27, 42, 43].includes(i);
  if (line === 0) return i === 14;
  if (line === 1) return [6, 14, 29].includes(i);
  return false;
}

// ------------------------------------------------------------------------------------------------ counterfeit

export interface CounterfeitOptions extends ForgeryOptions {
  uv?: 'missing' | 'wrong-colour';
  fibres?: 'printed' | 'absent';
}

export function counterfeit(instance: DocumentInstance, opts: CounterfeitOptions = {}): ForgeryResult {
  const { recipe, subtlety } = startForgery(instance, 'counterfeit', opts);
  recipe.counterfeit = {
    quality: subtlety,
    uv: opts.uv ?? (subtlety < 0.5 ? 'missing' : 'wrong-colour'),
    fibres: opts.fibres ?? (subtlety < 0.4 ? 'absent' : 'printed'),
    ovd: 'flat',
    colourShift: 0.05 + 0.3 * (1 - subtlety),
  };
  const forged = instanceFromRecipe(recipe, 'tmp');
  const regions: TamperRegion[] = [];
  const byId = (id: string): (typeof forged.features)[number][] =>
    forged.features.filter((f) => f.id === id || f.id.endsWith(`:${id}`));
  const add = (id: string, names: FeatureKind[], lights: Light[], note: string): void => {
    for (const f of byId(id)) regions.push(polyRegion(f.side, f.polygon, names, lights, note));
  };
  add(
    'guilloche-background',
    ['guilloche', 'rainbow-printing', 'offset'],
    ['visible'],
    'Fine lines and rainbow printing reproduced as a dot screen',
  );
  for (const f of forged.features.filter((x) => x.name === 'microprint'))
    regions.push(polyRegion(f.side, f.polygon, ['microprint'], ['visible'], 'Microprint blurred and unreadable'));
  add(
    'uv-emblem',
    ['uv-fluorescent-ink'],
    ['uv365'],
    recipe.counterfeit.uv === 'missing' ? 'UV emblem missing' : 'UV emblem in the wrong colour',
  );
  add(
    'uv-dull-paper',
    ['uv-dull-paper', 'security-fibres', 'ir-dropout-ink'],
    ['uv365', 'ir'],
    'Paper glows under UV; fibres do not fluoresce; the design does not drop out under IR',
  );
  add('ovd', ['kinegram'], ['oblique'], 'Flat printed OVD: no change when tilted');
  add('watermark', ['watermark'], ['transmitted'], 'Simulated watermark printed on the surface');
  add(
    'see-through-register',
    ['see-through-register'],
    ['transmitted'],
    'Reverse half missing: the emblem does not complete against the light',
  );
  add('ghost-image', ['ghost-image'], ['visible', 'uv365'], 'Ghost image solid, without line screen or fluorescence');
  add('laser-perforation', ['laser-perforation'], ['transmitted'], 'Perforation printed as dots: no light passes');
  add('ir-emblem', ['metameric-ink'], ['ir'], 'No metameric contrast under IR');
  const tells = [
    'under a loupe the fine lines are broken into dots (offset/inkjet reproduction) and the microprint is unreadable',
    recipe.counterfeit.uv === 'missing'
      ? 'the UV-fluorescent emblem and personalisation are missing'
      : 'the UV image has the wrong colour',
    subtlety < 0.5
      ? 'the paper itself glows blue-white under UV (optical brighteners)'
      : 'the paper is dull under UV, but the fibres do not fluoresce',
    recipe.counterfeit.fibres === 'printed'
      ? 'the fibres are printed on the surface, not embedded'
      : 'there are no security fibres',
    'the OVD is a flat print that does not change when tilted',
    'the background does not drop out under infrared',
    'the watermark is printed, and the see-through register does not complete against the light',
  ];
  return finish(recipe, instance, 'counterfeit', {
    verdict: 'fraudulent',
    fraudType: 'counterfeit',
    regions,
    explanation: `Counterfeit: the whole document is a reproduction. ${tells.join('; ')}.`,
    operation: { name: 'counterfeit', params: { subtlety, ...recipe.counterfeit } },
  });
}

// ------------------------------------------------------------------------------------------------ page substitution

export function pageSubstitution(instance: DocumentInstance, opts: ForgeryOptions = {}): ForgeryResult {
  if (instance.documentType !== 'TD3')
    throw new ForgeError('unsupported-document', 'page substitution applies to TD3 passports only');
  const { recipe, rng, subtlety } = startForgery(instance, 'page-substitution', opts);
  const design = stateDesign(recipe.state);
  const misspelt = subtlety < 0.6;
  const micro = misspelt ? misspell(design.microtext, rng) : design.microtext;
  recipe.pageSubstitution = { seriesSeed: `${recipe.seed}:series:${opts.seed ?? 0}`, microtext: micro };
  const scene = buildScene(recipe, 'data-page');
  const forged = instanceFromRecipe(recipe, 'tmp');
  const regions: TamperRegion[] = [
    region(
      scene,
      fullPage(scene),
      ['guilloche', 'rainbow-printing'],
      ['visible'],
      'Data page from another print series: background pattern does not match the specimen',
    ),
  ];
  const ros = forged.features.find((f) => f.id === 'rosette');
  if (ros)
    regions.push(
      polyRegion('data-page', ros.polygon, ['rosette'], ['visible'], 'Rosette petal count differs from the specimen'),
    );
  if (misspelt) {
    for (const f of forged.features.filter((x) => x.name === 'microprint'))
      regions.push(polyRegion(f.side, f.polygon, ['microprint'], ['visible'], `Microprint reads "${micro}"`));
  }
  return finish(recipe, instance, 'page-substitution', {
    verdict: 'fraudulent',
    fraudType: 'forged:page-substitution',
    regions,
    explanation:
      'Page substitution: the data page was replaced by a page from another print series and re-personalised. ' +
      `Compared with the specimen, the guilloche background has a different pitch and phase and the rosette a ` +
      `different petal ` +
      `count${misspelt ? `, and the microprint reads "${micro}" instead of "${design.microtext}"` : ''}; ` +
      'the personalisation itself looks correct.',
    operation: { name: 'pageSubstitution', params: { subtlety, microtext: micro } },
  });
}

function misspell(word: string, rng: Rng): string {
  const swaps: Record<string, string> = { I: 'L', O: '0', A: 'R', U: 'V', D: 'O', G: 'C', N: 'H', R: 'P', K: 'X' };
  const idx = [...word].map((c, i) => (swaps[c] ? i : -1)).filter((i) => i > 0);
  const i = idx.length ? rng.pick(idx) : word.length - 1;
  return word.slice(0, i) + (swaps[word[i]] ?? 'X') + word.slice(i + 1);
}

// ------------------------------------------------------------------------------------------------ impostor

export function impostor(instance: DocumentInstance, opts: ForgeryOptions = {}): ForgeryResult {
  const { recipe } = startForgery(instance, 'impostor', opts);
  recipe.traveller = 'look-alike';
  recipe.travellerFaceSeed = `${recipe.seed}:lookalike:${opts.seed ?? 0}`;
  const side = sideWith(recipe, 'portrait');
  const scene = buildScene(recipe, side);
  return finish(recipe, instance, 'impostor', {
    verdict: 'fraudulent',
    fraudType: 'impostor',
    regions: [
      region(scene, scene.zones.portrait, ['portrait'], ['visible'], 'Compare the portrait with the traveller'),
    ],
    explanation:
      'Impostor: the document is genuine and unaltered, but the traveller is a look-alike. Same hairstyle, skin tone ' +
      'and ' +
      'accessories, yet the face geometry differs: compare the distance between the eyes, the shape of the nose, ' +
      'mouth, chin and ears, and any marks.',
    operation: { name: 'impostor', params: { lookAlikeSeed: recipe.travellerFaceSeed } },
  });
}

// ------------------------------------------------------------------------------------------------ pseudo

export interface PseudoOptions extends ForgeryOptions {
  /** Pseudo state code (default: one of the fantasy states). */
  state?: string;
}

export function pseudo(instance: DocumentInstance, opts: PseudoOptions = {}): ForgeryResult {
  const { recipe, rng, subtlety } = startForgery(instance, 'pseudo', opts);
  const code = opts.state ?? rng.pick(Object.keys(PSEUDO_DESIGNS));
  const design = PSEUDO_DESIGNS[code];
  if (!design)
    throw new ForgeError(
      'bad-parameter',
      `unknown pseudo state ${code}: choose one of ${Object.keys(PSEUDO_DESIGNS).join(', ')}`,
    );
  recipe.state = code;
  recipe.holder.nationality = code;
  recipe.document.issuingState = code;
  recipe.document.authority = design.authority;
  recipe.document.documentNumber = documentNumber(rng.fork('number'), design, recipe.format);
  recipe.holder.placeOfBirth = rng.pick(design.places);
  if (recipe.withVisaPage) recipe.withVisaPage = false;
  recipe.stamps = [];
  const mrz = expectedMrz(recipe);
  const regions: TamperRegion[] = [];
  for (const side of sidesOf(recipe)) {
    const scene = buildScene(recipe, side);
    if (scene.zones.header)
      regions.push(region(scene, scene.zones.header, ['offset'], ['visible'], `${design.name} does not exist`));
    if (scene.zones.mrz)
      regions.push(
        region(
          scene,
          scene.zones.mrz,
          ['mrz'],
          ['visible'],
          `Issuing state code ${code} is in no ICAO or training-state list`,
        ),
      );
    regions.push(
      region(
        scene,
        fullPage(scene),
        ['uv-dull-paper', 'uv-fluorescent-ink'],
        ['uv365'],
        'Ordinary paper: glows under UV, no UV features',
      ),
    );
  }
  return finish(recipe, instance, 'pseudo', {
    verdict: 'fraudulent',
    fraudType: 'pseudo',
    regions,
    explanation:
      `Pseudo document: "${design.name}" is not a state or an authority recognised by anyone; its code ${code} is in ` +
      `neither ICAO's list nor FirstLine's training states. ` +
      'Such fantasy documents are sold to be shown at borders. This one is printed on ordinary paper that glows ' +
      'under ' +
      'UV, has no UV or IR features, and a stock hologram.',
    mrzFailedChecks: checkMrz(mrz).failedChecks,
    operation: { name: 'pseudo', params: { state: code, subtlety } },
  });
}

// ------------------------------------------------------------------------------------------------ stolen blank

export function stolenBlank(instance: DocumentInstance, opts: ForgeryOptions = {}): ForgeryResult {
  const { recipe, rng, subtlety } = startForgery(instance, 'stolen-blank', opts);
  const series = STOLEN_BLANK_SERIES.find((x) => x.state === recipe.state && x.documentType === recipe.format);
  if (!series)
    throw new ForgeError('unsupported-document', `no stolen blank series for ${recipe.state} ${recipe.format}`);
  // A serial inside the reported range.
  const prefixLen = [...series.from].findIndex((c, i) => c !== series.to[i]);
  const lo = Number(series.from.slice(prefixLen));
  const hi = Number(series.to.slice(prefixLen));
  const n = lo + rng.int(0, hi - lo);
  recipe.document.documentNumber =
    series.from.slice(0, prefixLen) + String(n).padStart(series.from.length - prefixLen, '0');
  if (!inStolenSeries(recipe.state, recipe.format, recipe.document.documentNumber))
    throw new Error('stolen serial outside its series');
  recipe.personalisation = 'inkjet';
  const regions: TamperRegion[] = [];
  for (const side of sidesOf(recipe)) {
    const scene = buildScene(recipe, side);
    for (const f of scene.fields) {
      regions.push(
        region(
          scene,
          grow(f.valueBox, 0.35),
          ['inkjet', 'viz-data'],
          ['visible', 'ir'],
          `${f.label}: inkjet, not laser engraving`,
        ),
      );
    }
    if (scene.zones.portrait)
      regions.push(
        region(
          scene,
          grow(scene.zones.portrait, 0.3),
          ['inkjet', 'portrait'],
          ['visible', 'ir'],
          'Portrait printed by inkjet: dot pattern under the loupe, vanishes under IR',
        ),
      );
    if (scene.zones.signature)
      regions.push(region(scene, grow(scene.zones.signature, 0.3), ['signature'], ['visible', 'ir']));
    if (scene.zones.mrz)
      regions.push(
        region(scene, grow(scene.zones.mrz, 0.2), ['mrz'], ['visible'], 'Serial number in a reported stolen series'),
      );
    if (scene.zones.perforation)
      regions.push(
        region(scene, grow(scene.zones.perforation, 0.3), ['laser-perforation'], ['visible', 'transmitted']),
      );
    if (scene.zones.serial)
      regions.push(
        region(
          scene,
          grow(scene.zones.serial, 0.3),
          ['offset'],
          ['visible'],
          'Blank serial in a reported stolen series',
        ),
      );
  }
  return finish(recipe, instance, 'stolen-blank', {
    verdict: 'fraudulent',
    fraudType: 'stolen-blank',
    regions,
    explanation:
      `Stolen blank: a genuine blank (all printed and substrate features are correct) personalised by criminals. Its ` +
      `number ${recipe.document.documentNumber} lies in the series ${series.from}–${series.to} ` +
      `reported stolen on ${series.reportedOn}. The personalisation was done with a dye inkjet instead of laser ` +
      `engraving: under a loupe the data and portrait are made of droplets, ` +
      'and under infrared they almost vanish while genuine engraving stays dark.',
    operation: { name: 'stolenBlank', params: { subtlety, series: `${series.from}–${series.to}` } },
  });
}

// ------------------------------------------------------------------------------------------------ fraudulently
// obtained

export function fraudulentlyObtained(instance: DocumentInstance, opts: ForgeryOptions = {}): ForgeryResult {
  const { recipe, rng } = startForgery(instance, 'fraudulently-obtained', opts);
  const reason = rng.pick([
    'the birth certificate presented at application was reported counterfeit after issue',
    'the identity used at application belongs to a person recorded as deceased',
    'the applicant was registered under a different name and date of birth in an earlier application',
  ]);
  recipe.context.records = [
    ...recipe.context.records,
    {
      source: 'National issuance register (via liaison officer)',
      result: 'discrepancy',
      note: `Issued ${recipe.document.dateOfIssue}; ${reason}.`,
    },
  ];
  return finish(recipe, instance, 'fraudulently-obtained', {
    verdict: 'fraudulent',
    fraudType: 'fraudulently-obtained',
    regions: [],
    explanation:
      'Fraudulently obtained genuine document: it was issued by the competent authority on false grounds, so every ' +
      'feature checks out. ' +
      `Only the context gives it away — the issuance register reports that ${reason}. At the first line this is a ` +
      `referral on the database hit, not on the document.`,
    operation: { name: 'fraudulentlyObtained', params: { reason } },
  });
}

// ------------------------------------------------------------------------------------------------ visa or stamp

export interface StampForgeryOptions extends ForgeryOptions {
  /** Add a forged stamp in a free slot, or replace one of the genuine stamps. */
  mode?: 'added' | 'replaced';
}

export function forgeStamp(instance: DocumentInstance, opts: StampForgeryOptions = {}): ForgeryResult {
  if (instance.documentType !== 'TD3')
    throw new ForgeError('unsupported-document', 'stamps are forged on the visa pages of TD3 passports');
  const { recipe, rng, subtlety } = startForgery(instance, 'forge-stamp', opts);
  if (!recipe.withVisaPage) {
    recipe.withVisaPage = true;
    recipe.stamps = genuineStamps(new Rng(`recipe:${recipe.seed}`).fork('stamps'), recipe.document.dateOfIssue);
  }
  const mode = opts.mode ?? (rng.bool(0.6) ? 'added' : 'replaced');
  const state = rng.pick(Object.keys(TRAINING_DESIGNS));
  const design = stateDesign(state);
  const post = rng.pick(design.borderPosts);
  const free = STAMP_SLOTS.filter(
    ([x, y]) => !recipe.stamps.some((st) => Math.abs(st.x - x) < 8 && Math.abs(st.y - y) < 8),
  );
  let replacedBox: RectMm | null = null;
  let at: [number, number];
  if (mode === 'replaced' || free.length === 0) {
    const victim = rng.int(0, recipe.stamps.length - 1);
    replacedBox = stampBox(recipe.stamps[victim]);
    at = [recipe.stamps[victim].x, recipe.stamps[victim].y];
    recipe.stamps.splice(victim, 1);
  } else at = rng.pick(free) as [number, number];
  const forged: StampSpec = {
    id: 9,
    state,
    postCode: post.code,
    postName: post.name,
    date: addYears(recipe.context.referenceDate, 0, -rng.int(3, 40)),
    direction: 'entry',
    x: at[0] + rng.range(-2, 2),
    y: at[1] + rng.range(-2, 2),
    rotation: rng.range(-12, 12),
    ink: subtlety < 0.5 ? ([30, 30, 140] as RGB) : design.stampInk,
    forged: {
      wrongDateFormat: subtlety < 0.35,
      unknownPost: subtlety < 0.6,
      missingNotch: true,
      nonFluorescent: true,
      added: mode === 'added',
    },
  };
  recipe.stamps.push(forged);
  const scene = buildScene(recipe, 'visa-page');
  let box = stampBox(forged);
  if (replacedBox) box = union(box, replacedBox);
  const tells = [
    'the inner frame has no security notch for the period',
    forged.forged?.unknownPost ? 'the border post code does not exist' : '',
    forged.forged?.wrongDateFormat ? `the date is written ${forged.date} instead of the ${design.name} format` : '',
    'the lettering is in a different typeface',
    'the stamp ink does not fluoresce under UV 365 nm',
  ].filter(Boolean);
  return finish(recipe, instance, 'forge-stamp', {
    verdict: 'fraudulent',
    fraudType: 'forged:visa-or-stamp',
    regions: [
      region(
        scene,
        grow(box, 0.5),
        ['uv-fluorescent-ink', 'letterpress'],
        ['visible', 'uv365'],
        `Forged ${design.code} entry stamp`,
      ),
    ],
    explanation:
      `Forged entry stamp of ${design.name} (to hide an overstay or fake a travel history): ` + `${tells.join('; ')}.`,
    operation: { name: 'forgeStamp', params: { subtlety, mode, state } },
  });
}

// ------------------------------------------------------------------------------------------------ dispatch

export type ForgeryName =
  | 'photoSubstitution'
  | 'alterData'
  | 'scrubData'
  | 'tamperMrz'
  | 'counterfeit'
  | 'pageSubstitution'
  | 'impostor'
  | 'pseudo'
  | 'stolenBlank'
  | 'fraudulentlyObtained'
  | 'forgeStamp';

export const FORGERIES: Record<ForgeryName, (i: DocumentInstance, o?: ForgeryOptions) => ForgeryResult> = {
  photoSubstitution,
  alterData,
  scrubData,
  tamperMrz,
  counterfeit,
  pageSubstitution,
  impostor,
  pseudo,
  stolenBlank,
  fraudulentlyObtained,
  forgeStamp,
};

/** Operations that produce each fraud type. */
export const OPERATIONS_BY_FRAUD_TYPE: Record<Exclude<FraudType, 'genuine'>, ForgeryName[]> = {
  counterfeit: ['counterfeit'],
  'forged:photo-substitution': ['photoSubstitution'],
  'forged:data-alteration': ['alterData', 'scrubData', 'tamperMrz'],
  'forged:page-substitution': ['pageSubstitution'],
  'forged:visa-or-stamp': ['forgeStamp'],
  pseudo: ['pseudo'],
  impostor: ['impostor'],
  'fraudulently-obtained': ['fraudulentlyObtained'],
  'stolen-blank': ['stolenBlank'],
};
