// "Upload your own": the choices made before the photographs (state, document type, verdict and fraud type, sides),
// the side × light cells, what still stands between them and an exercise, and the exercise they make — with the same
// parts and feature options as a forged exercise (which parts are asked must not hint at the answer). Pure.
import {
  defaultFeatureOptions,
  type DocumentSide,
  type DocumentType,
  type ExerciseInput,
  type FraudType,
  type Light,
  type Verdict,
} from '@firstline/contracts';

/** The lights of the first-line desk (UV 254 nm is a second-line lamp). */
export const DESK_LIGHTS = ['visible', 'transmitted', 'oblique', 'uv365', 'ir'] as const satisfies readonly Light[];

export interface UploadPlan {
  title: string;
  issuingState: string;
  documentType: DocumentType;
  verdict: Verdict;
  fraudType: FraudType;
  sides: DocumentSide[];
  explanation: string;
  /** Admins name the owning unit; '' for instructors (their own unit). */
  unitId: string;
}

/** The sides a document of this type shows at the desk. */
export const SIDES_BY_TYPE: Record<DocumentType, DocumentSide[]> = {
  TD3: ['data-page', 'visa-page'],
  TD1: ['front', 'back'],
  TD2: ['front', 'back'],
  'MRV-A': ['visa-page'],
  'MRV-B': ['visa-page'],
};

const firstSides = (documentType: DocumentType): DocumentSide[] =>
  documentType === 'TD3' ? ['data-page'] : SIDES_BY_TYPE[documentType].slice(0, 2);

export const initialUploadPlan = (): UploadPlan => ({
  title: 'UTO TD3 — seized document',
  issuingState: 'UTO',
  documentType: 'TD3',
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  sides: firstSides('TD3'),
  explanation: '',
  unitId: '',
});

/** A change to the plan, keeping verdict and fraud type consistent and the sides those of the document type. */
export function changePlan(plan: UploadPlan, change: Partial<UploadPlan>): UploadPlan {
  const next = { ...plan, ...change };
  if (change.documentType && change.documentType !== plan.documentType) next.sides = firstSides(change.documentType);
  if (change.fraudType) next.verdict = change.fraudType === 'genuine' ? 'genuine' : 'fraudulent';
  if (change.verdict === 'genuine') next.fraudType = 'genuine';
  if (change.verdict === 'fraudulent' && next.fraudType === 'genuine') next.fraudType = 'counterfeit';
  return next;
}

/** One cell's key: a side under a light. */
export const cellKey = (side: DocumentSide, light: Light) => `${side}/${light}`;

/** What a cell holds once its upload was accepted: the asset and whether processing is over and how. */
export interface UploadedCell {
  assetId: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
}

export type UploadProblem =
  | { kind: 'noImages' }
  | { kind: 'noVisible'; side: DocumentSide }
  | { kind: 'notReady'; count: number }
  | { kind: 'failed'; count: number }
  | { kind: 'noTitle' }
  | { kind: 'noExplanation' }
  | { kind: 'noUnit' };

/** Why the exercise cannot be made yet (all reasons at once); empty when it can. */
export function uploadProblems(
  plan: UploadPlan,
  cells: ReadonlyMap<string, UploadedCell>,
  opts: { needsUnit: boolean },
): UploadProblem[] {
  const problems: UploadProblem[] = [];
  const mine = [...cells].filter(([key]) => plan.sides.some((side) => key.startsWith(`${side}/`)));
  if (!mine.length) problems.push({ kind: 'noImages' });
  for (const side of plan.sides) {
    const onSide = mine.filter(([key]) => key.startsWith(`${side}/`));
    if (onSide.length && !cells.has(cellKey(side, 'visible'))) problems.push({ kind: 'noVisible', side });
  }
  const failed = mine.filter(([, c]) => c.status === 'failed').length;
  const pending = mine.filter(([, c]) => c.status === 'queued' || c.status === 'processing').length;
  if (pending) problems.push({ kind: 'notReady', count: pending });
  if (failed) problems.push({ kind: 'failed', count: failed });
  if (!plan.title.trim()) problems.push({ kind: 'noTitle' });
  if (!plan.explanation.trim()) problems.push({ kind: 'noExplanation' });
  if (opts.needsUnit && !plan.unitId) problems.push({ kind: 'noUnit' });
  return problems;
}

/**
 * The exercise the uploaded photographs make: the chosen sides' images in side × light order, no tampered region yet
 * (the instructor draws them in the editor), and the parts and feature options every forged exercise has.
 */
export function uploadedExerciseInput(plan: UploadPlan, cells: ReadonlyMap<string, UploadedCell>): ExerciseInput {
  const images = plan.sides.flatMap((side) =>
    DESK_LIGHTS.flatMap((light) => {
      const cell = cells.get(cellKey(side, light));
      return cell ? [{ side, light, frame: 1, assetId: cell.assetId }] : [];
    }),
  );
  return {
    title: plan.title.trim(),
    issuingState: plan.issuingState,
    documentType: plan.documentType,
    difficulty: 2,
    tags: ['uploaded'],
    specimenId: null,
    // The same parts for every item, as forged exercises have (bar the MRZ part: its lines are typed in the editor).
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
    images,
    travellerAssetId: null,
    mrz: [],
    featureOptions: defaultFeatureOptions(plan.documentType),
    context: null,
    truth: {
      verdict: plan.verdict,
      fraudType: plan.fraudType,
      regions: [],
      explanation: plan.explanation.trim(),
    },
    ...(plan.unitId ? { unitId: plan.unitId } : {}),
  };
}
