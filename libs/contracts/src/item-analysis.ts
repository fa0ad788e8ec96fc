// Item analysis: which exercises of a module work, which mislead, and where officers click. The figures are Moodle's
// quiz statistics (docs.moodle.org/dev/Quiz_statistics_calculations) from `libs/scoring`, shown as Moodle shows
// them: percentages 0–100, null where Moodle leaves the cell blank. Only finished attempts count.
import { z } from 'zod';
import { MrzCheck, TruthRegion } from './exercises';
import { DocumentSide, FeatureKind, FirstLineDecision, FraudType, Light, Verdict } from './taxonomy';

/** Items with fewer responses than this are shown greyed: too few to judge (ITEM_ANALYSIS_MIN_RESPONSES overrides). */
export const DEFAULT_MIN_ITEM_RESPONSES = 10;

/**
 * Moodle's flags. `low-efficiency`: discriminative efficiency under 15 % (dubious). `very-likely-needs-checking`:
 * discrimination index under 30; `likely-needs-checking`: under 50. `negative-covariance`: the item's covariance
 * with the total is negative (effective weight blank). `too-few-responses`: under the minimum, figures not judged.
 */
export const ITEM_FLAGS = [
  'low-efficiency',
  'very-likely-needs-checking',
  'likely-needs-checking',
  'negative-covariance',
  'too-few-responses',
] as const;
export const ItemFlag = z.enum(ITEM_FLAGS);
export type ItemFlag = z.infer<typeof ItemFlag>;

export const ItemAnalysisQuery = z.strictObject({
  /** Module version number; default: the latest published version. */
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type ItemAnalysisQuery = z.infer<typeof ItemAnalysisQuery>;

export const TestStatistics = z.object({
  /** Finished attempts counted. */
  attempts: z.number().int(),
  /** Mean, median and SD of the attempts' totals, % of the maximum total. */
  mean: z.number().nullable(),
  median: z.number().nullable(),
  sd: z.number().nullable(),
  skewness: z.number().nullable(),
  kurtosis: z.number().nullable(),
  /** Coefficient of internal consistency (Cronbach's α), %. */
  cic: z.number().nullable(),
  /** %. */
  errorRatio: z.number().nullable(),
  /** Standard error of measurement, % of the maximum total. */
  standardError: z.number().nullable(),
});
export type TestStatistics = z.infer<typeof TestStatistics>;

export const ItemAnalysisRow = z.object({
  /** 1-based position in the module version's pool. */
  position: z.number().int(),
  exerciseId: z.uuid(),
  exerciseVersionId: z.uuid(),
  /** The exercise version's number and whether it is still the exercise's current version. */
  exerciseVersion: z.number().int(),
  current: z.boolean(),
  title: z.string(),
  issuingState: z.string(),
  verdict: Verdict,
  fraudType: FraudType,
  /** Finished attempts this item was drawn into. */
  responses: z.number().int(),
  /** Mean item score in percent over the attempts counted. */
  facility: z.number().nullable(),
  sd: z.number().nullable(),
  /** Expected score (%) of an officer who picks the decision and fraud type at random and marks nothing else. */
  randomGuessScore: z.number().nullable(),
  intendedWeight: z.number().nullable(),
  effectiveWeight: z.number().nullable(),
  discriminationIndex: z.number().nullable(),
  discriminativeEfficiency: z.number().nullable(),
  /** Rasch difficulty (logits) of the first-line decision (right = hit or correct rejection); ±∞ shown as null. */
  raschDifficulty: z.number().nullable(),
  /** Everyone decided right (−∞) or wrong (+∞); null otherwise. */
  raschExtreme: z.enum(['all-right', 'all-wrong']).nullable(),
  meanDecisionMs: z.number().nullable(),
  flags: z.array(ItemFlag),
  /**
   * Present on an item model's row (its id in exerciseId and exerciseVersionId): the item figures pool every officer's
   * own generated document of the model; `instances` of them were drawn into finished attempts, and their facilities
   * vary by `facilitySd` percentage points (sample SD; null under two).
   */
  itemModel: z.object({ instances: z.number().int(), facilitySd: z.number().nullable() }).optional(),
});
export type ItemAnalysisRow = z.infer<typeof ItemAnalysisRow>;

/** One officer attempt on the Wright map: Rasch ability (logits) of its first-line decisions. */
export const AbilityPoint = z.object({ ability: z.number(), count: z.number().int() });

export const ItemAnalysis = z.object({
  moduleId: z.uuid(),
  moduleTitle: z.string(),
  moduleVersionId: z.uuid(),
  version: z.number().int(),
  /** Every published version of the module, newest first, for the version picker. */
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string() })),
  test: TestStatistics,
  items: z.array(ItemAnalysisRow),
  /** The Wright map: attempt abilities binned to 0.25 logit (finite ones), and the items' difficulties above. */
  abilities: z.array(AbilityPoint),
  /** Attempts scoring every decision right or wrong (no finite ability). */
  extremeAbilities: z.object({ allRight: z.number().int(), allWrong: z.number().int() }),
  minResponses: z.number().int(),
  /** When these figures were calculated, and finished attempts since then (Moodle's "N attempts since"). */
  calculatedAt: z.string(),
  attemptsSince: z.number().int(),
  /** A background recalculation is running. */
  recalculating: z.boolean(),
});
export type ItemAnalysis = z.infer<typeof ItemAnalysis>;

