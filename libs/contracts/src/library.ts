// Specimen library and media: request and response shapes.
import { z } from 'zod';
import { ListQuery } from './organisation';
import { DocumentSide, DocumentType, FeatureCategory, FeatureKind, Light, Point, Polygon } from './taxonomy';
import { nameText } from './text';

// ------------------------------------------------------------------------------------------------ media

export const MEDIA_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export const MediaStatus = z.enum(MEDIA_STATUSES);
export type MediaStatus = z.infer<typeof MediaStatus>;

/** Display variant widths and formats every ready image has. */
export const MEDIA_VARIANT_WIDTHS = [640, 1280, 2560] as const;
export const MEDIA_VARIANT_FORMATS = ['webp', 'avif', 'jpeg'] as const;
export type MediaVariantFormat = (typeof MEDIA_VARIANT_FORMATS)[number];

/**
 * Where a browser fetches one image: display variants by width and format, and the DeepZoom descriptor whose
 * tiles sit next to it (`<base>/image_files/<level>/<col>_<row>.webp`, as OpenSeadragon expects).
 * For trainees every URL is a short-lived signed URL bound to their attempt.
 */
export const ImageUrls = z.object({
  width: z.number().int(),
  height: z.number().int(),
  /** DeepZoom descriptor (.dzi). */
  dzi: z.string(),
  /** key `${width}.${format}`, e.g. '1280.webp' → URL. */
  variants: z.record(z.string(), z.string()),
  /** ISO time after which the URLs stop working (signed URLs only). */
  expiresAt: z.string().nullable(),
});
export type ImageUrls = z.infer<typeof ImageUrls>;

export const MediaAssetView = z.object({
  id: z.uuid(),
  status: MediaStatus,
  /** Why processing failed, in words an instructor can act on. */
  failureReason: z.string().nullable(),
  /** Things the pipeline fixed and the uploader should know (e.g. resized to match the side's other lights). */
  warnings: z.array(z.string()),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** 0–100 while processing. */
  progress: z.number().int(),
  createdAt: z.string(),
  /** Present when ready. */
  urls: ImageUrls.nullable(),
});
export type MediaAssetView = z.infer<typeof MediaAssetView>;

// ------------------------------------------------------------------------------------------------ specimens

export const SpecimenImageView = z.object({
  id: z.uuid(),
  side: DocumentSide,
  light: Light,
  /** Oblique frames are numbered from 1; other lights have frame 1. */
  frame: z.number().int().min(1),
  asset: MediaAssetView,
});
export type SpecimenImageView = z.infer<typeof SpecimenImageView>;

export const ZoomHint = z.object({ center: Point, zoom: z.number().min(1).max(64) });
export type ZoomHint = z.infer<typeof ZoomHint>;

export const FeatureAnnotationInput = z.strictObject({
  name: nameText(120),
  kind: FeatureKind,
  category: FeatureCategory,
  side: DocumentSide,
  lights: z.array(Light).min(1).max(6),
  region: Polygon,
  description: z.string().trim().max(4000).default(''),
  zoomHint: ZoomHint.nullable().optional(),
});
export type FeatureAnnotationInput = z.infer<typeof FeatureAnnotationInput>;

export const FeatureAnnotationView = FeatureAnnotationInput.extend({ id: z.uuid(), zoomHint: ZoomHint.nullable() });
export type FeatureAnnotationView = z.infer<typeof FeatureAnnotationView>;

const stateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z<]{3}$/, 'issuing state: a three-letter ICAO code');

const specimenFields = {
  title: nameText(160),
  issuingState: stateCode,
  documentType: DocumentType,
  series: z.string().trim().max(60),
  year: z.number().int().min(1950).max(2100).nullable(),
  description: z.string().trim().max(8000),
};

export const CreateSpecimenRequest = z.strictObject({
  ...specimenFields,
  series: specimenFields.series.default(''),
  year: specimenFields.year.optional(),
  description: specimenFields.description.default(''),
});
export type CreateSpecimenRequest = z.infer<typeof CreateSpecimenRequest>;
/** Only the fields sent change (no defaults here: zod 4 applies defaults inside partial(), which would reset them). */
export const UpdateSpecimenRequest = z.strictObject(specimenFields).partial();
export type UpdateSpecimenRequest = z.infer<typeof UpdateSpecimenRequest>;

export const SpecimenSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  issuingState: z.string(),
  documentType: DocumentType,
  series: z.string(),
  year: z.number().int().nullable(),
  imageCount: z.number().int(),
  featureCount: z.number().int(),
  /** Visible-light data page (or front) thumbnail, when ready. */
  thumbnail: z.string().nullable(),
  updatedAt: z.string(),
});
export type SpecimenSummary = z.infer<typeof SpecimenSummary>;

export const SpecimenView = SpecimenSummary.extend({
  description: z.string(),
  images: z.array(SpecimenImageView),
  features: z.array(FeatureAnnotationView),
});
export type SpecimenView = z.infer<typeof SpecimenView>;

export const SpecimenListQuery = ListQuery.extend({
  issuingState: stateCode.optional(),
  documentType: DocumentType.optional(),
});
export type SpecimenListQuery = z.infer<typeof SpecimenListQuery>;

/** Multipart fields sent with an image upload (`file` is the image). */
export const SpecimenImageUploadFields = z.strictObject({
  side: DocumentSide,
  light: Light,
  frame: z.coerce.number().int().min(1).max(12).default(1),
});
export type SpecimenImageUploadFields = z.infer<typeof SpecimenImageUploadFields>;

/**
 * The text fields of POST /media/uploads: a photograph not tied to a specimen (e.g. of a seized forgery, for an
 * exercise).
 * `group` names one document side of one upload session: the images of a group are processed to the same size, as a
 * specimen side's lights are.
 */
export const MediaUploadFields = z.strictObject({
  side: DocumentSide.optional(),
  light: Light.optional(),
  frame: z.coerce.number().int().min(1).max(12).default(1),
  group: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'group is 1–64 letters, digits, "-" or "_"')
    .optional(),
});
export type MediaUploadFields = z.infer<typeof MediaUploadFields>;

/** Replace all annotations of a specimen at once (what the annotation editor saves). */
export const ReplaceFeaturesRequest = z.strictObject({ features: z.array(FeatureAnnotationInput).max(200) });
export type ReplaceFeaturesRequest = z.infer<typeof ReplaceFeaturesRequest>;
