// Exercises, modules, assignments and attempts: request and response shapes.
// Rule 1 of DESIGN.md lives here: an ItemPresentation has no field that carries truth; feedback and review
// shapes (which do) are only ever sent after the item is locked and as the module's mode allows.
import { z } from 'zod';
import { ImageUrls } from './library';
import { ListQuery } from './organisation';
import {
  DocumentSide,
  DocumentType,
  FeatureCategory,
  FeatureKind,
  FirstLineDecision,
  FORGEABLE_DOCUMENT_TYPES,
  ForgeOperation,
  FraudType,
  Light,
  Polygon,
  Verdict,
} from './taxonomy';
import { nameText } from './text';

/** MRZ check-digit fields a trainee can flag (mrz package field names). */
export const MRZ_CHECKS = [
  'documentNumberCheckDigit',
  'birthDateCheckDigit',
  'expirationDateCheckDigit',
  'personalNumberCheckDigit',
  'compositeCheckDigit',
] as const;
export const MrzCheck = z.enum(MRZ_CHECKS);
export type MrzCheck = z.infer<typeof MrzCheck>;

/** Frontex's figure for a first-line check. */
export const DRILL_SECONDS = 12;
export const DEFAULT_ITEM_SECONDS = 60;

// ------------------------------------------------------------------------------------------------ exercises

/**
 * The feature options per document type: the same list for every item of a type, so it says nothing about the item,
 * and fixed, so the practice pool (published first), the rest of the library and forged exercises offer the same;
 * an exercise made of uploaded photographs starts from them too. It is every feature kind that the demo library's
 * documents of that type carry or mark in their truth (a test in the API's authoring keeps it so).
 */
export const FEATURE_OPTIONS_BY_TYPE: Record<'TD3' | 'TD1', FeatureKind[]> = {
  TD3: [
    'watermark',
    'security-fibres',
    'uv-dull-paper',
    'offset',
    'letterpress',
    'guilloche',
    'rosette',
    'microprint',
    'rainbow-printing',
    'see-through-register',
    'uv-fluorescent-ink',
    'ir-dropout-ink',
    'metameric-ink',
    'kinegram',
    'laser-engraving',
    'inkjet',
    'ghost-image',
    'portrait',
    'signature',
    'viz-data',
    'mrz',
    'laminate',
    'page-numbering',
  ],
  TD1: [
    'security-fibres',
    'uv-dull-paper',
    'offset',
    'guilloche',
    'rosette',
    'microprint',
    'rainbow-printing',
    'see-through-register',
    'uv-fluorescent-ink',
    'ir-dropout-ink',
    'metameric-ink',
    'kinegram',
    'laser-engraving',
    'inkjet',
    'laser-perforation',
    'ghost-image',
    'tactile-relief',
    'portrait',
    'signature',
    'viz-data',
    'mrz',
    'laminate',
  ],
};

/** The feature options an exercise of this document type starts with (TD1's for cards, TD3's for the rest). */
export const defaultFeatureOptions = (documentType: DocumentType): FeatureKind[] => [
  ...FEATURE_OPTIONS_BY_TYPE[documentType === 'TD1' ? 'TD1' : 'TD3'],
];

export const TruthRegion = z.object({
  side: DocumentSide,
  polygon: Polygon,
  features: z.array(FeatureKind).max(20),
  lights: z.array(Light).max(6),
  note: z.string().max(2000).optional(),
});
export type TruthRegion = z.infer<typeof TruthRegion>;

export const ExerciseTruth = z
  .object({
    verdict: Verdict,
    fraudType: FraudType,
    regions: z.array(TruthRegion).max(20),
    explanation: z.string().trim().min(1).max(8000),
    mrzFailedChecks: z.array(MrzCheck).max(5).optional(),
  })
  .refine((t) => (t.verdict === 'genuine') === (t.fraudType === 'genuine'), 'verdict and fraud type disagree');
export type ExerciseTruth = z.infer<typeof ExerciseTruth>;

export const ExerciseParts = z.object({
  /** Click up to this many points; null: no locate part. */
  locate: z.object({ maxPoints: z.number().int().min(1).max(10) }).nullable(),
  fraudType: z.boolean(),
  features: z.boolean(),
  mrz: z.boolean(),
});
export type ExerciseParts = z.infer<typeof ExerciseParts>;

