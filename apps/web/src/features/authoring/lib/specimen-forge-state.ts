// The forge-on-a-specimen form's state and what it sends: the specimen, the side, the drawn region, the operation
// and its options. Which sides can be forged on (those photographed), which annotated features lie under the region
// (what a feature removal can remove) and what is still missing before the job can start.
import {
  SPECIMEN_FORGE_FRAUD_TYPES,
  type DocumentSide,
  type FeatureAnnotationView,
  type FeatureKind,
  type ForgeFromSpecimenRequest,
  type FraudType,
  type Light,
  type SpecimenForgeOperation,
  type SpecimenView,
} from '@firstline/contracts';
import { newSeed } from './forge-form-state';

type Point = [number, number];

export interface SpecimenForgeState {
  specimenId: string;
  side: DocumentSide | '';
  /** The drawn region (normalised), or null until one is drawn. */
  region: Point[] | null;
  operation: SpecimenForgeOperation;
  fraudType: FraudType | '';
  text: string;
  feature: FeatureKind | '';
  subtlety: number;
  seed: number;
  /** photo-substitution: the substitute's face; '' lets the seed choose. */
  sex: '' | 'F' | 'M';
  unitId: string;
}

export const initialSpecimenForge = (seed = newSeed()): SpecimenForgeState => ({
  specimenId: '',
  side: '',
  region: null,
  operation: 'photo-substitution',
  fraudType: '',
  text: '',
  feature: '',
  subtlety: 0.5,
  seed,
  sex: '',
  unitId: '',
});

/** Applies a change; a new specimen or side forgets the region and the feature drawn on the old one. */
export function changeSpecimenForge(
  state: SpecimenForgeState,
  change: Partial<SpecimenForgeState>,
): SpecimenForgeState {
  const forget: Partial<SpecimenForgeState> = {};
  if (change.specimenId !== undefined && change.specimenId !== state.specimenId) {
    Object.assign(forget, { side: '', region: null, feature: '' });
  }
  if (change.side !== undefined && change.side !== state.side) Object.assign(forget, { region: null, feature: '' });
  if (change.operation !== undefined && change.operation !== state.operation) {
    Object.assign(forget, { fraudType: '', feature: '', text: '' });
  }
  if (change.region !== undefined) forget.feature = '';
  // What the change names itself wins over what it makes the form forget.
  return { ...state, ...forget, ...change };
}

/** The sides the specimen has photographs of, in the order they were taken. */
export function sidesWithImages(specimen: SpecimenView | undefined): DocumentSide[] {
  return [...new Set((specimen?.images ?? []).map((img) => img.side))];
}

/** The lights a side was photographed under (frame 1 of each), for the image the region is drawn on. */
export function lightsOfSide(specimen: SpecimenView | undefined, side: DocumentSide | ''): Light[] {
  return [...new Set((specimen?.images ?? []).filter((img) => img.side === side).map((img) => img.light))];
}

function box(points: Point[]) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Annotated features of the side that the region overlaps, most covered first (what a removal can remove). */
export function featuresUnder(
  specimen: SpecimenView | undefined,
  side: DocumentSide | '',
  region: Point[] | null,
): FeatureAnnotationView[] {
  if (!specimen || !region || region.length < 3) return [];
  const r = box(region);
  const share = (f: FeatureAnnotationView) => {
    const b = box(f.region as Point[]);
    const w = Math.min(b.x1, r.x1) - Math.max(b.x0, r.x0);
    const h = Math.min(b.y1, r.y1) - Math.max(b.y0, r.y0);
    return w > 0 && h > 0 ? (w * h) / Math.max(1e-9, (b.x1 - b.x0) * (b.y1 - b.y0)) : 0;
  };
  return specimen.features.filter((f) => f.side === side && share(f) > 0).sort((a, b) => share(b) - share(a));
}

/** The fraud types the operation can make (the first is the default). */
export const fraudTypesFor = (operation: SpecimenForgeOperation) => SPECIMEN_FORGE_FRAUD_TYPES[operation];

/** Operations that take words: the new text of a field, a stamp's words. */
export const takesText = (operation: SpecimenForgeOperation) => operation === 'alter-field' || operation === 'stamp';

/** What must still be chosen before the job can start (translation keys under authoring.specimenForge.missing). */
export function missing(state: SpecimenForgeState, needsUnit: boolean): string[] {
  const out: string[] = [];
  if (!state.specimenId) out.push('specimen');
  else if (!state.side) out.push('side');
  if (!state.region) out.push('region');
  if (needsUnit && !state.unitId) out.push('unit');
  return out;
}

export function specimenForgeRequest(state: SpecimenForgeState): ForgeFromSpecimenRequest {
  const text = takesText(state.operation) ? state.text.trim() : '';
  return {
    specimenId: state.specimenId,
    side: state.side as DocumentSide,
    region: state.region ?? [],
    operation: state.operation,
    options: {
      ...(state.fraudType ? { fraudType: state.fraudType } : {}),
      ...(text ? { text } : {}),
      ...(state.operation === 'remove-feature' && state.feature ? { feature: state.feature } : {}),
      ...(state.operation === 'photo-substitution' && state.sex ? { sex: state.sex } : {}),
      subtlety: state.subtlety,
      seed: state.seed,
    },
    ...(state.unitId ? { unitId: state.unitId } : {}),
  };
}
