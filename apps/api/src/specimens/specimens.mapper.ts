// Specimen rows → contract views. One place maps an annotated feature, for the library and for lessons alike.
import {
  DOCUMENT_SIDES,
  LIGHTS,
  type DocumentSide,
  type FeatureAnnotationInput,
  type FeatureAnnotationView,
  type ImageUrls,
  type LessonView,
  type Light,
  type MediaAssetView,
  type SpecimenImageView,
  type SpecimenSummary,
  type SpecimenView,
} from '@firstline/contracts';
import type { Specimen, SpecimenFeature, SpecimenImage } from './specimen.entity';
import type { LessonSpecimen, NewSpecimenFeature, SpecimenListRow } from './specimens.repository';

/** The display variant a thumbnail shows. */
const THUMBNAIL_VARIANT = '640.webp';

/** Images in reading order: by side, then light, then frame (the order of DOCUMENT_SIDES and LIGHTS). */
export function bySideLightFrame(
  a: { side: DocumentSide; light: Light; frame: number },
  b: { side: DocumentSide; light: Light; frame: number },
): number {
  return (
    DOCUMENT_SIDES.indexOf(a.side) - DOCUMENT_SIDES.indexOf(b.side) ||
    LIGHTS.indexOf(a.light) - LIGHTS.indexOf(b.light) ||
    a.frame - b.frame
  );
}

/** An annotated feature as the library shows it (with its zoom hint). */
export function toFeatureView(feature: SpecimenFeature): FeatureAnnotationView {
  return { ...toLessonFeature(feature), zoomHint: feature.zoomHint };
}

/** An annotated feature as a lesson shows it. */
export function toLessonFeature(feature: SpecimenFeature): LessonView['features'][number] {
  return {
    id: feature.id,
    name: feature.name,
    kind: feature.kind,
    category: feature.category,
    side: feature.side,
    lights: feature.lights,
    region: feature.region,
    description: feature.description,
  };
}

/** The row an edited annotation is stored as, at `position` in the editor's list. */
export function toFeatureRow(specimenId: string, input: FeatureAnnotationInput, position: number): NewSpecimenFeature {
  return {
    specimenId,
    position,
    name: input.name,
    kind: input.kind,
    category: input.category,
    side: input.side,
    lights: input.lights,
    region: input.region,
    description: input.description ?? '',
    zoomHint: input.zoomHint ?? null,
  };
}

export function toSpecimenSummary(row: SpecimenListRow, thumbnail: ImageUrls | undefined): SpecimenSummary {
  return {
    id: row.id,
    title: row.title,
    issuingState: row.issuingState,
    documentType: row.documentType,
    series: row.series,
    year: row.year,
    imageCount: row.imageCount,
    featureCount: row.featureCount,
    thumbnail: thumbnail?.variants[THUMBNAIL_VARIANT] ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The full view. `images` are all the specimen's images; those whose asset has no view are left out of the list
 * but counted. The thumbnail is the visible data page (else front) once it has URLs.
 */
export function toSpecimenView(
  specimen: Specimen,
  images: SpecimenImage[],
  assets: Map<string, MediaAssetView>,
  features: SpecimenFeature[],
): SpecimenView {
  const imageViews: SpecimenImageView[] = [...images]
    .sort(bySideLightFrame)
    .filter((image) => assets.has(image.assetId))
    .map((image) => ({
      id: image.id,
      side: image.side,
      light: image.light,
      frame: image.frame,
      asset: assets.get(image.assetId)!,
    }));
  const visibleWithUrls = (side: DocumentSide) =>
    imageViews.find((image) => image.light === 'visible' && image.side === side && image.asset.urls);
  const thumbnail = visibleWithUrls('data-page') ?? visibleWithUrls('front');
  return {
    id: specimen.id,
    title: specimen.title,
    issuingState: specimen.issuingState,
    documentType: specimen.documentType,
    series: specimen.series,
    year: specimen.year,
    description: specimen.description,
    imageCount: images.length,
    featureCount: features.length,
    thumbnail: thumbnail?.asset.urls?.variants[THUMBNAIL_VARIANT] ?? null,
    updatedAt: specimen.updatedAt.toISOString(),
    images: imageViews,
    features: features.map(toFeatureView),
  };
}

/** A specimen study page: its signed images in reading order (unsigned ones left out) and its features. */
export function toLessonView(
  specimen: LessonSpecimen,
  images: SpecimenImage[],
  urls: Map<string, ImageUrls>,
  features: SpecimenFeature[],
): LessonView {
  return {
    specimenId: specimen.id,
    title: specimen.title,
    issuingState: specimen.issuingState,
    documentType: specimen.documentType,
    description: specimen.description,
    images: images
      .filter((image) => urls.has(image.assetId))
      .sort(bySideLightFrame)
      .map((image) => ({ side: image.side, light: image.light, frame: image.frame, urls: urls.get(image.assetId)! })),
    features: features.map(toLessonFeature),
  };
}