/** Parts as one comparable key (locate's maxPoints counts: a different number of clicks is a different question). */
export const partsKey = (p: ExerciseParts) =>
  [p.locate ? `locate:${p.locate.maxPoints}` : 'no-locate', p.fraudType, p.features, p.mrz].join('|');

export const ExerciseImageRef = z.object({
  side: DocumentSide,
  light: Light,
  frame: z.number().int().min(1).default(1),
  assetId: z.uuid(),
});
export type ExerciseImageRef = z.infer<typeof ExerciseImageRef>;

/**
 * What the officer knows besides the document: today's date, the stolen-blank alert list and database checks.
 * Every item of a module carries one, so its presence says nothing; stolen blanks and fraudulently obtained
 * documents can only be caught with it.
 */
export const CheckContext = z.object({
  referenceDate: z.string().max(10),
  stolenBlankSeries: z
    .array(
      z.object({
        state: z.string().max(3),
        documentType: z.string().max(8),
        from: z.string().max(20),
        to: z.string().max(20),
        reportedOn: z.string().max(10),
      }),
    )
    .max(50),
  records: z
    .array(
      z.object({
        source: z.string().max(120),
        result: z.enum(['no-hit', 'match', 'hit', 'discrepancy']),
        note: z.string().max(1000),
      }),
    )
    .max(20),
});
export type CheckContext = z.infer<typeof CheckContext>;

export const ExerciseInput = z.strictObject({
  title: nameText(160),
  issuingState: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z<]{3}$/),
  documentType: DocumentType,
  difficulty: z.number().int().min(1).max(5).default(2),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  specimenId: z.uuid().nullable().optional(),
  parts: ExerciseParts,
  images: z.array(ExerciseImageRef).min(1).max(40),
  travellerAssetId: z.uuid().nullable().optional(),
  /** MRZ lines as printed, for the MRZ part. */
  mrz: z.array(z.string()).max(3).default([]),
  /** Feature kinds offered in the feature part (the document's features, the same for genuine and forged items). */
  featureOptions: z.array(FeatureKind).max(60).default([]),
  context: CheckContext.nullable().default(null),
  truth: ExerciseTruth,
  /**
   * The unit the exercise belongs to (its instructors see and change it; modules of that unit pool it). An
   * instructor's exercise is in their own unit; an admin names it. Fixed once the exercise exists.
   */
  unitId: z.uuid().optional(),
});
export type ExerciseInput = z.infer<typeof ExerciseInput>;

export const ExerciseSummary = z.object({
  id: z.uuid(),
  /** The unit it belongs to; null for content from before units owned it (admin only). */
  unitId: z.uuid().nullable(),
  /** The current version's id and number. */
  versionId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  issuingState: z.string(),
  documentType: DocumentType,
  difficulty: z.number().int(),
  tags: z.array(z.string()),
  verdict: Verdict,
  fraudType: FraudType,
  responseCount: z.number().int(),
  /** Officers who have seen its truth (practice feedback, reviews); an assessment never presents it to them. */
  exposures: z.number().int(),
  /** How many modules use it: in their draft pool or in a published version's pool. */
  useCount: z.number().int(),
  /** When it was retired (hidden from pool pickers, kept with its history), or null. */
  retiredAt: z.string().nullable(),
  updatedAt: z.string(),
  /**
   * Facility index (0–1: the mean score officers got on it) in the latest item analysis of a module version that
   * pooled it; null while no analysis has counted a response to it.
   */
  facility: z.number().nullable(),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummary>;

export const FACILITY_BANDS = ['hard', 'middling', 'easy', 'unanalysed'] as const;
export type FacilityBand = (typeof FACILITY_BANDS)[number];
/** Facility below this is a hard item, above EASY_FACILITY an easy one (Moodle's usual reading of the index). */
export const HARD_FACILITY = 0.3;
export const EASY_FACILITY = 0.9;

// The library's facility column is read from the reports; the editor shows the item analysis itself.
export const ExerciseView = ExerciseSummary.omit({ facility: true }).extend({
  specimenId: z.uuid().nullable(),
  parts: ExerciseParts,
  images: z.array(ExerciseImageRef),
  travellerAssetId: z.uuid().nullable(),
  mrz: z.array(z.string()),
  featureOptions: z.array(FeatureKind),
  context: CheckContext.nullable(),
  truth: ExerciseTruth,
  /** The modules that use it (draft pool or a published version's pool), by title. */
  modules: z.array(z.object({ id: z.uuid(), title: z.string() })),
});
export type ExerciseView = z.infer<typeof ExerciseView>;

export const ExerciseListQuery = ListQuery.extend({
  fraudType: FraudType.optional(),
  documentType: DocumentType.optional(),
  issuingState: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z<]{3}$/, 'issuingState is a three-letter code')
    .optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  /** Exercises carrying this tag (exact, case-sensitive). */
  tag: z.string().trim().min(1).max(40).optional(),
  /** 'true': retired exercises are listed too (hidden by default, as pool pickers want). */
  includeRetired: z.enum(['true', 'false']).optional(),
  /** By use: exercises some module uses (draft pool or a published version's pool), or that no module uses. */
  use: z.enum(['in-modules', 'unused']).optional(),
  /** By facility: hard (< 0.3), middling (0.3–0.9), easy (> 0.9), or not analysed yet. */
  facility: z.enum(FACILITY_BANDS).optional(),
  /** Order: by title (default), or by facility, hardest or easiest first (not analysed last). */
  sort: z.enum(['title', 'facility', '-facility']).optional(),
});
export type ExerciseListQuery = z.infer<typeof ExerciseListQuery>;

