// @firstline/forge — synthetic ICAO 9303 specimen documents and forgery operations with exact ground truth.
export type {
  DocumentInstance,
  FeatureAnnotation,
  VizField,
  SideInfo,
  ImageRef,
  InstanceContext,
  StolenBlankSeries,
  RecordCheck,
  TravellerInfo,
  GroundTruth,
  TamperRegion,
  TruthFeature,
  ForgeryResult,
  Recipe,
  Holder,
  DocumentData,
  DocumentFormat,
  VizFieldKey,
} from './types';
export {
  renderGenuine,
  renderImages,
  renderImage,
  renderRaw,
  renderTraveller,
  instanceFromRecipe as describe,
  genuineRecipe,
  inStolenSeries,
  STOLEN_BLANK_SERIES,
  DEFAULT_DPI,
  type GenuineOptions,
  type RenderOptions,
  type InstanceImage,
} from './instance';
export {
  genuineTruth,
  photoSubstitution,
  alterData,
  scrubData,
  tamperMrz,
  counterfeit,
  pageSubstitution,
  impostor,
  pseudo,
  stolenBlank,
  fraudulentlyObtained,
  forgeStamp,
  FORGERIES,
  OPERATIONS_BY_FRAUD_TYPE,
  ForgeError,
  type ForgeryName,
  type ForgeryOptions,
  type PhotoSubstitutionOptions,
  type AlterDataOptions,
  type TamperMrzOptions,
  type CounterfeitOptions,
  type PseudoOptions,
  type StampForgeryOptions,
} from './forgery';
export { generateBatch, planBatch, batchItem, type BatchOptions, type BatchItem } from './batch';
export { writeInstance, instanceJson, presentationOf, INSTANCE_FILE } from './io';
export {
  checkMrz,
  checkDigit,
  td1Lines,
  td3Lines,
  isKnownStateCode,
  MrzFormatError,
  type MrzCheckResult,
  type MrzFieldCheck,
  type MrzFormat,
} from './mrz';
export { benchGenerateTd3, type BenchResult } from './bench';
export { ALL_LIGHTS, OBLIQUE_FRAMES, PNG_OPTIONS, type RenderedImage } from './render/render';
export { TRAINING_DESIGNS, PSEUDO_DESIGNS, stateDesign, type StateDesign } from './states';
export { faceParams, lookAlikeParams, identityVector, type FaceParams } from './face';
export { REFERENCE_DATE } from './identity';
export {
  demoSpecimens,
  demoExercises,
  writeDemoLibrary,
  DEMO_DEFAULTS,
  DEMO_SPECIMEN_COUNT,
  type DemoLibraryHooks,
  type DemoLibraryOptions,
  type DemoLibraryPart,
  type DemoManifest,
  type DemoManifestEntry,
} from './demo';
export {
  forgePhotographs,
  lightsNeeded,
  lightsShowing,
  substituteTraveller,
  PHOTO_OPERATIONS,
  type Photograph,
  type PhotoForgeRequest,
  type PhotoForgeResult,
  type PhotoOperation,
} from './photo-forge';
