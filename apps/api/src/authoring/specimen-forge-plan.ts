// Checking a forge-from-specimen request and drawing up its truth, before any job starts: every request the server
// cannot do is a 400 in words here (the region, the specimen's photographs and annotations, the fraud type). Pure.
import {
  FEATURE_OPTIONS_BY_TYPE,
  FEATURE_TAXONOMY,
  LIGHT_LABELS,
  SPECIMEN_FORGE_FRAUD_TYPES,
  type FeatureAnnotationView,
  type FeatureKind,
  type ForgeFromSpecimenRequest,
  type FraudType,
  type Light,
  type SpecimenForgeOperation,
  type SpecimenImageView,
  type SpecimenView,
} from '@firstline/contracts';
import { lightsNeeded, lightsShowing } from '@firstline/forge';
import { DomainError } from '../common/errors/domain-error';
import { isDeskImage } from './forged-exercise-input';

export type SpecimenForgeRequest = ForgeFromSpecimenRequest & { seed: number };

export interface SpecimenForgePlan {
  fraudType: FraudType;
  /** remove-feature: the feature removed and the lights it answers to. */
  feature?: { kind: FeatureKind; lights: Light[] };
  /** The photographs of the forged side the exercise shows (desk lights), all ready. */
  sideImages: SpecimenImageView[];
  /** The photographs of the other sides, copied as they are. */
  otherImages: SpecimenImageView[];
  /** The features the forgery compromises and the lights under which it shows: the truth's one region. */
  features: FeatureKind[];
  lights: Light[];
  note: string;
  explanation: string;
  featureOptions: FeatureKind[];
  title: string;
}

const invalid = (message: string) => new DomainError('invalid', message);

const OPERATION_WORDS: Record<SpecimenForgeOperation, string> = {
  'photo-substitution': 'photo substitution',
  'alter-field': 'data alteration',
  'remove-feature': 'removed feature',
  stamp: 'forged stamp',
};

/** What each operation always compromises, whatever else its region covers. */
const INHERENT: Record<SpecimenForgeOperation, FeatureKind[]> = {
  'photo-substitution': ['portrait'],
  'alter-field': ['viz-data'],
  'remove-feature': [],
  stamp: ['uv-fluorescent-ink'],
};

const lightWord = (light: string) => (LIGHT_LABELS as Record<string, string>)[light]?.toLowerCase() ?? light;
const SIDE_WORDS: Record<string, string> = {
  'data-page': 'data page',
  front: 'front',
  back: 'back',
  'visa-page': 'visa page',
};

