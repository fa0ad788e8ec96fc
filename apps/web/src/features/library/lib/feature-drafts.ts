// The annotation editor's list of security features: entries with a local key until saved, and the list as the
// API takes it.
import type { FeatureAnnotationInput, Point, SpecimenView } from '@firstline/contracts';

/** A feature in the editor's list; `key` tells entries apart before they have an id. */
export type FeatureDraft = FeatureAnnotationInput & { key: string };

let seq = 0;
/** A key for a list entry not saved yet. */
export const newKey = () => `f${++seq}`;

/** The centre of a region (where its label goes), rounded to 4 places like the points. */
export const centroid = (region: Point[]): Point => {
  const [sx, sy] = region.reduce(([x, y], p) => [x + p[0], y + p[1]], [0, 0]);
  return [Math.round((sx / region.length) * 10000) / 10000, Math.round((sy / region.length) * 10000) / 10000];
};

/** The list as the API takes it (no local keys), for sending and for telling whether anything changed. */
export const toInput = (list: FeatureDraft[]): FeatureAnnotationInput[] =>
  list.map(({ name, kind, category, side, lights, region, description, zoomHint }) => ({
    name,
    kind,
    category,
    side,
    lights,
    region,
    description,
    zoomHint: zoomHint ?? null,
  }));

/** The saved features as list entries. */
export const fromView = (specimen: SpecimenView): FeatureDraft[] =>
  specimen.features.map(({ id: _id, ...f }) => ({ ...f, key: newKey() }));