/**
 * Per module whose draft or published pool holds the exercise: the question parts the pool's other exercises ask
 * most often (the editor warns when the exercise asks different ones: which parts are asked must not hint at the
 * answer).
 */
export const ExercisePoolParts = z.object({
  modules: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      /** The pool's other exercises. */
      others: z.number().int(),
      /** The parts most of them ask (null: the pool has no other exercise). */
      commonParts: ExerciseParts.nullable(),
      /** How many of the others ask exactly `commonParts`. */
      sharedBy: z.number().int(),
    }),
  ),
});
export type ExercisePoolParts = z.infer<typeof ExercisePoolParts>;

// ------------------------------------------------------------------------------------------------ modules

export const MODULE_MODES = ['practice', 'assessment'] as const;
export const ModuleMode = z.enum(MODULE_MODES);
export type ModuleMode = z.infer<typeof ModuleMode>;

/** When an assessment shows the truth: right after each item (practice), after finishing, or never. */
export const FEEDBACK_POLICIES = ['after-item', 'after-finish', 'never'] as const;
export const FeedbackPolicy = z.enum(FEEDBACK_POLICIES);
export type FeedbackPolicy = z.infer<typeof FeedbackPolicy>;

export const ModuleSettings = z
  .object({
    mode: ModuleMode,
    feedback: FeedbackPolicy,
    timePerItemSeconds: z.number().int().min(5).max(3600).default(DEFAULT_ITEM_SECONDS),
    moduleTimeSeconds: z
      .number()
      .int()
      .min(30)
      .max(6 * 3600)
      .nullable()
      .default(null),
    /** Draw this many items at random from the pool; null: all of them, in pool order shuffled. */
    drawCount: z.number().int().min(1).max(500).nullable().default(null),
    /** Minimum share of genuine items in a draw, 0–1. */
    minGenuineShare: z.number().min(0).max(1).default(0),
    /** Pass mark in percent. */
    passMark: z.number().min(0).max(100).default(80),
    attemptsAllowed: z.number().int().min(1).max(100).nullable().default(null),
  })
  .refine((s) => (s.mode === 'practice' ? s.feedback === 'after-item' : s.feedback !== 'after-item'), {
    message: 'practice modules give feedback after each item; assessments after finishing or never',
    path: ['feedback'],
  });
export type ModuleSettings = z.infer<typeof ModuleSettings>;

/**
 * An item model in an assessment's pool, in place of a fixed exercise: what the forge draws for it. Every officer
 * drawing the model gets a document of their own — a new identity, portrait, numbers and MRZ, with the exact truth —
 * generated in the background when an assignment opens (see ModuleItemModels).
 */
