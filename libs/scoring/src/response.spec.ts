import fc from 'fast-check';
import type { LocateRegion, Point } from './locate';
import {
  DEFAULT_PART_WEIGHTS,
  SCORED_PARTS,
  scoreFraudType,
  scoreResponse,
  scoreSelection,
  type ItemResponse,
  type ItemTruth,
  type PartResult,
  type PartWeights,
  type SelectionRule,
} from './response';

const rect = (x0: number, y0: number, x1: number, y1: number): LocateRegion => ({
  polygon: [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ],
});

// A photo-substituted TD3 data page whose date of birth was also altered.
const forgedPassport: ItemTruth = {
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  regions: [rect(0.05, 0.2, 0.3, 0.6), rect(0.4, 0.45, 0.6, 0.5), rect(0.02, 0.8, 0.98, 0.95)],
  features: ['portrait', 'laminate', 'ghost-image'],
  mrzFailedChecks: ['birthDate', 'composite'],
};
const perfectAnswer: ItemResponse = {
  decision: 'refer',
  points: [
    [0.1, 0.3],
    [0.5, 0.47],
    [0.5, 0.9],
  ],
  fraudType: 'forged:photo-substitution',
  features: ['laminate', 'ghost-image', 'portrait'],
  mrzFailedChecks: ['composite', 'birthDate'],
};
const genuinePassport: ItemTruth = {
  verdict: 'genuine',
  fraudType: 'genuine',
  regions: [],
  features: [],
  mrzFailedChecks: [],
};

