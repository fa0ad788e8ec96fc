// Schemas for the field's vocabulary (DESIGN.md). The lists themselves live in vocabulary.ts, which has no zod,
// and are re-exported from here so `@firstline/contracts` exports them as before.
import { z } from 'zod';
import {
  DOCUMENT_SIDES,
  DOCUMENT_TYPES,
  FEATURE_CATEGORIES,
  FEATURE_KINDS,
  FIRST_LINE_DECISIONS,
  FORGERY_METHODS,
  FRAUD_TYPES,
  LANGUAGES,
  LIGHTS,
  ROLES,
  VERDICTS,
  type FeatureCategory as FeatureCategoryName,
  type FeatureKind as FeatureKindName,
} from './vocabulary';

export {
  CHECK_LEVELS,
  DOCUMENT_SIDES,
  DOCUMENT_TYPES,
  FEATURE_CATEGORIES,
  FEATURE_KINDS,
  FEATURE_TAXONOMY,
  FIRST_LINE_DECISIONS,
  FIRST_LINE_LIGHTS,
  FORGERY_METHODS,
  FRAUD_TYPE_LABELS,
  FRAUD_TYPES,
  LANGUAGES,
  LIGHT_LABELS,
  LIGHTS,
  ROLES,
  VERDICTS,
  categoryOfFeature,
  type CheckLevel,
} from './vocabulary';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const FirstLineDecision = z.enum(FIRST_LINE_DECISIONS);
export type FirstLineDecision = z.infer<typeof FirstLineDecision>;

export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const ForgeryMethod = z.enum(FORGERY_METHODS);
export type ForgeryMethod = z.infer<typeof ForgeryMethod>;

export const FraudType = z.enum(FRAUD_TYPES);
export type FraudType = z.infer<typeof FraudType>;

export const Light = z.enum(LIGHTS);
export type Light = z.infer<typeof Light>;

export type FeatureCategory = FeatureCategoryName;
export const FeatureCategory = z.enum(FEATURE_CATEGORIES as [FeatureCategory, ...FeatureCategory[]]);
export type FeatureKind = FeatureKindName;
export const FeatureKind = z.enum(FEATURE_KINDS as [FeatureKind, ...FeatureKind[]]);

export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

export const DocumentSide = z.enum(DOCUMENT_SIDES);
export type DocumentSide = z.infer<typeof DocumentSide>;

/** A point and a polygon in normalised 0–1 image coordinates. */
export const Point = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
export type Point = z.infer<typeof Point>;
export const Polygon = z.array(Point).min(3).max(200);
export type Polygon = z.infer<typeof Polygon>;

/** The forge's operations, as the API names them; each produces one fraud type (see FORGE_OPERATIONS_BY_FRAUD_TYPE). */
export const FORGE_OPERATIONS = [
  'photo-substitution',
  'alter-data',
  'scrub-data',
  'tamper-mrz',
  'counterfeit',
  'page-substitution',
  'impostor',
  'pseudo',
  'stolen-blank',
  'fraudulently-obtained',
  'forge-stamp',
] as const;
export const ForgeOperation = z.enum(FORGE_OPERATIONS);
export type ForgeOperation = z.infer<typeof ForgeOperation>;

/** Document types the forge draws. */
export const FORGEABLE_DOCUMENT_TYPES = ['TD1', 'TD3'] as const;