/** 202 answer of POST …/item-analysis/recalculate. */
export const RecalculationAccepted = z.object({ recalculating: z.literal(true), calculatedAt: z.string().nullable() });
export type RecalculationAccepted = z.infer<typeof RecalculationAccepted>;

// ------------------------------------------------------------------------------------------------ responses

const Count = z.object({ key: z.string(), count: z.number().int() });

/** What officers answered on one exercise (in one module version, or across every module with `moduleId` absent). */
export const ItemResponses = z.object({
  exerciseId: z.uuid(),
  exerciseVersionId: z.uuid(),
  title: z.string(),
  verdict: Verdict,
  fraudType: FraudType,
  /** Responses counted (locked answers of finished attempts). */
  responses: z.number().int(),
  /** The first-line decision split; `correct` marks the decision the truth asks for. */
  decisions: z.array(z.object({ decision: FirstLineDecision, count: z.number().int(), correct: z.boolean() })),
  /** Late or unanswered. */
  noDecision: z.number().int(),
  /** Fraud types chosen (when the part was asked), most chosen first. */
  fraudTypes: z.array(Count),
  /** Features chosen, with whether the truth lists them. */
  features: z.array(z.object({ key: FeatureKind, count: z.number().int(), inTruth: z.boolean() })),
  /** MRZ checks marked failing, with whether the truth lists them. */
  mrzChecks: z.array(z.object({ key: MrzCheck, count: z.number().int(), inTruth: z.boolean() })),
});
export type ItemResponses = z.infer<typeof ItemResponses>;

/** Across a module version's pool: which fraud type (truth) was taken for which (chosen), counts of responses. */
export const FraudTypeConfusion = z.object({
  fraudTypes: z.array(FraudType),
  /** cells[i][j]: responses whose truth is fraudTypes[i] and whose chosen fraud type is fraudTypes[j]. */
  cells: z.array(z.array(z.number().int())),
  /** Per truth row, responses with no fraud type chosen. */
  none: z.array(z.number().int()),
});
export type FraudTypeConfusion = z.infer<typeof FraudTypeConfusion>;

// ------------------------------------------------------------------------------------------------ clicks

export const ClicksQuery = z.strictObject({
  /** Default: the first side the exercise has (front, else back, else data page …). */
  side: DocumentSide.optional(),
  light: Light.optional(),
  /** Exercise version id; default: the current version. Points placed on other versions are not mixed in. */
  versionId: z.uuid().optional(),
  /** Narrow to the responses of one module. */
  moduleId: z.uuid().optional(),
});
export type ClicksQuery = z.infer<typeof ClicksQuery>;

export const ExerciseClicks = z.object({
  exerciseId: z.uuid(),
  exerciseVersionId: z.uuid(),
  side: DocumentSide,
  /** The light whose image is shown (the query's, else the first the side has). */
  light: Light,
  /** Lights this side has images under, for the picker. */
  lights: z.array(Light),
  /** Sides the exercise has. */
  sides: z.array(DocumentSide),
  /** The side's image under that light: a short-lived signed URL and its size in pixels. */
  image: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
  /** Every locate point officers placed on this side, normalised 0–1; `hit`: inside a true region of the side. */
  points: z.array(z.object({ x: z.number(), y: z.number(), hit: z.boolean() })),
  /** The true regions of this side. */
  regions: z.array(TruthRegion),
  /** Responses whose points were counted (locked answers of finished attempts). */
  responses: z.number().int(),
  /** Share 0–1 of the points that hit no region; null without points. */
  missShare: z.number().nullable(),
});
export type ExerciseClicks = z.infer<typeof ExerciseClicks>;

// ------------------------------------------------------------------------------------------------ one exercise

/** One exercise across every module version that used it. */
export const ExerciseUsage = z.object({
  exerciseId: z.uuid(),
  title: z.string(),
  modules: z.array(
    z.object({
      moduleId: z.uuid(),
      moduleTitle: z.string(),
      version: z.number().int(),
      position: z.number().int(),
      exerciseVersion: z.number().int(),
      responses: z.number().int(),
      facility: z.number().nullable(),
      discriminationIndex: z.number().nullable(),
      discriminativeEfficiency: z.number().nullable(),
      flags: z.array(ItemFlag),
    }),
  ),
});
export type ExerciseUsage = z.infer<typeof ExerciseUsage>;