describe('scoreResponse — design rules', () => {
  it('a genuine item counts only the decision: accept = 1, refer = 0; the other parts do not apply', () => {
    const accepted = scoreResponse(
      genuinePassport,
      { decision: 'accept', points: [[0.5, 0.5]], fraudType: 'pseudo' },
      DEFAULT_PART_WEIGHTS,
    );
    expect(accepted.score).toBe(1);
    expect(accepted.outcome).toBe('correctRejection');
    for (const part of ['locate', 'fraudType', 'features', 'mrz'] as const) {
      expect(accepted.parts[part]).toEqual({ score: null, weight: 0, status: 'not-applicable' });
    }
    const referred = scoreResponse(genuinePassport, { decision: 'refer' }, DEFAULT_PART_WEIGHTS);
    expect(referred.score).toBe(0);
    expect(referred.outcome).toBe('falseAlarm');
  });

  it('accepting a forgery scores 0 on the whole item, whatever else was answered', () => {
    const result = scoreResponse(forgedPassport, { ...perfectAnswer, decision: 'accept' }, DEFAULT_PART_WEIGHTS);
    expect(result.score).toBe(0);
    expect(result.outcome).toBe('miss');
    expect(result.parts.decision).toEqual({ score: 0, weight: 1, status: 'scored' });
    expect(result.parts.locate).toEqual({ score: 0, weight: 0.5, status: 'forfeited' });
    expect(result.parts.fraudType).toEqual({ score: 0, weight: 0.5, status: 'forfeited' });
  });

  it('a referred forgery with every part right scores 1', () => {
    const result = scoreResponse(forgedPassport, perfectAnswer, DEFAULT_PART_WEIGHTS);
    expect(result.score).toBe(1);
    expect(result.outcome).toBe('hit');
    for (const part of SCORED_PARTS) expect(result.parts[part]).toMatchObject({ score: 1, status: 'scored' });
  });

  it('worked example with the default weights (decision 1, other parts 0.5 each)', () => {
    const result = scoreResponse(
      forgedPassport,
      {
        decision: 'refer',
        points: [
          [0.1, 0.3],
          [0.5, 0.47],
        ], // 2 of 3 regions → 2/3
        fraudType: 'forged:data-alteration', // right family, wrong method → 0.5
        features: ['portrait', 'ghost-image', 'guilloche'], // (2 right − 1 wrong) / 3 → 1/3
        mrzFailedChecks: ['birthDate'], // (1 − 0) / 2 → 1/2
      },
      DEFAULT_PART_WEIGHTS,
    );
    expect(result.parts.locate!.score).toBeCloseTo(2 / 3, 15);
    expect(result.parts.fraudType!.score).toBe(0.5);
    expect(result.parts.features!.score).toBeCloseTo(1 / 3, 15);
    expect(result.parts.mrz!.score).toBe(0.5);
    // (1·1 + .5·2/3 + .5·.5 + .5·1/3 + .5·.5) / (1 + 4·.5) = (1 + 1/3 + 1/4 + 1/6 + 1/4) / 3 = 2 / 3
    expect(result.score).toBeCloseTo(2 / 3, 15);
  });

  it('leaves parts that are not enabled out of the weighting', () => {
    const result = scoreResponse(
      forgedPassport,
      {
        decision: 'refer',
        points: [
          [0.1, 0.3],
          [0.5, 0.47],
        ],
      },
      { decision: 1, locate: 1 },
    );
    expect(Object.keys(result.parts).sort()).toEqual(['decision', 'locate']);
    expect(result.score).toBeCloseTo((1 + 2 / 3) / 2, 15);
  });

  it('with no weights, only the decision is scored', () => {
    expect(scoreResponse(forgedPassport, { decision: 'refer' })).toEqual({
      score: 1,
      outcome: 'hit',
      parts: { decision: { score: 1, weight: 1, status: 'scored' } },
    });
  });

  it('treats an enabled part without an answer key as not applicable, and a missing answer as wrong', () => {
    const impostor: ItemTruth = { verdict: 'fraudulent', fraudType: 'impostor', features: ['portrait'] };
    const result = scoreResponse(impostor, { decision: 'refer', fraudType: 'impostor' }, DEFAULT_PART_WEIGHTS);
    expect(result.parts.locate).toEqual({ score: null, weight: 0, status: 'not-applicable' }); // no regions
    expect(result.parts.mrz).toEqual({ score: null, weight: 0, status: 'not-applicable' }); // no MRZ key
    expect(result.parts.features).toEqual({ score: 0, weight: 0.5, status: 'scored' }); // none selected
    expect(result.score).toBeCloseTo((1 + 0.5 * 1 + 0.5 * 0) / 2, 15);
  });

  it('passes locate options through (tolerance, wrong-click penalty)', () => {
    const near: ItemResponse = {
      decision: 'refer',
      points: [
        [0.32, 0.4],
        [0.9, 0.1],
      ],
    };
    const weights: PartWeights = { decision: 1, locate: 1 };
    expect(scoreResponse(forgedPassport, near, weights).parts.locate!.score).toBe(0);
    const lenient = scoreResponse(forgedPassport, near, weights, { locate: { tolerance: 0.03 } });
    expect(lenient.parts.locate!.score).toBeCloseTo(1 / 3, 15);
    const strict = scoreResponse(forgedPassport, near, weights, {
      locate: { tolerance: 0.03, wrongClickPenalty: 0.2 },
    });
    expect(strict.parts.locate!.score).toBeCloseTo(1 / 3 - 0.2, 15);
  });

  it('honours the selection rules and the fraud-family credit options', () => {
    const response: ItemResponse = {
      decision: 'refer',
      features: ['portrait', 'ghost-image', 'guilloche'],
      fraudType: 'forged:data-alteration',
    };
    const weights: PartWeights = { decision: 1, features: 1, fraudType: 1 };
    expect(scoreResponse(forgedPassport, response, weights, { featureRule: 'jaccard' }).parts.features!.score).toBe(
      0.5,
    );
    expect(scoreResponse(forgedPassport, response, weights, { featureRule: 'exact' }).parts.features!.score).toBe(0);
    expect(scoreResponse(forgedPassport, response, weights, { fraudFamilyCredit: 0 }).parts.fraudType!.score).toBe(0);
  });

  it('a weight of 0 shows the part without counting it', () => {
    const result = scoreResponse(
      forgedPassport,
      { decision: 'refer', fraudType: 'pseudo' },
      { decision: 1, fraudType: 0 },
    );
    expect(result.parts.fraudType).toEqual({ score: 0, weight: 0, status: 'scored' });
    expect(result.score).toBe(1);
  });

  it('rejects invalid weights and options', () => {
    expect(() => scoreResponse(forgedPassport, perfectAnswer, { decision: 0 })).toThrow(RangeError);
    expect(() => scoreResponse(forgedPassport, perfectAnswer, { decision: 1, locate: -1 })).toThrow(RangeError);
    expect(() => scoreResponse(forgedPassport, perfectAnswer, { decision: NaN })).toThrow(RangeError);
    expect(() => scoreResponse(forgedPassport, perfectAnswer, { decision: 1 }, { fraudFamilyCredit: 2 })).toThrow(
      RangeError,
    );
  });
});

