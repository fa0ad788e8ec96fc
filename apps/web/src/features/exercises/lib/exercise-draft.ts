// The exercise editor's state: the current version as editable fields, changes to it (regions drawn per side,
// verdict and fraud type kept consistent), and the body PUT /exercises/:id takes. Pure, so it is tested alone.
import {
  ExerciseInput,
  LIGHTS,
  partsKey,
  type CheckContext,
  type ExerciseParts,
  type ExercisePoolParts,
  type DocumentSide,
  type ExerciseView,
  type FeatureKind,
  type FraudType,
  type Light,
  type MrzCheck,
  type Point,
  type Verdict,
} from '@firstline/contracts';

/** A tampered region in the editor; `key` tells regions apart before they are saved. */
export interface RegionDraft {
  key: string;
  side: DocumentSide;
  polygon: Point[];
  features: FeatureKind[];
  lights: Light[];
  note: string;
}

export interface ExerciseDraft {
  title: string;
  issuingState: string;
  documentType: ExerciseView['documentType'];
  difficulty: number;
  /** Comma-separated, as typed. */
  tags: string;
  verdict: Verdict;
  fraudType: FraudType;
  regions: RegionDraft[];
  explanation: string;
  mrzFailedChecks: MrzCheck[];
  parts: ExerciseView['parts'];
  featureOptions: FeatureKind[];
  /** One MRZ line per row, as typed. */
  mrz: string;
  context: CheckContext | null;
  // Kept as they are: the editor does not change the images.
  specimenId: string | null;
  images: ExerciseView['images'];
  travellerAssetId: string | null;
}

let seq = 0;
const newKey = () => `r${++seq}`;

export function fromView(v: ExerciseView): ExerciseDraft {
  return {
    title: v.title,
    issuingState: v.issuingState,
    documentType: v.documentType,
    difficulty: v.difficulty,
    tags: v.tags.join(', '),
    verdict: v.truth.verdict,
    fraudType: v.truth.fraudType,
    regions: v.truth.regions.map((r) => ({
      key: newKey(),
      side: r.side,
      polygon: r.polygon,
      features: r.features,
      lights: r.lights,
      note: r.note ?? '',
    })),
    explanation: v.truth.explanation,
    mrzFailedChecks: v.truth.mrzFailedChecks ?? [],
    parts: v.parts,
    featureOptions: v.featureOptions,
    mrz: v.mrz.join('\n'),
    context: v.context,
    specimenId: v.specimenId,
    images: v.images,
    travellerAssetId: v.travellerAssetId,
  };
}

/** The body for PUT /exercises/:id, before validation (ExerciseInput.safeParse tells what is wrong with it). */
export function toInput(d: ExerciseDraft) {
  return {
    title: d.title,
    issuingState: d.issuingState,
    documentType: d.documentType,
    difficulty: d.difficulty,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    specimenId: d.specimenId,
    parts: d.parts,
    images: d.images,
    travellerAssetId: d.travellerAssetId,
    mrz: d.mrz
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    featureOptions: d.featureOptions,
    context: d.context,
    truth: {
      verdict: d.verdict,
      fraudType: d.fraudType,
      regions: d.regions.map(({ side, polygon, features, lights, note }) => ({
        side,
        polygon,
        features,
        lights,
        ...(note.trim() ? { note: note.trim() } : {}),
      })),
      explanation: d.explanation,
      ...(d.mrzFailedChecks.length ? { mrzFailedChecks: d.mrzFailedChecks } : {}),
    },
  };
}

/** The draft as the API takes it, or the paths and messages of what is wrong (all of them at once). */
export function parseDraft(
  d: ExerciseDraft,
): { ok: true; input: ExerciseInput } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = ExerciseInput.safeParse(toInput(d));
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** A genuine document has nothing wrong; a fraudulent one needs a fraud type other than genuine. */
export function setVerdict(d: ExerciseDraft, verdict: Verdict): ExerciseDraft {
  if (verdict === 'genuine') return { ...d, verdict, fraudType: 'genuine' };
  return { ...d, verdict, fraudType: d.fraudType === 'genuine' ? 'counterfeit' : d.fraudType };
}

export function setFraudType(d: ExerciseDraft, fraudType: FraudType): ExerciseDraft {
  return { ...d, fraudType, verdict: fraudType === 'genuine' ? 'genuine' : 'fraudulent' };
}

/** A new region drawn on a side, seen under the light it was drawn on; returns the draft and the region's key. */
export function addRegion(
  d: ExerciseDraft,
  side: DocumentSide,
  polygon: Point[],
  light: Light,
): { draft: ExerciseDraft; key: string } {
  const key = newKey();
  const region: RegionDraft = { key, side, polygon, features: [], lights: [light], note: '' };
  return { draft: { ...d, regions: [...d.regions, region] }, key };
}

