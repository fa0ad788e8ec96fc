// Geometry and QTI-style area-mapping for "where is the forgery?" click answers, in normalised 0–1 coordinates.

/** `[x, y]` in normalised image coordinates (0–1 on both axes). */
export type Point = readonly [number, number];
export type Polygon = readonly Point[];

export interface LocateRegion {
  polygon: Polygon;
  /** Credit for finding this region; default 1/k for k regions. */
  weight?: number;
}

export interface LocateOptions {
  /** Every region is grown by this distance (normalised units, Euclidean). Default 0. */
  tolerance?: number;
  /** Subtracted for each click outside every (grown) region. Default 0. */
  wrongClickPenalty?: number;
}

/** Points closer than this to an edge count as on it, so rounding in the client cannot flip a boundary click. */
const BOUNDARY_EPSILON = 1e-12;

/** Euclidean distance from `p` to the segment a–b (to the point a when a = b). */
export function distancePointToSegment(p: Point, a: Point, b: Point): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from `p` to the polygon's outline (closed: the last vertex joins the first). Infinity for no vertices. */
export function distancePointToPolygonEdge(p: Point, polygon: Polygon): number {
  const n = polygon.length;
  if (n === 0) return Infinity;
  if (n === 1) return distancePointToSegment(p, polygon[0]!, polygon[0]!);
  let best = Infinity;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    best = Math.min(best, distancePointToSegment(p, polygon[j]!, polygon[i]!));
  }
  return best;
}

/**
 * Is `p` inside the polygon or on its boundary? Even–odd (crossing-number) rule, so a self-intersecting outline
 * behaves as the SVG `evenodd` fill would. A polygon with fewer than three vertices has no interior: only its
 * outline counts.
 */
export function pointInPolygon(p: Point, polygon: Polygon): boolean {
  if (distancePointToPolygonEdge(p, polygon) <= BOUNDARY_EPSILON) return true;
  const n = polygon.length;
  if (n < 3) return false;
  const [x, y] = p;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from `p` to the region: 0 inside or on the boundary, else the distance to the outline. */
export function distancePointToPolygon(p: Point, polygon: Polygon): number {
  return pointInPolygon(p, polygon) ? 0 : distancePointToPolygonEdge(p, polygon);
}

function assertPoint(p: Point, what: string): void {
  if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    throw new RangeError(`${what} must be a pair of finite numbers, got ${JSON.stringify(p)}`);
  }
}

function assertNonNegative(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/**
 * Which region each click counts for: the index into `regions`, or -1 for a wrong click.
 * 1. Regions that contain the point (boundary inclusive): the first listed wins (QTI areaMapping).
 * 2. Otherwise regions within `tolerance`: the nearest wins, ties to the first listed — so a click that is
 *    really inside one region is never taken away by another region's tolerance band, and growing the
 *    tolerance can only turn wrong clicks into hits.
 */
export function assignClicks(points: readonly Point[], regions: readonly LocateRegion[], tolerance = 0): number[] {
  return points.map((p) => {
    const inside = regions.findIndex((region) => pointInPolygon(p, region.polygon));
    if (inside >= 0 || tolerance <= 0) return inside;
    let nearest = -1;
    let nearestDistance = Infinity;
    regions.forEach((region, index) => {
      const distance = distancePointToPolygonEdge(p, region.polygon);
      if (distance <= tolerance && distance < nearestDistance) {
        nearest = index;
        nearestDistance = distance;
      }
    });
    return nearest;
  });
}

/**
 * Score click points against the tampered regions, QTI area-mapping style:
 * score = Σ weight of every region hit at least once − wrongClickPenalty × (clicks outside every region),
 * clamped to [0, 1]. A region is worth its weight however many clicks fall in it; weights default to 1/k for
 * k regions (a region without a weight gets 1/k even when others have one). No regions: 0.
 */
export function scoreLocate(
  points: readonly Point[],
  regions: readonly LocateRegion[],
  options: LocateOptions = {},
): number {
  const tolerance = options.tolerance ?? 0;
  const penalty = options.wrongClickPenalty ?? 0;
  assertNonNegative(tolerance, 'tolerance');
  assertNonNegative(penalty, 'wrongClickPenalty');
  points.forEach((p, i) => assertPoint(p, `points[${i}]`));
  regions.forEach((region, r) => {
    region.polygon.forEach((p, i) => assertPoint(p, `regions[${r}].polygon[${i}]`));
    if (region.weight !== undefined) assertNonNegative(region.weight, `regions[${r}].weight`);
  });
  if (regions.length === 0) return 0;

  const hit = new Set<number>();
  let wrongClicks = 0;
  for (const region of assignClicks(points, regions, tolerance)) {
    if (region < 0) wrongClicks++;
    else hit.add(region);
  }
  // Default-weight hits are counted and divided once, so finding all k regions gives exactly 1 (not 0.999…).
  let explicitCredit = 0;
  let defaultHits = 0;
  for (const index of hit) {
    const weight = regions[index]!.weight;
    if (weight === undefined) defaultHits++;
    else explicitCredit += weight;
  }
  const score = explicitCredit + defaultHits / regions.length - penalty * wrongClicks;
  return Math.min(1, Math.max(0, score));
}
