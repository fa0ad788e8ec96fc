// Builds the AttemptEvents an attempt emits from what the attempts feature already holds (the attempt, its
// assignment and module version, the item and its exercise version). Pure functions, no I/O.
import { categoryOfFeature, type FeatureCategory, type Light } from '@firstline/contracts';
import type { ExerciseVersionRecord } from '../exercises';
import type { AssignmentWithVersion } from '../modules';
import type { AttemptContext, ItemLockedEvent } from './attempt-events';
import type { Attempt, AttemptItem } from './attempt.entity';

/** Where the attempt belongs: the same for each of its events. */
export function attemptContext(
  attempt: Pick<Attempt, 'id' | 'userId' | 'assignmentId'>,
  assignment: AssignmentWithVersion,
): AttemptContext {
  const version = assignment.moduleVersion;
  return {
    attemptId: attempt.id,
    userId: attempt.userId,
    assignmentId: attempt.assignmentId,
    cohortId: assignment.cohortId,
    moduleId: version.moduleId,
    moduleVersionId: version.id,
    mode: version.settings.mode,
  };
}

/** The locked item's record: its truth (verdict, fraud type, categories and lights), the decision and its scores. */
export function itemLockedEvent(
  context: AttemptContext,
  item: Pick<AttemptItem, 'id' | 'n' | 'answer' | 'late' | 'responseTimeMs' | 'score' | 'parts' | 'lockedAt'>,
  exercise: ExerciseVersionRecord,
  answeredAt: Date,
): ItemLockedEvent {
  const { truth } = exercise;
  const categories = new Set<FeatureCategory>();
  const lights = new Set<Light>();
  for (const region of truth.regions) {
    for (const feature of region.features) categories.add(categoryOfFeature(feature));
    for (const light of region.lights) lights.add(light);
  }
  const answered = item.lockedAt !== null;
  const partScore = (part: string) => (answered ? (item.parts?.find((p) => p.part === part)?.score ?? null) : null);
  return {
    ...context,
    attemptItemId: item.id,
    n: item.n,
    exerciseId: exercise.exerciseId,
    exerciseVersionId: exercise.id,
    answeredAt,
    verdict: truth.verdict,
    fraudType: truth.fraudType,
    issuingState: exercise.issuingState,
    documentType: exercise.documentType,
    featureCategories: [...categories].sort(),
    lights: [...lights].sort(),
    decision: answered ? (item.answer?.decision ?? null) : null,
    late: answered && item.late,
    responseTimeMs: answered ? item.responseTimeMs : null,
    score: answered ? (item.score ?? 0) : 0,
    locateScore: partScore('locate'),
    fraudTypeScore: partScore('fraudType'),
    chosenFraudType: answered ? (item.answer?.fraudType ?? null) : null,
    chosenFeatures: answered ? [...(item.answer?.features ?? [])] : [],
    chosenMrzChecks: answered ? [...(item.answer?.mrzFailedChecks ?? [])] : [],
    points: answered ? (item.answer?.points ?? []).map((p) => ({ side: p.side, x: p.x, y: p.y })) : [],
  };
}
