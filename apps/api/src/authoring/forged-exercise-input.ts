// From the forge's generated documents to exercise inputs — for the demo library and for exercises instructors forge:
// which images go to the desk, the feature options per document type, and the exercise's title, parts, context and
// truth. Pure.
import {
  MRZ_CHECKS,
  type ExerciseInput,
  type ExerciseTruth,
  type FeatureKind,
  type FraudType,
  type MrzCheck,
} from '@firstline/contracts';
import type { DocumentInstance, GroundTruth } from '@firstline/forge';

/** One generated document as stored by the forge: the instance and, for exercises, its ground truth. */
export interface ForgedDocument {
  instance: DocumentInstance;
  truth: GroundTruth;
}

export function isDeskImage(img: { light: string }): boolean {
  return img.light !== 'uv254';
}

// The feature options per document type live in the contracts (the upload page offers the same defaults).
export { FEATURE_OPTIONS_BY_TYPE } from '@firstline/contracts';

const FRAUD_TITLE: Record<FraudType, string> = {
  genuine: 'genuine',
  counterfeit: 'counterfeit',
  'forged:photo-substitution': 'photo substitution',
  'forged:data-alteration': 'data alteration',
  'forged:page-substitution': 'page substitution',
  'forged:visa-or-stamp': 'forged stamp',
  pseudo: 'pseudo document',
  impostor: 'impostor',
  'fraudulently-obtained': 'fraudulently obtained',
  'stolen-blank': 'stolen blank',
};

/** "UTO TD3 — photo substitution #07": state, document type, fraud type and a label. */
export function forgedTitle(instance: DocumentInstance, truth: GroundTruth, label: string): string {
  return `${instance.state.code} ${instance.documentType} — ${FRAUD_TITLE[truth.fraudType]} ${label}`;
}

/** The forge's ground truth as an exercise's truth (MRZ checks the exercise can ask about only). */
export function toExerciseTruth(truth: GroundTruth): ExerciseTruth {
  const mrzChecks = (truth.mrzFailedChecks ?? []).filter((c): c is MrzCheck =>
    (MRZ_CHECKS as readonly string[]).includes(c),
  );
  return {
    verdict: truth.verdict,
    fraudType: truth.fraudType,
    regions: truth.regions.map((r) => ({
      side: r.side,
      polygon: r.polygon,
      features: r.features.map((f) => f.name),
      lights: r.lights,
      ...(r.note ? { note: r.note } : {}),
    })),
    explanation: truth.explanation,
    mrzFailedChecks: mrzChecks,
  };
}

export function toExerciseInput(
  instance: DocumentInstance,
  truth: GroundTruth,
  images: ExerciseInput['images'],
  travellerAssetId: string,
  featureOptions: FeatureKind[],
  title: string,
): ExerciseInput {
  const exerciseTruth = toExerciseTruth(truth);
  return {
    title,
    issuingState: instance.state.code,
    documentType: instance.documentType,
    difficulty: 2,
    tags: ['demo', truth.fraudType],
    specimenId: null,
    // The same parts for every item: which parts are asked must not hint at the answer.
    parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: true },
    images,
    travellerAssetId,
    mrz: instance.mrz,
    featureOptions,
    context: {
      referenceDate: instance.context.referenceDate,
      stolenBlankSeries: instance.context.stolenBlankSeries.map((s) => ({
        state: s.state,
        documentType: s.documentType,
        from: s.from,
        to: s.to,
        reportedOn: s.reportedOn,
      })),
      records: instance.context.records.map((r) => ({ source: r.source, result: r.result, note: r.note })),
    },
    truth: exerciseTruth,
  };
}
