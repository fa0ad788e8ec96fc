// Authoring jobs: an instructor asks the server to forge an exercise (render every light, ingest the images through
// the media pipeline, fill in the truth exactly) and follows its progress. The work runs in the background.
import { z } from 'zod';
import { ExerciseTruth } from './exercises';
import { DocumentSide, FeatureKind, FORGEABLE_DOCUMENT_TYPES, ForgeOperation, FraudType, Light } from './taxonomy';

/** Which operations produce each fraud type ('genuine' takes none). */
export const FORGE_OPERATIONS_BY_FRAUD_TYPE: Record<Exclude<FraudType, 'genuine'>, readonly ForgeOperation[]> = {
  counterfeit: ['counterfeit'],
  'forged:photo-substitution': ['photo-substitution'],
  'forged:data-alteration': ['alter-data', 'scrub-data', 'tamper-mrz'],
  'forged:page-substitution': ['page-substitution'],
  'forged:visa-or-stamp': ['forge-stamp'],
  pseudo: ['pseudo'],
  impostor: ['impostor'],
  'fraudulently-obtained': ['fraudulently-obtained'],
  'stolen-blank': ['stolen-blank'],
};

/** Printed fields a data alteration can change (the target of `alter-data` and `scrub-data`). */
export const ALTERABLE_FIELDS = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'dateOfExpiry',
  'documentNumber',
  'placeOfBirth',
] as const;
/** MRZ fields a tampering can change (the target of `tamper-mrz`). */
export const MRZ_TAMPER_FIELDS = ['documentNumber', 'dateOfBirth', 'dateOfExpiry'] as const;

export const ForgeExerciseRequest = z.strictObject({
  /** A training state (UTO, ARC, BRG). */
  issuingState: z.string().min(1).max(3),
  documentType: z.enum(FORGEABLE_DOCUMENT_TYPES),
  fraudType: FraudType,
  /** Default: the (first) operation that produces the fraud type. */
  operation: ForgeOperation.optional(),
  /** The field the operation changes, where it changes one (alter-data, scrub-data, tamper-mrz). */
  target: z.string().min(1).max(40).optional(),
  /** 0 = crude, many obvious tells … 1 = careful, few subtle tells. Default 0.5. */
  subtlety: z.number().min(0).max(1).optional(),
  /** The same seed draws the same document and forgery. Default: a random one. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  /** Title of the exercise; default names state, type, fraud type and seed. */
  title: z.string().trim().min(1).max(200).optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  /** The unit that owns the exercise: required of an admin, an instructor's own unit otherwise. */
  unitId: z.uuid().optional(),
});
export type ForgeExerciseRequest = z.infer<typeof ForgeExerciseRequest>;

/**
 * What an instructor can do to a region drawn on a genuine specimen's photographs; the server applies it under every
 * light the specimen was photographed in.
 */
export const SPECIMEN_FORGE_OPERATIONS = ['photo-substitution', 'alter-field', 'remove-feature', 'stamp'] as const;
export const SpecimenForgeOperation = z.enum(SPECIMEN_FORGE_OPERATIONS);
export type SpecimenForgeOperation = z.infer<typeof SpecimenForgeOperation>;

/** The fraud types each operation on a specimen produces; the first is the default. */
export const SPECIMEN_FORGE_FRAUD_TYPES: Record<SpecimenForgeOperation, readonly FraudType[]> = {
  'photo-substitution': ['forged:photo-substitution'],
  'alter-field': ['forged:data-alteration'],
  'remove-feature': ['counterfeit', 'forged:page-substitution'],
  stamp: ['forged:visa-or-stamp'],
};

export const ForgeFromSpecimenRequest = z.strictObject({
  specimenId: z.uuid(),
  side: DocumentSide,
  /**
   * The drawn region: at least 3 points, each `[x, y]` normalised 0–1 on that side's images, not crossing itself
   * (checked with a message in words).
   */
  region: z.array(z.tuple([z.number(), z.number()])).max(200),
  operation: SpecimenForgeOperation,
  options: z
    .strictObject({
      /** Default: the operation's first fraud type (see SPECIMEN_FORGE_FRAUD_TYPES). */
      fraudType: FraudType.optional(),
      /** alter-field: the new text of the field; stamp: the stamp's words. Default: drawn from the seed. */
      text: z.string().trim().min(1).max(40).optional(),
      /** remove-feature: the feature removed. Default: the annotated feature the region covers most. */
      feature: FeatureKind.optional(),
      /** 0 = crude, obvious traces … 1 = careful, faint traces. Default 0.5. */
      subtlety: z.number().min(0).max(1).optional(),
      /** The same seed makes the same forgery. Default: a random one. */
      seed: z.number().int().min(0).max(2_147_483_647).optional(),
      /** photo-substitution: the sex of the substituted face. Default: drawn from the seed. */
      sex: z.enum(['F', 'M']).optional(),
    })
    .default({}),
  title: z.string().trim().min(1).max(200).optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  /** The unit that owns the exercise: required of an admin, an instructor's own unit otherwise. */
  unitId: z.uuid().optional(),
});
export type ForgeFromSpecimenRequest = z.infer<typeof ForgeFromSpecimenRequest>;

export const EXERCISE_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const ExerciseJobStatus = z.enum(EXERCISE_JOB_STATUSES);
export type ExerciseJobStatus = z.infer<typeof ExerciseJobStatus>;

export const ExerciseJob = z.object({
  id: z.uuid(),
  kind: z.enum(['forge', 'forge-from-specimen', 'item-instance']),
  status: ExerciseJobStatus,
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** What the job is doing now, in words ("Rendering the document under every light", …). */
  step: z.string().nullable(),
  /** The exercise made, once done. */
  exerciseId: z.uuid().nullable(),
  /** Why it failed, in words. */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ExerciseJob = z.infer<typeof ExerciseJob>;

/** What a forge request would make, drawn small and not stored: each desk light of each side, and the truth. */
export const ForgePreview = z.object({
  operation: ForgeOperation.nullable(),
  seed: z.number().int(),
  title: z.string(),
  images: z.array(
    z.object({
      side: DocumentSide,
      light: Light,
      width: z.number().int(),
      height: z.number().int(),
      /** A small WebP as a data: URL. */
      dataUrl: z.string(),
    }),
  ),
  truth: ExerciseTruth,
});
export type ForgePreview = z.infer<typeof ForgePreview>;
