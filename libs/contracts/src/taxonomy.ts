// The field's vocabulary (DESIGN.md): check levels, decisions, fraud types, lights, security-feature categories.
import { z } from 'zod';

export const ROLES = ['trainee', 'instructor', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LANGUAGES = ['en', 'ur'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const CHECK_LEVELS = ['first-line', 'second-line', 'third-line'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The first-line outcome is binary. */
export const FIRST_LINE_DECISIONS = ['accept', 'refer'] as const;
export const FirstLineDecision = z.enum(FIRST_LINE_DECISIONS);
export type FirstLineDecision = z.infer<typeof FirstLineDecision>;

export const VERDICTS = ['genuine', 'fraudulent'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** Forgery methods for `forged` documents (EU usage). */
export const FORGERY_METHODS = ['photo-substitution', 'data-alteration', 'page-substitution', 'visa-or-stamp'] as const;
export const ForgeryMethod = z.enum(FORGERY_METHODS);
export type ForgeryMethod = z.infer<typeof ForgeryMethod>;

/**
 * Fraud types as a flat list: `forged` is split by method so one choice names both.
 * `genuine` means nothing is wrong.
 */
export const FRAUD_TYPES = [
  'genuine',
  'counterfeit',
  'forged:photo-substitution',
  'forged:data-alteration',
  'forged:page-substitution',
  'forged:visa-or-stamp',
  'pseudo',
  'impostor',
  'fraudulently-obtained',
  'stolen-blank',
] as const;
export const FraudType = z.enum(FRAUD_TYPES);
export type FraudType = z.infer<typeof FraudType>;

export const FRAUD_TYPE_LABELS: Record<FraudType, string> = {
  genuine: 'Genuine — nothing wrong',
  counterfeit: 'Counterfeit — entire reproduction',
  'forged:photo-substitution': 'Forged — photo substitution',
  'forged:data-alteration': 'Forged — data alteration / erasure',
  'forged:page-substitution': 'Forged — page substitution',
  'forged:visa-or-stamp': 'Forged — visa or stamp',
  pseudo: 'Pseudo document — non-existent state or authority',
  impostor: 'Impostor — genuine document, look-alike holder',
  'fraudulently-obtained': 'Fraudulently obtained genuine document',
  'stolen-blank': 'Stolen blank, fraudulently personalised',
};

/** Light sources under which a document is examined. */
export const LIGHTS = ['visible', 'transmitted', 'oblique', 'uv365', 'uv254', 'ir'] as const;
export const Light = z.enum(LIGHTS);
export type Light = z.infer<typeof Light>;

/** Lights available at the first-line desk (eyes, magnifier, UV 365 nm lamp). */
export const FIRST_LINE_LIGHTS: readonly Light[] = ['visible', 'transmitted', 'oblique', 'uv365'];

export const LIGHT_LABELS: Record<Light, string> = {
  visible: 'Visible',
  transmitted: 'Transmitted',
  oblique: 'Oblique',
  uv365: 'UV 365 nm',
  uv254: 'UV 254 nm',
  ir: 'Infrared',
};

/** Security-feature categories and the features in each (PRADO glossary terms). */
export const FEATURE_TAXONOMY = {
  substrate: ['watermark', 'security-fibres', 'planchettes', 'security-thread', 'uv-dull-paper'],
  'printing-technique': ['intaglio', 'offset', 'letterpress', 'screen'],
  'printed-security-design': [
    'guilloche',
    'rosette',
    'microprint',
    'rainbow-printing',
    'see-through-register',
    'anti-scan-pattern',
    'latent-image',
  ],
  'security-inks': ['uv-fluorescent-ink', 'ir-dropout-ink', 'optically-variable-ink', 'metameric-ink'],
  'optically-variable-device': ['dovid', 'kinegram'],
  personalisation: ['laser-engraving', 'inkjet', 'laser-perforation', 'mli-cli', 'ghost-image', 'tactile-relief', 'portrait', 'signature', 'viz-data'],
  'machine-readable': ['mrz', 'barcode', 'chip'],
  construction: ['binding', 'laminate', 'page-numbering'],
} as const;

export type FeatureCategory = keyof typeof FEATURE_TAXONOMY;
export const FEATURE_CATEGORIES = Object.keys(FEATURE_TAXONOMY) as FeatureCategory[];
export const FeatureCategory = z.enum(FEATURE_CATEGORIES as [FeatureCategory, ...FeatureCategory[]]);
export type FeatureKind = (typeof FEATURE_TAXONOMY)[FeatureCategory][number];
export const FEATURE_KINDS = Object.values(FEATURE_TAXONOMY).flat() as FeatureKind[];
export const FeatureKind = z.enum(FEATURE_KINDS as [FeatureKind, ...FeatureKind[]]);

export function categoryOfFeature(kind: FeatureKind): FeatureCategory {
  for (const category of FEATURE_CATEGORIES) {
    if ((FEATURE_TAXONOMY[category] as readonly string[]).includes(kind)) return category;
  }
  throw new Error(`unknown feature kind ${kind}`);
}

/** ICAO Doc 9303 document formats. */
export const DOCUMENT_TYPES = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const;
export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

export const DOCUMENT_SIDES = ['data-page', 'front', 'back', 'visa-page'] as const;
export const DocumentSide = z.enum(DOCUMENT_SIDES);
export type DocumentSide = z.infer<typeof DocumentSide>;

/** A point and a polygon in normalised 0–1 image coordinates. */
export const Point = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export type Point = z.infer<typeof Point>;
export const Polygon = z.array(Point).min(3).max(200);
export type Polygon = z.infer<typeof Polygon>;