describe('scoreSelection', () => {
  const truth = ['portrait', 'laminate', 'ghost-image'];
  it.each<[SelectionRule, readonly string[], number]>([
    ['right-minus-wrong', ['portrait', 'laminate', 'ghost-image'], 1],
    ['right-minus-wrong', ['portrait', 'laminate'], 2 / 3],
    ['right-minus-wrong', ['portrait', 'laminate', 'guilloche'], 1 / 3],
    ['right-minus-wrong', ['portrait', 'guilloche', 'microprint'], 0], // (1 − 2)/3 clamped
    ['right-minus-wrong', [], 0],
    ['jaccard', ['portrait', 'laminate'], 2 / 3],
    ['jaccard', ['portrait', 'laminate', 'ghost-image', 'guilloche'], 3 / 4],
    ['jaccard', ['guilloche'], 0],
    ['exact', ['ghost-image', 'portrait', 'laminate'], 1],
    ['exact', ['portrait', 'laminate'], 0],
  ])('%s: %j → %p', (rule, response, expected) => {
    expect(scoreSelection(truth, response, rule)).toBeCloseTo(expected, 15);
  });

  it('counts duplicates once', () => {
    expect(scoreSelection(truth, ['portrait', 'portrait', 'portrait'])).toBeCloseTo(1 / 3, 15);
  });

  it('with an empty key, only an empty selection is right', () => {
    for (const rule of ['right-minus-wrong', 'jaccard', 'exact'] as const) {
      expect(scoreSelection([], [], rule)).toBe(1);
      expect(scoreSelection([], ['mrz'], rule)).toBe(0);
    }
  });
});

describe('scoreFraudType', () => {
  it.each([
    ['forged:photo-substitution', 'forged:photo-substitution', 1],
    ['forged:photo-substitution', 'forged:page-substitution', 0.5],
    ['forged:photo-substitution', 'counterfeit', 0],
    ['counterfeit', 'pseudo', 0],
    ['counterfeit', 'counterfeit', 1],
    ['impostor', null, 0],
    ['impostor', undefined, 0],
  ])('%s answered %s → %p', (truth, response, expected) => {
    expect(scoreFraudType(truth, response)).toBe(expected);
  });
});