export function planSpecimenForgery(specimen: SpecimenView, req: SpecimenForgeRequest): SpecimenForgePlan {
  checkRegion(req.region);
  const sideWord = SIDE_WORDS[req.side] ?? req.side;
  const allowed = SPECIMEN_FORGE_FRAUD_TYPES[req.operation];
  const fraudType = req.options.fraudType ?? allowed[0];
  if (!allowed.includes(fraudType)) {
    throw invalid(
      `A ${OPERATION_WORDS[req.operation]} makes ${allowed.map((f) => `"${f}"`).join(' or ')}, not "${fraudType}"`,
    );
  }
  const desk = specimen.images.filter(isDeskImage);
  const sideImages = desk.filter((img) => img.side === req.side);
  if (!sideImages.length) {
    throw invalid(`The specimen has no photographs of its ${sideWord}: upload them in the specimen library first`);
  }
  const notReady = [...desk].filter((img) => img.asset.status !== 'ready');
  if (notReady.length) {
    throw invalid(`${notReady.length} of the specimen's photographs are not processed yet: try again when they are`);
  }
  const sizes = new Set(sideImages.map((img) => `${img.asset.width}×${img.asset.height}`));
  if (sizes.size > 1) {
    throw invalid(`The ${sideWord} photographs differ in size (${[...sizes].join(', ')}): re-upload them to match`);
  }
  const photographed = [...new Set(sideImages.map((img) => img.light))];
  const onSide = specimen.features.filter((f) => f.side === req.side);
  const covered = onSide.filter((f) => coverage(f.region, req.region) >= 0.25);

  let feature: SpecimenForgePlan['feature'];
  if (req.operation === 'photo-substitution') {
    const portraits = onSide.filter(isPortrait);
    if (!portraits.length) {
      throw invalid(
        `The specimen has no portrait annotated on its ${sideWord}: annotate it in the specimen library first ` +
          '(a photo substitution replaces it)',
      );
    }
    if (!portraits.some((p) => coverage(p.region, req.region) > 0)) {
      throw invalid('The region does not touch the annotated portrait: draw it over the portrait');
    }
  }
  if (req.operation === 'remove-feature') {
    const kind = req.options.feature ?? mostCovered(covered, req.region);
    if (!kind) {
      throw invalid('The region covers no annotated security feature: draw it over one, or say which to remove');
    }
    const annotated = onSide.filter((f) => f.kind === kind && coverage(f.region, req.region) > 0);
    if (!annotated.length) {
      const near = [...new Set(covered.map((f) => f.kind))];
      throw invalid(
        `The region covers no annotated ${kind}` +
          (near.length ? `; it covers ${near.join(', ')}` : ': draw it over the feature or annotate it first'),
      );
    }
    feature = { kind, lights: [...new Set(annotated.flatMap((f) => f.lights))] };
  }
  for (const anyOf of lightsNeeded(req.operation, feature)) {
    if (!anyOf.some((l) => photographed.includes(l as Light))) {
      throw invalid(
        `A ${OPERATION_WORDS[req.operation]} needs a photograph of the ${sideWord} under ` +
          `${anyOf.map(lightWord).join(' or ')}, and the specimen has none`,
      );
    }
  }
  const lights = lightsShowing(req.operation, photographed, feature) as Light[];
  const features = dedupe([
    ...INHERENT[req.operation],
    ...(feature ? [feature.kind] : []),
    ...covered.filter((f) => f.lights.some((l) => lights.includes(l)) && !isPortrait(f)).map((f) => f.kind),
  ]);
  const byType = FEATURE_OPTIONS_BY_TYPE[specimen.documentType as 'TD1' | 'TD3'];
  const featureOptions = sortByTaxonomy(dedupe([...(byType ?? specimen.features.map((f) => f.kind)), ...features]));
  const label = OPERATION_WORDS[req.operation];
  return {
    fraudType,
    ...(feature ? { feature } : {}),
    sideImages,
    otherImages: desk.filter((img) => img.side !== req.side),
    features,
    lights,
    note: noteFor(req, feature),
    explanation: explanationFor(req.operation, lights, feature, sideWord),
    featureOptions,
    title: `${specimen.title.slice(0, 100)} — ${label} (seed ${req.seed})`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The region

function checkRegion(region: [number, number][]): void {
  if (region.length < 3) {
    throw invalid(`The region needs at least 3 points to enclose an area; it has ${region.length}`);
  }
  region.forEach(([x, y], i) => {
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw invalid(
        `Point ${i + 1} of the region (${x}, ${y}) lies outside the image: coordinates run from 0 to 1 on each axis`,
      );
    }
  });
  const n = region.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // neighbours share a corner
      if (segmentsCross(region[i], region[(i + 1) % n], region[j], region[(j + 1) % n])) {
        throw invalid(
          `The region's outline crosses itself (edge ${i + 1}–${i + 2} and edge ${j + 1}–${((j + 1) % n) + 1}): ` +
            'draw it without crossing',
        );
      }
    }
  }
  if (Math.abs(area(region)) < 1e-5) throw invalid('The region encloses no area: its points lie on one line');
}

type Pt = [number, number];
const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Do segments ab and cd meet (touching counts)? */
function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Pt, q: Pt, r: Pt) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  return (
    (d1 === 0 && on(c, d, a)) || (d2 === 0 && on(c, d, b)) || (d3 === 0 && on(a, b, c)) || (d4 === 0 && on(a, b, d))
  );
}