export const ItemModelSpec = z.strictObject({
  /** Kept across edits and versions (item analysis reports the model by it); given by the server when absent. */
  id: z.uuid().optional(),
  /** A training state (UTO, ARC, BRG). */
  issuingState: z.string().min(1).max(3),
  documentType: z.enum(FORGEABLE_DOCUMENT_TYPES),
  /** 'genuine' makes genuine documents. */
  fraudType: FraudType,
  /** Default: the (first) operation that produces the fraud type. */
  operation: ForgeOperation.optional(),
  /** The field the operation changes, where it changes one (alter-data, scrub-data, tamper-mrz). */
  target: z.string().min(1).max(40).optional(),
  /** 0 = crude, many obvious tells … 1 = careful, few subtle tells. */
  subtlety: z.number().min(0).max(1).default(0.5),
  /** The question parts asked; default: those every forged exercise asks. */
  parts: ExerciseParts.optional(),
});
export type ItemModelSpec = z.infer<typeof ItemModelSpec>;
export const ItemModel = ItemModelSpec.required({ id: true });
export type ItemModel = z.infer<typeof ItemModel>;

export const ModuleInput = z
  .strictObject({
    title: nameText(160),
    description: z.string().trim().max(8000).default(''),
    /** Specimens studied in the module's lessons. */
    lessonSpecimenIds: z.array(z.uuid()).max(50).default([]),
    /** Exercise ids (their current versions are frozen at publishing). */
    exerciseIds: z.array(z.uuid()).max(500),
    /** Item models (assessments only): each officer drawing one gets a freshly generated document of it. */
    itemModels: z.array(ItemModelSpec).max(100).default([]),
    settings: ModuleSettings,
    /**
     * The unit the module belongs to; its pool holds exercises of that unit only. An instructor's module is in their
     * own unit; an admin's takes the unit of its exercises unless named. Fixed once the module exists.
     */
    unitId: z.uuid().optional(),
  })
  .refine((m) => m.exerciseIds.length + m.itemModels.length > 0, {
    message: 'A module needs at least one exercise or item model in its pool',
    path: ['exerciseIds'],
  });
export type ModuleInput = z.infer<typeof ModuleInput>;

export const ModuleView = z.object({
  id: z.uuid(),
  /** The unit it belongs to; null for content from before units owned it (admin only). */
  unitId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  lessonSpecimenIds: z.array(z.uuid()),
  exerciseIds: z.array(z.uuid()),
  itemModels: z.array(ItemModel),
  settings: ModuleSettings,
  /** Latest published version, null while a draft. */
  publishedVersion: z.object({ id: z.uuid(), version: z.number().int(), publishedAt: z.string() }).nullable(),
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  updatedAt: z.string(),
});
export type ModuleView = z.infer<typeof ModuleView>;

/**
 * Exposure control on the module screen: what each officer needs unseen in an assessment's pool, and for each cohort
 * it is assigned to how much of the assigned version's pool its officers have already seen the truth of (practice
 * feedback, reviews). An assessment never presents an officer such a document.
 */
export const ModuleExposure = z.object({
  moduleId: z.uuid(),
  mode: ModuleMode,
  /** The latest published version's pool; 0 before publishing. */
  poolDocuments: z.number().int(),
  poolGenuine: z.number().int(),
  /** Item models in the latest published version's pool: each a fresh document for every officer and attempt. */
  poolItemModels: z.number().int(),
  /** What one officer needs unseen for every attempt allowed; null for practice or before publishing. */
  need: z
    .object({
      attempts: z.number().int(),
      draw: z.number().int(),
      genuinePerAttempt: z.number().int(),
      documents: z.number().int(),
      genuine: z.number().int(),
    })
    .nullable(),
  /** Answers shown after each of unlimited attempts: no pool can honour exposure control (publishing refuses it). */
  unlimited: z.boolean(),
  cohorts: z.array(
    z.object({
      assignmentId: z.uuid(),
      cohortId: z.uuid(),
      cohortName: z.string(),
      moduleVersion: z.number().int(),
      poolDocuments: z.number().int(),
      officers: z.number().int(),
      /** Documents of the pool whose truth at least one officer of the cohort has seen. */
      exposedDocuments: z.number().int(),
      /** Officers who have seen the truth of at least one document of the pool. */
      officersExposed: z.number().int(),
      /** Officers left with too few unseen documents for the attempts the module allows. */
      officersShort: z.number().int(),
      /** The fewest unseen documents any officer of the cohort has; null without officers. */
      fewestUnseen: z.number().int().nullable(),
    }),
  ),
  /**
   * Modules of the other mode assigned to the same cohorts whose pools share documents with this one: for an
   * assessment the practice modules whose feedback shows the truth of some of its documents, for a practice module
   * the assessments whose documents it shows.
   */
  overlaps: z.array(
    z.object({
      moduleId: z.uuid(),
      title: z.string(),
      mode: ModuleMode,
      cohortId: z.uuid(),
      cohortName: z.string(),
      sharedDocuments: z.number().int(),
    }),
  ),
});
export type ModuleExposure = z.infer<typeof ModuleExposure>;