export function updateRegion(d: ExerciseDraft, key: string, patch: Partial<Omit<RegionDraft, 'key'>>): ExerciseDraft {
  return { ...d, regions: d.regions.map((r) => (r.key === key ? { ...r, ...patch } : r)) };
}

export function removeRegion(d: ExerciseDraft, key: string): ExerciseDraft {
  return { ...d, regions: d.regions.filter((r) => r.key !== key) };
}

/** Adds or removes an item of a list, keeping the order of `all`. */
export function toggle<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : all.filter((x) => x === item || list.includes(x));
}

export const toggleLight = (lights: Light[], light: Light) => toggle(lights, light, LIGHTS);

/** What the editor warns about without refusing to save (DESIGN: the truth must be exact; parts must not hint). */
export type IntegrityWarning =
  | { kind: 'noExplanation' }
  | { kind: 'imageCount'; count: number; genuine: number }
  | { kind: 'imageSize'; side: DocumentSide; light: Light; size: string; genuine: string }
  | { kind: 'regionWithoutFeatures'; n: number }
  | { kind: 'fraudulentWithoutRegions' }
  | { kind: 'poolParts'; module: string; others: number; sharedBy: number; common: ExerciseParts; mine: ExerciseParts };

/** An image's slot and pixel size (null while unknown: not processed yet, or not loaded). */
export interface SizedImage {
  side: DocumentSide;
  light: Light;
  frame: number;
  width: number | null;
  height: number | null;
}

/** What the warnings compare the draft with, where it is known. */
export interface IntegrityContext {
  /** The genuine specimen's images (a forged item should match them in count and pixel size). */
  genuineImages?: SizedImage[] | null;
  /** The pixel size of each of the draft's images, by asset id. */
  sizes?: ReadonlyMap<string, { width: number | null; height: number | null }>;
  /** The parts asked by the pools of the modules that use the exercise. */
  pools?: ExercisePoolParts['modules'] | null;
}

const sizeText = (w: number, h: number) => `${w} × ${h}`;

/**
 * `genuineImageCount` is the genuine specimen's image count (null: no specimen or not loaded); `context` adds the
 * image sizes and the module pools when they are known.
 */
export function integrityWarnings(
  d: ExerciseDraft,
  genuineImageCount: number | null,
  context: IntegrityContext = {},
): IntegrityWarning[] {
  const warnings: IntegrityWarning[] = [];
  if (!d.explanation.trim()) warnings.push({ kind: 'noExplanation' });
  const fraudulent = d.verdict === 'fraudulent';
  if (fraudulent && genuineImageCount !== null && genuineImageCount !== d.images.length)
    warnings.push({ kind: 'imageCount', count: d.images.length, genuine: genuineImageCount });
  if (fraudulent && context.genuineImages && context.sizes) {
    for (const img of d.images) {
      const own = context.sizes.get(img.assetId);
      const genuine = context.genuineImages.find(
        (g) => g.side === img.side && g.light === img.light && g.frame === img.frame,
      );
      if (!own?.width || !own.height || !genuine?.width || !genuine.height) continue;
      if (own.width !== genuine.width || own.height !== genuine.height)
        warnings.push({
          kind: 'imageSize',
          side: img.side,
          light: img.light,
          size: sizeText(own.width, own.height),
          genuine: sizeText(genuine.width, genuine.height),
        });
    }
  }
  // Impostors, fraudulently obtained and stolen blanks are genuine documents: nothing to mark on them.
  const marked = ['counterfeit', 'pseudo'].includes(d.fraudType) || d.fraudType.startsWith('forged:');
  if (marked && !d.regions.length) warnings.push({ kind: 'fraudulentWithoutRegions' });
  d.regions.forEach((r, i) => {
    if (!r.features.length) warnings.push({ kind: 'regionWithoutFeatures', n: i + 1 });
  });
  // "Most of the pool": more than half of the other exercises ask the same parts, and this one asks others.
  for (const pool of context.pools ?? []) {
    if (!pool.commonParts || pool.sharedBy * 2 <= pool.others) continue;
    if (partsKey(pool.commonParts) !== partsKey(d.parts))
      warnings.push({
        kind: 'poolParts',
        module: pool.title,
        others: pool.others,
        sharedBy: pool.sharedBy,
        common: pool.commonParts,
        mine: d.parts,
      });
  }
  return warnings;
}

/** The sides the exercise has images of, in the order of its images. */
export const sidesOf = (d: Pick<ExerciseDraft, 'images'>): DocumentSide[] => [...new Set(d.images.map((i) => i.side))];

/** The lights with an image on this side. */
export const lightsOn = (d: Pick<ExerciseDraft, 'images'>, side: DocumentSide): Light[] =>
  LIGHTS.filter((l) => d.images.some((i) => i.side === side && i.light === l));
