// The trainee's answer to one item while it is being given: which stage of the decision they are at, and the
// parts filled in so far. Pure, so the decision flow can be tested without a screen.
import type {
  FeatureKind,
  FraudType,
  ItemAnswer,
  ItemPresentation,
  ItemResponseRequest,
  MarkedPoint,
  MrzCheck,
} from '@firstline/contracts';

export type DecisionStage = 'choose' | 'accept' | 'refer';

export interface AnswerState {
  stage: DecisionStage;
  /** Suspect points, each on the side it was clicked on. */
  points: MarkedPoint[];
  fraudType: FraudType | null;
  features: FeatureKind[];
  mrzFailedChecks: MrzCheck[];
}

export type AnswerAction =
  | { type: 'accept' }
  | { type: 'refer' }
  | { type: 'back' }
  /** Start again with nothing answered (the preview's "Try another answer"). */
  | { type: 'reset' }
  | { type: 'add-point'; point: MarkedPoint; maxPoints: number }
  | { type: 'remove-point'; index: number }
  | { type: 'fraud-type'; fraudType: FraudType | null }
  | { type: 'toggle-feature'; feature: FeatureKind }
  | { type: 'toggle-mrz'; check: MrzCheck };

export const emptyAnswer: AnswerState = {
  stage: 'choose',
  points: [],
  fraudType: null,
  features: [],
  mrzFailedChecks: [],
};

const toggle = <T>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export function answerReducer(state: AnswerState, action: AnswerAction): AnswerState {
  switch (action.type) {
    case 'accept':
      return { ...state, stage: 'accept' };
    case 'refer':
      return { ...state, stage: 'refer' };
    case 'back':
      return { ...state, stage: 'choose' };
    case 'reset':
      return emptyAnswer;
    case 'add-point':
      return state.points.length >= action.maxPoints ? state : { ...state, points: [...state.points, action.point] };
    case 'remove-point':
      return { ...state, points: state.points.filter((_, i) => i !== action.index) };
    case 'fraud-type':
      return { ...state, fraudType: action.fraudType };
    case 'toggle-feature':
      return { ...state, features: toggle(state.features, action.feature) };
    case 'toggle-mrz':
      return { ...state, mrzFailedChecks: toggle(state.mrzFailedChecks, action.check) };
  }
}

/** Picks up an autosaved (or locked) answer after a reload. */
export function answerFromSaved(saved: ItemAnswer | null): AnswerState {
  if (!saved) return emptyAnswer;
  return {
    stage: saved.decision ?? 'choose',
    points: saved.points ?? [],
    fraudType: saved.fraudType ?? null,
    features: saved.features ?? [],
    mrzFailedChecks: saved.mrzFailedChecks ?? [],
  };
}

/**
 * The request body for this state. Only the parts the item asks for are sent; an accept carries nothing but the
 * decision (accepting says the document is sound, so there is nothing to locate or name).
 */
export function toResponseRequest(
  state: AnswerState,
  parts: ItemPresentation['parts'],
  final: boolean,
): ItemResponseRequest {
  const decision = state.stage === 'choose' ? null : state.stage;
  if (decision === 'accept') return { decision, points: [], fraudType: null, features: [], mrzFailedChecks: [], final };
  return {
    decision,
    points: parts.locate ? state.points.slice(0, parts.locate.maxPoints) : [],
    fraudType: parts.fraudType ? state.fraudType : null,
    features: parts.features ? state.features : [],
    mrzFailedChecks: parts.mrz ? state.mrzFailedChecks : [],
    final,
  };
}