/** Generation of an item model's documents for the assigned version: how many wait, how many were used, failures. */
export const ItemModelGeneration = z.object({
  model: ItemModel,
  /** Generated documents no officer has drawn yet (the next officers' own). */
  ready: z.number().int(),
  /** Documents being generated (queued or rendering). */
  generating: z.number().int(),
  /** Documents drawn into an officer's attempt (each by one officer only). */
  used: z.number().int(),
  /** Generations that failed, and the latest reason in words. */
  failed: z.number().int(),
  lastError: z.string().nullable(),
});
export type ItemModelGeneration = z.infer<typeof ItemModelGeneration>;

/**
 * GET /api/modules/:id/item-models: the item models of the latest published version and their generated documents.
 * Documents are generated when an assignment opens, one per officer of the cohort plus `buffer` for late joiners and
 * further attempts, topped up as officers start.
 */
export const ModuleItemModels = z.object({
  moduleId: z.uuid(),
  moduleVersionId: z.uuid().nullable(),
  version: z.number().int().nullable(),
  /** Spare documents kept per model beyond one per officer. */
  buffer: z.number().int(),
  /** Officers of the cohorts the version is assigned to (open assignments). */
  officers: z.number().int(),
  models: z.array(ItemModelGeneration),
});
export type ModuleItemModels = z.infer<typeof ModuleItemModels>;

export const CreateAssignmentRequest = z
  .strictObject({
    moduleVersionId: z.uuid(),
    cohortId: z.uuid(),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .refine((a) => !a.closesAt || Date.parse(a.closesAt) > Date.parse(a.opensAt), {
    message: 'closesAt must be after opensAt',
    path: ['closesAt'],
  });
export type CreateAssignmentRequest = z.infer<typeof CreateAssignmentRequest>;

export const AssignmentView = z.object({
  id: z.uuid(),
  cohort: z.object({ id: z.uuid(), name: z.string() }),
  module: z.object({
    id: z.uuid(),
    versionId: z.uuid(),
    version: z.number().int(),
    title: z.string(),
    description: z.string(),
    mode: ModuleMode,
    feedback: FeedbackPolicy,
    itemCount: z.number().int(),
    timePerItemSeconds: z.number().int(),
    moduleTimeSeconds: z.number().int().nullable(),
    passMark: z.number(),
    attemptsAllowed: z.number().int().nullable(),
    hasLessons: z.boolean(),
  }),
  opensAt: z.string(),
  closesAt: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

export const ASSIGNMENT_STATUSES = ['upcoming', 'not-started', 'in-progress', 'completed', 'closed'] as const;
export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

/** What a trainee sees in "My training". */
export const MyAssignmentView = AssignmentView.extend({
  status: AssignmentStatus,
  attemptsUsed: z.number().int(),
  /** Best score in percent over finished attempts whose score may be shown; null if none. */
  bestScore: z.number().nullable(),
  passed: z.boolean().nullable(),
  activeAttemptId: z.uuid().nullable(),
});
export type MyAssignmentView = z.infer<typeof MyAssignmentView>;

/** A specimen study page for trainees: images and annotated features (library media, signed for the trainee). */
export const LessonView = z.object({
  specimenId: z.uuid(),
  title: z.string(),
  issuingState: z.string(),
  documentType: DocumentType,
  description: z.string(),
  images: z.array(z.object({ side: DocumentSide, light: Light, frame: z.number().int(), urls: ImageUrls })),
  features: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: FeatureKind,
      category: FeatureCategory,
      side: DocumentSide,
      lights: z.array(Light),
      region: Polygon,
      description: z.string(),
    }),
  ),
});
export type LessonView = z.infer<typeof LessonView>;

// ------------------------------------------------------------------------------------------------ attempts

export const StartAttemptRequest = z.strictObject({ assignmentId: z.uuid() });
export type StartAttemptRequest = z.infer<typeof StartAttemptRequest>;

export const ATTEMPT_STATUSES = ['in-progress', 'finished'] as const;
export const AttemptStatus = z.enum(ATTEMPT_STATUSES);

export const AttemptView = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  moduleTitle: z.string(),
  mode: ModuleMode,
  feedback: FeedbackPolicy,
  status: AttemptStatus,
  itemCount: z.number().int(),
  /** 1-based number of the first item not yet answered (itemCount + 1 when all are). */
  currentItem: z.number().int(),
  /** Per item: answered or not (no correctness before the mode allows). */
  answered: z.array(z.boolean()),
  timePerItemSeconds: z.number().int(),
  startedAt: z.string(),
  /** Module deadline, if the module is timed or the assignment closes. */
  deadline: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Percent, when finished and the mode allows showing it. */
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  passMark: z.number(),
});
export type AttemptView = z.infer<typeof AttemptView>;

