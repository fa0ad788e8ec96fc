// Public shapes of forge: document instances, feature annotations, ground truth, and the recipe an instance is
// rendered from (a serialisable description, so an instance can be re-rendered at any time, identically).
import type {
  DocumentSide,
  FeatureCategory,
  FeatureKind,
  FraudType,
  Light,
  Polygon,
  Verdict,
} from '@firstline/contracts';
import type { DocumentData, DocumentFormat, Holder } from './identity';
import type { FontName } from './render/font';
import type { RGB, VizFieldKey } from './states';

export type { DocumentFormat, Holder, DocumentData, VizFieldKey, RGB };

/** A security feature drawn on a side, with where and under which light it is checked. */
export interface FeatureAnnotation {
  /** Stable id within the instance, e.g. 'microprint-header'. */
  id: string;
  /** Feature kind from the contracts' taxonomy (FEATURE_TAXONOMY). */
  name: FeatureKind;
  category: FeatureCategory;
  /** What an instructor would call it on this document. */
  label: string;
  side: DocumentSide;
  lights: Light[];
  /** Normalised 0–1 image coordinates of the side. */
  polygon: Polygon;
  /** How to check it. */
  description: string;
}

export interface VizField {
  key: VizFieldKey;
  label: string;
  labelLocal: string;
  value: string;
  side: DocumentSide;
  /** Box of the printed value, normalised. */
  polygon: Polygon;
}

export interface SideInfo {
  side: DocumentSide;
  widthMm: number;
  heightMm: number;
  width: number;
  height: number;
}

/** One image file of an instance. Oblique light has several tilt frames (1-based). */
export interface ImageRef {
  side: DocumentSide;
  light: Light;
  frame?: number;
  /** File name relative to the instance folder. */
  file: string;
  width: number;
  height: number;
}

export interface StolenBlankSeries {
  state: string;
  documentType: DocumentFormat;
  from: string;
  to: string;
  reportedOn: string;
}

export interface RecordCheck {
  source: string;
  result: 'no-hit' | 'match' | 'hit' | 'discrepancy';
  note: string;
}

/** What an officer could know besides the document: the exercise date, alert lists and database checks. */
export interface InstanceContext {
  referenceDate: string;
  stolenBlankSeries: StolenBlankSeries[];
  records: RecordCheck[];
  borderPosts?: { state: string; code: string; name: string }[];
}

export interface TravellerInfo {
  /** Image file of the person presenting the document. */
  file: string;
  width: number;
  height: number;
}

export interface DocumentInstance {
  id: string;
  seed: string;
  documentType: DocumentFormat;
  state: { code: string; name: string; exists: boolean };
  dpi: number;
  sides: SideInfo[];
  images: ImageRef[];
  holder: Holder;
  document: DocumentData;
  viz: VizField[];
  /** The MRZ exactly as printed on the document. */
  mrz: string[];
  features: FeatureAnnotation[];
  traveller: TravellerInfo;
  context: InstanceContext;
  /** Everything needed to render the images again (internal; stable within a forge version). */
  recipe: Recipe;
}

export interface TruthFeature {
  name: FeatureKind;
  category: FeatureCategory;
}

export interface TamperRegion {
  side: DocumentSide;
  polygon: Polygon;
  features: TruthFeature[];
  lights: Light[];
  /** Short instructor note for this region. */
  note?: string;
}

export interface GroundTruth {
  verdict: Verdict;
  fraudType: FraudType;
  regions: TamperRegion[];
  explanation: string;
  /** MRZ check digits that fail, by mrz field name (e.g. 'birthDateCheckDigit'). */
  mrzFailedChecks?: string[];
  /** The forgery operation and its parameters, for authoring screens. */
  operation?: { name: string; params: Record<string, unknown> };
}

export interface ForgeryResult {
  instance: DocumentInstance;
  truth: GroundTruth;
}

// ------------------------------------------------------------------------------------------------ recipe

export interface FieldAlteration {
  field: VizFieldKey;
  newValue: string;
  /** 'overprint': cleanly erased and retyped; 'scrub': chemical/mechanical erasure leaving residue. */
  method: 'overprint' | 'scrub';
  /** Opacity of the old value left behind, 0–1. */
  residue: number;
  font: FontName;
  /** Baseline shift in mm (positive = lower). */
  baselineShift: number;
  /** Horizontal shift in mm. */
  xShift: number;
  color: RGB;
  /** Size factor relative to the genuine value (1 = same). */
  sizeFactor: number;
  /** Strength of the fluorescent erasure stain under UV, 0–1. */
  erasureGlow: number;
  /** How much the background print is damaged inside the erased box, 0–1. */
  damage: number;
  /** Whether the new ink absorbs infrared (toner) or drops out (dye ink). */
  irVisible: boolean;
}

export interface MrzAlteration {
  /** Lines as printed after tampering. */
  lines: string[];
  residue: number;
  irVisible: boolean;
  baselineShift: number;
}

export interface PhotoSubstitutionSpec {
  faceSeed: string;
  /** Face of the new photo as a colour photographic print (crude) or a greyscale print (careful). */
  colour: boolean;
  /** Visibility of the cut edge and lamination step, 0–1. */
  edge: number;
  /** Misregistration of the new photo, mm. */
  offset: [number, number];
  replaceGhost: boolean;
  /** What the forger did with the OVD over the photo corner. */
  ovd: 'missing' | 'imitated';
}

export interface CounterfeitSpec {
  /** 0 crude … 1 careful. */
  quality: number;
  uv: 'missing' | 'wrong-colour';
  fibres: 'printed' | 'absent';
  ovd: 'flat' | 'absent';
  /** Colour drift of the reproduced inks, 0–1. */
  colourShift: number;
}

export interface PageSubstitutionSpec {
  seriesSeed: string;
  /** Misspelt microprint of the other series. */
  microtext: string;
}

export interface StampSpec {
  /** Stable identity on the page (layer and ink texture); survives other stamps being removed. */
  id: number;
  state: string;
  postCode: string;
  postName: string;
  date: string;
  direction: 'entry' | 'exit';
  /** Position of the stamp centre on the visa page, mm, and rotation in degrees. */
  x: number;
  y: number;
  rotation: number;
  ink: RGB;
  /** Genuine stamps carry the period's security notch and fluorescent ink. */
  forged?: {
    /** Wrong date format, unknown post, missing notch, non-fluorescent ink. */
    wrongDateFormat: boolean;
    unknownPost: boolean;
    missingNotch: boolean;
    nonFluorescent: boolean;
    /** Added on top of the genuine page (true) or replacing an existing stamp (false). */
    added: boolean;
  };
}

export interface Recipe {
  v: 1;
  seed: string;
  format: DocumentFormat;
  state: string;
  dpi: number;
  holder: Holder;
  document: DocumentData;
  faceSeed: string;
  travellerFaceSeed: string;
  /** 'same' draws the holder with a live pose; 'look-alike' draws someone else with the holder's style. */
  traveller: 'same' | 'look-alike';
  withVisaPage: boolean;
  stamps: StampSpec[];
  personalisation: 'laser' | 'inkjet';
  alterations: FieldAlteration[];
  mrzAlteration?: MrzAlteration;
  photoSubstitution?: PhotoSubstitutionSpec;
  counterfeit?: CounterfeitSpec;
  pageSubstitution?: PageSubstitutionSpec;
  context: InstanceContext;
}