function area(poly: Pt[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function box(poly: Pt[]) {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The share of a feature's box that the region's box covers (0–1): page-wide features get a small share. */
function coverage(feature: Pt[], region: Pt[]): number {
  const f = box(feature);
  const r = box(region);
  const w = Math.min(f.x1, r.x1) - Math.max(f.x0, r.x0);
  const h = Math.min(f.y1, r.y1) - Math.max(f.y0, r.y0);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1e-9, (f.x1 - f.x0) * (f.y1 - f.y0));
}

function mostCovered(features: FeatureAnnotationView[], region: Pt[]): FeatureKind | undefined {
  return [...features].sort((a, b) => coverage(b.region, region) - coverage(a.region, region))[0]?.kind;
}

/** The portrait: annotated as such, or as the personalisation that prints it (a laser-engraved portrait). */
function isPortrait(f: FeatureAnnotationView): boolean {
  if (f.kind === 'portrait') return true;
  return (
    (FEATURE_TAXONOMY.personalisation as readonly string[]).includes(f.kind) &&
    f.kind !== 'ghost-image' &&
    /portrait/i.test(f.name) &&
    !/ghost|secondary/i.test(f.name)
  );
}

const dedupe = <T>(xs: T[]) => [...new Set(xs)];
const TAXONOMY_ORDER = Object.values(FEATURE_TAXONOMY).flat() as string[];
const sortByTaxonomy = (kinds: FeatureKind[]) =>
  [...kinds].sort((a, b) => TAXONOMY_ORDER.indexOf(a) - TAXONOMY_ORDER.indexOf(b));

// ---------------------------------------------------------------------------------------------------------------
// Words

function listOf(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function noteFor(req: SpecimenForgeRequest, feature: SpecimenForgePlan['feature']): string {
  switch (req.operation) {
    case 'photo-substitution':
      return 'Substituted portrait';
    case 'alter-field':
      return req.options.text ? `Field erased and retyped as "${req.options.text}"` : 'Field erased and retyped';
    case 'remove-feature':
      return `${feature?.kind ?? 'Feature'} missing`;
    case 'stamp':
      return 'Forged stamp';
  }
}

function explanationFor(
  operation: SpecimenForgeOperation,
  lights: Light[],
  feature: SpecimenForgePlan['feature'],
  sideWord: string,
): string {
  const has = (l: Light) => lights.includes(l);
  const tells: string[] = [];
  switch (operation) {
    case 'photo-substitution':
      tells.push('the edges of the pasted print show around the portrait');
      if (has('uv365') || has('uv254')) tells.push('under UV it glows evenly and lacks the fluorescent pattern');
      if (has('ir')) tells.push('in infrared the portrait vanishes: a dye print, not the carbon-based engraving');
      if (has('oblique')) tells.push('under oblique light the OVD over the portrait is interrupted');
      if (has('transmitted')) tells.push('against the light the doubled paper shows as a dense patch');
      return `The portrait on the ${sideWord} was replaced by another photograph: ${listOf(tells)}. Compare it with the ghost image and the traveller.`;
    case 'alter-field':
      tells.push('the background print is smeared where the field was erased');
      if (has('ir')) tells.push('in infrared the retyped text disappears (the genuine print shows)');
      if (has('uv365') || has('uv254')) tells.push('under UV the eradicator leaves a fluorescent stain');
      if (has('transmitted')) tells.push('against the light the scraped paper is thinner');
      return `A printed field on the ${sideWord} was erased and retyped: ${listOf(tells)}. Check the field against the MRZ.`;
    case 'remove-feature':
      return `The ${feature?.kind ?? 'security feature'} is missing from the ${sideWord} under ${listOf(lights.map(lightWord))}: the document is not as issued. Compare it with the specimen.`;
    case 'stamp':
      return `The stamp on the ${sideWord} is forged: its ink ${has('uv365') || has('uv254') ? 'does not fluoresce under UV as a control stamp does' : 'is not a control stamp ink'}. Check stamps against the reference.`;
  }
}