/** A point clicked on one side of the document, normalised 0–1 on that side's image. */
export const MarkedPoint = z.strictObject({
  side: DocumentSide,
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});
export type MarkedPoint = z.infer<typeof MarkedPoint>;

export const ItemAnswer = z.strictObject({
  decision: FirstLineDecision.nullable().default(null),
  points: z.array(MarkedPoint).max(10).default([]),
  fraudType: FraudType.nullable().default(null),
  features: z.array(FeatureKind).max(20).default([]),
  mrzFailedChecks: z.array(MrzCheck).max(5).default([]),
});
export type ItemAnswer = z.infer<typeof ItemAnswer>;

export const ItemResponseRequest = ItemAnswer.extend({
  /** false: autosave of partial state (may be incomplete); true: the final answer, which locks the item. */
  final: z.boolean(),
}).refine((r) => !r.final || r.decision !== null, { message: 'a final answer needs a decision', path: ['decision'] });
export type ItemResponseRequest = z.infer<typeof ItemResponseRequest>;

export const ItemPresentation = z.object({
  attemptId: z.uuid(),
  n: z.number().int().min(1),
  itemCount: z.number().int(),
  /** Opaque id of this item within this attempt. */
  itemId: z.uuid(),
  issuingState: z.string(),
  documentType: DocumentType,
  parts: z.object({
    decision: z.literal(true),
    locate: z.object({ maxPoints: z.number().int() }).nullable(),
    fraudType: z.object({ options: z.array(FraudType) }).nullable(),
    features: z.object({ options: z.array(FeatureKind) }).nullable(),
    mrz: z.object({ lines: z.array(z.string()), checks: z.array(MrzCheck) }).nullable(),
  }),
  sides: z.array(
    z.object({
      side: DocumentSide,
      images: z.array(z.object({ light: Light, frame: z.number().int(), urls: ImageUrls })),
    }),
  ),
  /** The person presenting the document (impostor checks), or null. */
  traveller: ImageUrls.nullable(),
  /** Date, alert list and database checks at the desk, or null. */
  context: CheckContext.nullable(),
  timeAllowedSeconds: z.number().int(),
  /** When the server first served this item; the clock runs from here and does not restart on reload. */
  firstServedAt: z.string(),
  /** Server time now, so the client can correct its clock. */
  serverNow: z.string(),
  /** Autosaved partial state, or the final answer once locked. */
  saved: ItemAnswer.nullable(),
  locked: z.boolean(),
});
export type ItemPresentation = z.infer<typeof ItemPresentation>;

export const PartScore = z.object({
  part: z.enum(['decision', 'locate', 'fraudType', 'features', 'mrz']),
  score: z.number(),
  weight: z.number(),
});

/** The truth for one item, shown after it is locked as the mode allows. */
export const ItemFeedback = z.object({
  verdict: Verdict,
  fraudType: FraudType,
  regions: z.array(TruthRegion),
  explanation: z.string(),
  mrzFailedChecks: z.array(MrzCheck),
  /** 0–1. */
  score: z.number(),
  parts: z.array(PartScore),
  correctDecision: FirstLineDecision,
});
export type ItemFeedback = z.infer<typeof ItemFeedback>;

// ------------------------------------------------------------------------------------------------ preview

/**
 * The document an item presents, without what ties it to an attempt: exactly these fields of an ItemPresentation,
 * built by the same mapper, so an instructor's preview shows what a trainee is shown (and, like it, no truth).
 */
export const PresentedDocument = ItemPresentation.pick({
  issuingState: true,
  documentType: true,
  parts: true,
  sides: true,
  traveller: true,
  context: true,
});
export type PresentedDocument = z.infer<typeof PresentedDocument>;