describe('scoreResponse — properties', () => {
  const FEATURES = ['portrait', 'laminate', 'ghost-image', 'guilloche', 'microprint', 'mrz', 'watermark'];
  const CHECKS = ['documentNumber', 'birthDate', 'expiryDate', 'optional', 'composite'];
  const FRAUD_TYPES = [
    'counterfeit',
    'forged:photo-substitution',
    'forged:data-alteration',
    'forged:page-substitution',
    'pseudo',
    'impostor',
  ];
  const coordinate = fc.double({ min: 0, max: 1, noNaN: true });
  const point = fc.tuple(coordinate, coordinate) as fc.Arbitrary<Point>;
  const region = fc
    .tuple(coordinate, coordinate, fc.double({ min: 0.05, max: 0.4, noNaN: true }))
    .map(([x, y, size]) => rect(x, y, Math.min(1, x + size), Math.min(1, y + size)));
  const subset = (options: string[]) => fc.subarray(options);

  const truth: fc.Arbitrary<ItemTruth> = fc.record(
    {
      verdict: fc.constantFrom('genuine' as const, 'fraudulent' as const),
      fraudType: fc.constantFrom(...FRAUD_TYPES),
      regions: fc.array(region, { maxLength: 3 }),
      features: subset(FEATURES),
      mrzFailedChecks: subset(CHECKS),
    },
    { requiredKeys: ['verdict'] },
  );
  const response: fc.Arbitrary<ItemResponse> = fc.record(
    {
      decision: fc.constantFrom('accept' as const, 'refer' as const),
      points: fc.array(point, { maxLength: 4 }),
      fraudType: fc.constantFrom(...FRAUD_TYPES),
      features: subset(FEATURES),
      mrzFailedChecks: subset(CHECKS),
    },
    { requiredKeys: ['decision'] },
  );
  const weight = fc.double({ min: 0, max: 3, noNaN: true });
  const weights: fc.Arbitrary<PartWeights> = fc.record(
    {
      decision: fc.double({ min: 0.1, max: 3, noNaN: true }),
      locate: weight,
      fraudType: weight,
      features: weight,
      mrz: weight,
    },
    { requiredKeys: ['decision'] },
  );
  const rule = fc.constantFrom<SelectionRule>('right-minus-wrong', 'jaccard', 'exact');

  it('item and part scores lie in [0, 1]; the item score is the weighted mean of the counted parts', () => {
    fc.assert(
      fc.property(truth, response, weights, rule, (t, r, w, featureRule) => {
        const result = scoreResponse(t, r, w, { featureRule, locate: { wrongClickPenalty: 0.25 } });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        const counted = (Object.values(result.parts) as PartResult[]).filter((p) => p.score !== null);
        for (const part of counted) {
          expect(part.score).toBeGreaterThanOrEqual(0);
          expect(part.score).toBeLessThanOrEqual(1);
        }
        const total = counted.reduce((sum, p) => sum + p.weight, 0);
        expect(result.score).toBeCloseTo(counted.reduce((sum, p) => sum + p.weight * p.score!, 0) / total, 12);
      }),
    );
  });

  it('genuine items score the decision, accepted forgeries 0, referred forgeries keep the decision credit', () => {
    fc.assert(
      fc.property(truth, response, weights, (t, r, w) => {
        const result = scoreResponse(t, r, w);
        if (t.verdict === 'genuine') expect(result.score).toBe(r.decision === 'accept' ? 1 : 0);
        else if (r.decision === 'accept') expect(result.score).toBe(0);
        else {
          const counted = (Object.values(result.parts) as PartResult[]).filter((p) => p.score !== null);
          expect(result.score).toBeGreaterThanOrEqual(
            w.decision! / counted.reduce((sum, p) => sum + p.weight, 0) - 1e-12,
          );
        }
      }),
    );
  });

  it('does not depend on the order of clicks or of selected options', () => {
    fc.assert(
      fc.property(truth, response, weights, (t, r, w) => {
        const reversed: ItemResponse = {
          ...r,
          points: r.points && [...r.points].reverse(),
          features: r.features && [...r.features].reverse(),
          mrzFailedChecks: r.mrzFailedChecks && [...r.mrzFailedChecks].reverse(),
        };
        expect(scoreResponse(t, reversed, w).score).toBeCloseTo(scoreResponse(t, r, w).score, 12);
      }),
    );
  });

  it('is monotone: picking another right feature never lowers the score, another wrong one never raises it', () => {
    fc.assert(
      fc.property(truth, response, weights, rule, fc.constantFrom(...FEATURES), (t, r, w, featureRule, extra) => {
        const before = scoreResponse(t, r, w, { featureRule }).score;
        const after = scoreResponse(t, { ...r, features: [...(r.features ?? []), extra] }, w, { featureRule }).score;
        if (t.features?.includes(extra)) expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        else expect(after).toBeLessThanOrEqual(before + 1e-12);
      }),
    );
  });
});
