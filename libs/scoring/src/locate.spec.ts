import fc from 'fast-check';
import {
  assignClicks,
  distancePointToPolygon,
  distancePointToSegment,
  pointInPolygon,
  scoreLocate,
  type LocateRegion,
  type Point,
  type Polygon,
} from './locate';

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

describe('distancePointToSegment', () => {
  it('measures to the interior of the segment, or to the nearer end', () => {
    expect(distancePointToSegment([0.5, 0.4], [0.2, 0], [0.8, 0])).toBeCloseTo(0.4, 15); // perpendicular foot inside
    expect(distancePointToSegment([0.5, 0.4], [0.8, 0], [0.9, 0])).toBeCloseTo(0.5, 15); // 3-4-5 to the end (0.8, 0)
    expect(distancePointToSegment([0.3, 0.4], [0, 0], [0, 0])).toBeCloseTo(0.5, 15); // degenerate segment = point
    expect(distancePointToSegment([0.5, 0], [0.2, 0], [0.8, 0])).toBe(0);
  });

  const point = fc.tuple(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }));
  it('is symmetric in the end points, never negative, never more than the distance to either end', () => {
    fc.assert(
      fc.property(point, point, point, (p, a, b) => {
        const d = distancePointToSegment(p, a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(Math.abs(d - distancePointToSegment(p, b, a))).toBeLessThan(1e-12);
        expect(d).toBeLessThanOrEqual(Math.hypot(p[0] - a[0], p[1] - a[1]) + 1e-12);
        expect(d).toBeLessThanOrEqual(Math.hypot(p[0] - b[0], p[1] - b[1]) + 1e-12);
      }),
    );
  });
});

describe('pointInPolygon', () => {
  // An L-shaped (concave) region; its reflex vertex is (0.5, 0.5).
  const ell: Polygon = [
    [0, 0],
    [1, 0],
    [1, 0.5],
    [0.5, 0.5],
    [0.5, 1],
    [0, 1],
  ];

  it.each<[string, Point, boolean]>([
    ['interior of the lower arm', [0.75, 0.25], true],
    ['interior of the upper arm', [0.25, 0.75], true],
    ['the notch of the L', [0.75, 0.75], false],
    ['a vertex', [1, 0], true],
    ['the reflex vertex', [0.5, 0.5], true],
    ['an edge', [0.75, 0.5], true],
    ['an edge, vertical', [0.5, 0.8], true],
    ['a ray through a vertex (y = 0.5, left of the reflex vertex)', [0.25, 0.5], true],
    ['outside, level with a horizontal edge', [1.2, 0.5], false],
    ['outside, below', [0.5, -0.01], false],
  ])('%s', (_, p, expected) => {
    expect(pointInPolygon(p, ell)).toBe(expected);
  });

  // A bow tie: two lobes, the waist between them is outside.
  it('counts a self-intersecting outline by the even-odd rule', () => {
    const bowTie: Polygon = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    expect(pointInPolygon([0.2, 0.5], bowTie)).toBe(true);
    expect(pointInPolygon([0.8, 0.5], bowTie)).toBe(true);
    expect(pointInPolygon([0.5, 0.2], bowTie)).toBe(false);
    expect(pointInPolygon([0.5, 0.5], bowTie)).toBe(true); // the crossing point lies on two edges
  });

  it('gives fewer than three vertices no interior, only the outline', () => {
    expect(
      pointInPolygon(
        [0.5, 0.5],
        [
          [0, 0],
          [1, 1],
        ],
      ),
    ).toBe(true);
    expect(
      pointInPolygon(
        [0.5, 0.6],
        [
          [0, 0],
          [1, 1],
        ],
      ),
    ).toBe(false);
    expect(pointInPolygon([0.5, 0.5], [])).toBe(false);
  });

  const coordinate = fc.double({ min: 0, max: 1, noNaN: true });
  // On a 1/1000 grid, like pixel-derived coordinates: the boundary tolerance (1e-12) is far below the grid step.
  const gridCoordinate = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
  const rectangle = fc
    .tuple(gridCoordinate, gridCoordinate, gridCoordinate, gridCoordinate)
    .filter(([a, b, c, d]) => a !== c && b !== d)
    .map(([a, b, c, d]) => ({ x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) }));

  it('agrees with the box test for axis-aligned rectangles, boundary included', () => {
    fc.assert(
      fc.property(rectangle, gridCoordinate, gridCoordinate, fc.boolean(), ({ x0, y0, x1, y1 }, x, y, snap) => {
        // Half the time, put the point exactly on the rectangle's outline.
        const p: Point = snap ? [Math.min(x1, Math.max(x0, x)), y < 0.5 ? y0 : y1] : [x, y];
        expect(pointInPolygon(p, rect(x0, y0, x1, y1))).toBe(p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1);
      }),
    );
  });

  it('does not depend on the vertex order: reversed or rotated outlines give the same answer', () => {
    const polygon = fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 8 });
    fc.assert(
      fc.property(polygon, fc.tuple(coordinate, coordinate), fc.nat(), (vertices, p, shift) => {
        const expected = pointInPolygon(p, vertices);
        const k = shift % vertices.length;
        expect(pointInPolygon(p, [...vertices].reverse())).toBe(expected);
        expect(pointInPolygon(p, [...vertices.slice(k), ...vertices.slice(0, k)])).toBe(expected);
      }),
    );
  });

  it('distancePointToPolygon is 0 exactly for points in or on the region', () => {
    expect(distancePointToPolygon([0.25, 0.25], ell)).toBe(0);
    expect(distancePointToPolygon([0.75, 0.75], ell)).toBeCloseTo(0.25, 15);
    expect(distancePointToPolygon([1.3, 0.2], ell)).toBeCloseTo(0.3, 15);
  });
});