/** An exercise version as the trainee's player would present it, for its authors to try; nothing is stored. */
export const ExercisePreview = z.object({
  exerciseId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  /** Whether this is the exercise's current version (an older one can be previewed with `?versionId=`). */
  current: z.boolean(),
  title: z.string(),
  item: PresentedDocument,
});
export type ExercisePreview = z.infer<typeof ExercisePreview>;

export const ExercisePreviewQuery = z.strictObject({
  /** A version of the same exercise; the current one when absent. */
  versionId: z.uuid({ message: 'versionId must be a UUID' }).optional(),
});
export type ExercisePreviewQuery = z.infer<typeof ExercisePreviewQuery>;

/** "Try it": an answer as an attempt item takes it, to be scored and never stored. */
export const ExercisePreviewScoreRequest = z.strictObject({
  answer: ItemAnswer.refine((a) => a.decision !== null, {
    message: 'an answer to score needs a decision (accept or refer)',
    path: ['decision'],
  }),
});
export type ExercisePreviewScoreRequest = z.infer<typeof ExercisePreviewScoreRequest>;

/** The feedback a practice item would give for that answer: per-part points, total and the truth. */
export const ExercisePreviewScore = z.object({
  versionId: z.uuid(),
  feedback: ItemFeedback,
});
export type ExercisePreviewScore = z.infer<typeof ExercisePreviewScore>;

export const ItemResponseResult = z.object({
  n: z.number().int(),
  /** 'saved': autosave stored; 'locked': final answer committed. */
  status: z.enum(['saved', 'locked']),
  late: z.boolean(),
  receivedAt: z.string(),
  /** Server-measured, first served → final answer received. */
  responseTimeMs: z.number().int().nullable(),
  /** Practice mode only, after the final answer. */
  feedback: ItemFeedback.nullable(),
});
export type ItemResponseResult = z.infer<typeof ItemResponseResult>;

export const OutcomeCounts = z.object({
  hits: z.number().int(),
  misses: z.number().int(),
  falseAlarms: z.number().int(),
  correctRejections: z.number().int(),
});

export const ResultBreakdown = z.object({
  key: z.string(),
  correct: z.number().int(),
  total: z.number().int(),
  score: z.number(),
});

export const AttemptResults = z.object({
  score: z.number(),
  passed: z.boolean(),
  passMark: z.number(),
  answered: z.number().int(),
  late: z.number().int(),
  outcomes: OutcomeCounts,
  /** Fraudulent documents accepted. */
  missedForgeries: z.number().int(),
  /** Genuine documents referred. */
  needlessReferrals: z.number().int(),
  byFeatureCategory: z.array(ResultBreakdown),
  byFraudType: z.array(ResultBreakdown),
  meanResponseMs: z.number().nullable(),
});
export type AttemptResults = z.infer<typeof AttemptResults>;

export const ReviewItem = z.object({
  n: z.number().int(),
  presentation: ItemPresentation,
  answer: ItemAnswer.nullable(),
  late: z.boolean(),
  responseTimeMs: z.number().int().nullable(),
  feedback: ItemFeedback,
});

export const AttemptReview = z.object({ attempt: AttemptView, results: AttemptResults, items: z.array(ReviewItem) });
export type AttemptReview = z.infer<typeof AttemptReview>;

export const ProgressPoint = z.object({
  attemptId: z.uuid(),
  moduleTitle: z.string(),
  mode: ModuleMode,
  finishedAt: z.string(),
  score: z.number(),
  passed: z.boolean(),
});
export const MyProgress = z.object({ attempts: z.array(ProgressPoint) });
export type MyProgress = z.infer<typeof MyProgress>;

// ------------------------------------------------------------------------------------------------ MRZ check

export const MrzCheckRequest = z.strictObject({ lines: z.array(z.string().max(60)).min(2).max(3) });
export type MrzCheckRequest = z.infer<typeof MrzCheckRequest>;
export const MrzCheckResult = z.object({
  valid: z.boolean(),
  format: z.enum(['TD1', 'TD2', 'TD3']),
  fields: z.record(z.string(), z.string().nullable()),
  checks: z.array(z.object({ field: z.string(), valid: z.boolean() })),
  state: z.object({ code: z.string(), known: z.boolean(), training: z.boolean(), name: z.string().nullable() }),
});
export type MrzCheckResult = z.infer<typeof MrzCheckResult>;
