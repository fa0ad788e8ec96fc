// Exercise rows ↔ contract shapes: the input's columns of a version, the bank's summary, the instructors' full view.
import type { ExerciseInput, ExerciseSummary, ExerciseView } from '@firstline/contracts';
import type { UsingModule } from './exercise-usage';
import type { Exercise, ExerciseVersion } from './exercise.entity';

/**
 * A stored exercise version as other features read it (the exam engine presents and scores it, modules check the
 * pool's verdicts). Truth included: whoever receives it decides what a trainee may see.
 */
export type ExerciseVersionRecord = Readonly<
  Pick<
    ExerciseVersion,
    | 'id'
    | 'exerciseId'
    | 'version'
    | 'title'
    | 'issuingState'
    | 'documentType'
    | 'parts'
    | 'images'
    | 'travellerAssetId'
    | 'mrz'
    | 'featureOptions'
    | 'context'
    | 'truth'
    | 'verdict'
  >
>;

export function versionColumns(input: ExerciseInput): Partial<ExerciseVersion> {
  return {
    title: input.title,
    issuingState: input.issuingState,
    documentType: input.documentType,
    difficulty: input.difficulty,
    tags: input.tags,
    specimenId: input.specimenId ?? null,
    parts: input.parts,
    images: input.images,
    travellerAssetId: input.travellerAssetId ?? null,
    mrz: input.mrz,
    featureOptions: input.featureOptions,
    context: input.context,
    truth: input.truth,
    fraudType: input.truth.fraudType,
    verdict: input.truth.verdict,
  };
}

/** What the bank counts about an exercise besides its rows: locked responses and the modules using it. */
export interface ExerciseUse {
  responseCount: number;
  modules: UsingModule[];
  /** Officers who have seen its truth (practice feedback, reviews): an assessment never presents it to them. */
  exposures: number;
}

/** A stored version's content columns, for a copy of it (a duplicate starts from the current version). */
export function copyColumns(v: ExerciseVersion): Partial<ExerciseVersion> {
  const { title, issuingState, documentType, difficulty, tags, specimenId, parts, images } = v;
  const { travellerAssetId, mrz, featureOptions, context, truth, fraudType, verdict } = v;
  return {
    ...{ title, issuingState, documentType, difficulty, tags, specimenId, parts, images },
    ...{ travellerAssetId, mrz, featureOptions, context, truth, fraudType, verdict },
  };
}

export function exerciseSummary(
  v: ExerciseVersion,
  exercise: Pick<Exercise, 'id' | 'unitId' | 'updatedAt' | 'retiredAt'>,
  use: ExerciseUse,
  facility: number | null,
): ExerciseSummary {
  return {
    id: exercise.id,
    unitId: exercise.unitId,
    versionId: v.id,
    version: v.version,
    title: v.title,
    issuingState: v.issuingState,
    documentType: v.documentType,
    difficulty: v.difficulty,
    tags: v.tags,
    verdict: v.truth.verdict,
    fraudType: v.truth.fraudType,
    responseCount: use.responseCount,
    useCount: use.modules.length,
    exposures: use.exposures,
    retiredAt: exercise.retiredAt?.toISOString() ?? null,
    updatedAt: exercise.updatedAt.toISOString(),
    facility,
  };
}

export function exerciseView(v: ExerciseVersion, e: Exercise, use: ExerciseUse): ExerciseView {
  return {
    ...withoutFacility(exerciseSummary(v, e, use, null)),
    specimenId: v.specimenId,
    parts: v.parts,
    images: v.images,
    travellerAssetId: v.travellerAssetId,
    mrz: v.mrz,
    featureOptions: v.featureOptions,
    context: v.context,
    truth: v.truth,
    modules: use.modules,
  };
}

const withoutFacility = ({ facility: _facility, ...summary }: ExerciseSummary): Omit<ExerciseSummary, 'facility'> =>
  summary;