describe('scoreLocate — QTI area mapping', () => {
  // IMS QTI 2.1, areaMapping / mapResponsePoint: each area maps to a value counted once however many points fall in
  // it; a point in several areas counts for the first; points in no area take defaultValue (here −wrongClickPenalty);
  // the sum is bounded by lowerBound/upperBound (here 0 and 1).
  const photo = rect(0.05, 0.2, 0.3, 0.6); // substituted photograph
  const dateOfBirth = rect(0.4, 0.45, 0.6, 0.5); // altered date of birth
  const mrz = rect(0.02, 0.8, 0.98, 0.95); // machine-readable zone
  const regions: LocateRegion[] = [{ polygon: photo }, { polygon: dateOfBirth }, { polygon: mrz }];

  it('credits each region once, 1/k by default', () => {
    expect(scoreLocate([], regions)).toBe(0);
    expect(scoreLocate([[0.1, 0.3]], regions)).toBeCloseTo(1 / 3, 15);
    expect(
      scoreLocate(
        [
          [0.1, 0.3],
          [0.2, 0.5],
          [0.25, 0.25],
        ],
        regions,
      ),
    ).toBeCloseTo(1 / 3, 15); // three clicks, one region
    expect(
      scoreLocate(
        [
          [0.1, 0.3],
          [0.5, 0.47],
          [0.5, 0.9],
        ],
        regions,
      ),
    ).toBe(1); // exactly 1, not 0.999…
  });

  it('subtracts the penalty per click outside every region and clamps to [0, 1]', () => {
    // photo + date of birth = 2/3; two wrong clicks × 0.1 → 2/3 − 0.2 = 0.4667.
    const points: Point[] = [
      [0.1, 0.3],
      [0.5, 0.47],
      [0.9, 0.1],
      [0.7, 0.3],
    ];
    expect(scoreLocate(points, regions, { wrongClickPenalty: 0.1 })).toBeCloseTo(2 / 3 - 0.2, 12);
    expect(scoreLocate(points, regions)).toBeCloseTo(2 / 3, 12); // default penalty 0
    expect(scoreLocate([[0.9, 0.1]], regions, { wrongClickPenalty: 0.5 })).toBe(0); // clamped at 0
    expect(scoreLocate([[0.1, 0.3]], [{ polygon: photo, weight: 2 }])).toBe(1); // clamped at 1
  });

  it('uses explicit weights; unweighted regions keep 1/k', () => {
    const weighted: LocateRegion[] = [
      { polygon: photo, weight: 0.6 },
      { polygon: dateOfBirth, weight: 0.3 },
      { polygon: mrz },
    ];
    expect(scoreLocate([[0.1, 0.3]], weighted)).toBeCloseTo(0.6, 15);
    expect(scoreLocate([[0.5, 0.9]], weighted)).toBeCloseTo(1 / 3, 15);
    expect(
      scoreLocate(
        [
          [0.1, 0.3],
          [0.5, 0.47],
        ],
        weighted,
      ),
    ).toBeCloseTo(0.9, 15);
  });

  it('gives a click in overlapping regions to the first region listed', () => {
    const overlapping: LocateRegion[] = [{ polygon: rect(0, 0, 0.5, 0.5) }, { polygon: rect(0.25, 0.25, 0.75, 0.75) }];
    expect(assignClicks([[0.3, 0.3]], overlapping)).toEqual([0]);
    expect(scoreLocate([[0.3, 0.3]], overlapping)).toBe(0.5); // not both
    expect(
      scoreLocate(
        [
          [0.3, 0.3],
          [0.6, 0.6],
        ],
        overlapping,
      ),
    ).toBe(1);
  });

  it('counts a click on a boundary as inside', () => {
    expect(scoreLocate([[0.3, 0.4]], regions)).toBeCloseTo(1 / 3, 15); // right edge of the photo
    expect(scoreLocate([[0.05, 0.2]], regions)).toBeCloseTo(1 / 3, 15); // its corner
  });

  it('grows every region by the tolerance', () => {
    const near: Point = [0.32, 0.4]; // 0.02 right of the photo
    expect(scoreLocate([near], regions)).toBe(0);
    expect(scoreLocate([near], regions, { tolerance: 0.019 })).toBe(0);
    expect(scoreLocate([near], regions, { tolerance: 0.021 })).toBeCloseTo(1 / 3, 15);
    // Past a corner the grown region is rounded: (0.32, 0.62) is √(0.02² + 0.02²) ≈ 0.0283 from the corner.
    expect(scoreLocate([[0.32, 0.62]], regions, { tolerance: 0.025 })).toBe(0);
    expect(scoreLocate([[0.32, 0.62]], regions, { tolerance: 0.029 })).toBeCloseTo(1 / 3, 15);
  });

  it('never lets a tolerance band take a click away from the region it is really inside', () => {
    const a = rect(0, 0, 0.5, 1);
    const b = rect(0.52, 0, 1, 1);
    // (0.53, 0.5) is inside b and 0.03 from a. With the tolerance a's band covers it, but b keeps it.
    expect(assignClicks([[0.53, 0.5]], [{ polygon: a }, { polygon: b }], 0.05)).toEqual([1]);
    // Outside both, within tolerance of both: the nearer region wins.
    expect(assignClicks([[0.515, 0.5]], [{ polygon: a }, { polygon: b }], 0.05)).toEqual([1]);
    expect(assignClicks([[0.505, 0.5]], [{ polygon: a }, { polygon: b }], 0.05)).toEqual([0]);
  });

  it('scores 0 when there is nothing to find', () => {
    expect(scoreLocate([[0.5, 0.5]], [])).toBe(0);
  });

  it('rejects malformed input', () => {
    expect(() => scoreLocate([[NaN, 0.5]], regions)).toThrow(RangeError);
    expect(() => scoreLocate([[0.5] as unknown as Point], regions)).toThrow(RangeError);
    expect(() => scoreLocate([], regions, { tolerance: -0.1 })).toThrow(RangeError);
    expect(() => scoreLocate([], regions, { wrongClickPenalty: Infinity })).toThrow(RangeError);
    expect(() => scoreLocate([], [{ polygon: photo, weight: -1 }])).toThrow(RangeError);
  });
});

