// @firstline/scoring — pure scoring and psychometrics: item scoring, signal detection, item analysis, Rasch estimates.
export { inverseNormalCdf, normalCdf, normalPdf } from './normal';
export {
  assignClicks,
  distancePointToPolygon,
  distancePointToPolygonEdge,
  distancePointToSegment,
  pointInPolygon,
  scoreLocate,
} from './locate';
export type { LocateOptions, LocateRegion, Point, Polygon } from './locate';
export { aPrime, classifyDecision, countOutcomes, signalDetection } from './signal-detection';
export type {
  DecisionOutcome,
  FirstLineDecision,
  OutcomeCounts,
  RateCorrection,
  SignalDetectionOptions,
  SignalDetectionResult,
  Verdict,
} from './signal-detection';
export { DEFAULT_PART_WEIGHTS, SCORED_PARTS, scoreFraudType, scoreResponse, scoreSelection } from './response';
export type {
  ItemResponse,
  ItemTruth,
  PartResult,
  PartStatus,
  PartWeights,
  ResponseScore,
  ScoredPart,
  ScoreResponseOptions,
  SelectionRule,
} from './response';
export { itemAnalysis } from './item-analysis';
export type { ItemAnalysisResult, ItemStatistics } from './item-analysis';
export { poolItemAnalysis } from './pool-item-analysis';
export type { PoolItemAnalysisResult, PoolItemStatistics } from './pool-item-analysis';
export { randomGuessScore } from './random-guess';
export { estimateRasch } from './rasch';
export type { DichotomousResponse, RaschEstimates, RaschOptions } from './rasch';
// Moodle's published worked example (results00 → qstats00), for the specs that check figures against it.
export { MOODLE_QSTATS_00, MOODLE_RESULTS_00 } from './moodle-reference';
