// The field's vocabulary as plain values (DESIGN.md): roles, languages, check levels, decisions, fraud types, lights,
// security-feature categories, document types. No zod here: the web app's trainee screens use these lists at run
// time, and importing them must not pull the schema library into its bundle. taxonomy.ts builds the schemas on them.

export const ROLES = ['trainee', 'instructor', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'ur'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHECK_LEVELS = ['first-line', 'second-line', 'third-line'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The first-line outcome is binary. */
export const FIRST_LINE_DECISIONS = ['accept', 'refer'] as const;
export type FirstLineDecision = (typeof FIRST_LINE_DECISIONS)[number];

export const VERDICTS = ['genuine', 'fraudulent'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Forgery methods for `forged` documents (EU usage). */
export const FORGERY_METHODS = ['photo-substitution', 'data-alteration', 'page-substitution', 'visa-or-stamp'] as const;
export type ForgeryMethod = (typeof FORGERY_METHODS)[number];

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
export type FraudType = (typeof FRAUD_TYPES)[number];

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
export type Light = (typeof LIGHTS)[number];

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
  personalisation: [
    'laser-engraving',
    'inkjet',
    'laser-perforation',
    'mli-cli',
    'ghost-image',
    'tactile-relief',
    'portrait',
    'signature',
    'viz-data',
  ],
  'machine-readable': ['mrz', 'barcode', 'chip'],
  construction: ['binding', 'laminate', 'page-numbering'],
} as const;

export type FeatureCategory = keyof typeof FEATURE_TAXONOMY;
export const FEATURE_CATEGORIES = Object.keys(FEATURE_TAXONOMY) as FeatureCategory[];
export type FeatureKind = (typeof FEATURE_TAXONOMY)[FeatureCategory][number];
export const FEATURE_KINDS = Object.values(FEATURE_TAXONOMY).flat() as FeatureKind[];

export function categoryOfFeature(kind: FeatureKind): FeatureCategory {
  for (const category of FEATURE_CATEGORIES) {
    if ((FEATURE_TAXONOMY[category] as readonly string[]).includes(kind)) return category;
  }
  throw new Error(`unknown feature kind ${kind}`);
}

/** ICAO Doc 9303 document formats. */
export const DOCUMENT_TYPES = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_SIDES = ['data-page', 'front', 'back', 'visa-page'] as const;
export type DocumentSide = (typeof DOCUMENT_SIDES)[number];