describe('scoreLocate — properties', () => {
  const coordinate = fc.double({ min: 0, max: 1, noNaN: true });
  const point = fc.tuple(coordinate, coordinate);
  const region = fc
    .tuple(
      coordinate,
      coordinate,
      fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    )
    .map(([x, y, w, h]) => ({ polygon: rect(x, y, Math.min(1, x + w), Math.min(1, y + h)) }) as LocateRegion);
  const regions = fc.array(region, { minLength: 1, maxLength: 4 });
  const points = fc.array(point, { maxLength: 8 });
  const options = fc.record({
    tolerance: fc.double({ min: 0, max: 0.2, noNaN: true }),
    wrongClickPenalty: fc.double({ min: 0, max: 0.5, noNaN: true }),
  });

  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(points, regions, options, (ps, rs, o) => {
        const score = scoreLocate(ps, rs, o);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on the order of the clicks', () => {
    const pointsAndShuffle = points.chain((ps) =>
      fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })),
    );
    fc.assert(
      fc.property(pointsAndShuffle, regions, options, ([ps, shuffled], rs, o) => {
        expect(scoreLocate(shuffled, rs, o)).toBe(scoreLocate(ps, rs, o));
      }),
    );
  });

  it('without a penalty, another click never lowers the score', () => {
    fc.assert(
      fc.property(points, point, regions, fc.double({ min: 0, max: 0.2, noNaN: true }), (ps, extra, rs, tolerance) => {
        expect(scoreLocate([...ps, extra], rs, { tolerance })).toBeGreaterThanOrEqual(
          scoreLocate(ps, rs, { tolerance }),
        );
      }),
    );
  });

  it('a wider tolerance never lowers the score', () => {
    fc.assert(
      fc.property(points, regions, options, fc.double({ min: 0, max: 0.2, noNaN: true }), (ps, rs, o, more) => {
        expect(scoreLocate(ps, rs, { ...o, tolerance: o.tolerance + more })).toBeGreaterThanOrEqual(
          scoreLocate(ps, rs, o),
        );
      }),
    );
  });

  it('a click in the middle of every region, and nowhere else, scores 1', () => {
    fc.assert(
      fc.property(regions, options, (rs, o) => {
        const centres = rs.map(
          ({ polygon }) => [(polygon[0]![0] + polygon[2]![0]) / 2, (polygon[0]![1] + polygon[2]![1]) / 2] as Point,
        );
        // Overlapping regions can hide one centre inside an earlier region; keep only layouts where they do not.
        fc.pre(assignClicks(centres, rs).every((r, i) => r === i));
        expect(scoreLocate(centres, rs, o)).toBe(1);
      }),
    );
  });
});
