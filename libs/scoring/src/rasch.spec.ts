import fc from 'fast-check';
import { estimateRasch, type DichotomousResponse } from './rasch';

const p = (ability: number, difficulty: number) => 1 / (1 + Math.exp(difficulty - ability));

/** n copies of a response row. */
const rows = (n: number, row: DichotomousResponse[]) => Array.from({ length: n }, () => [...row]);

/** Largest |observed − expected| over every person and item score equation (the JML likelihood gradient). */
function largestGradient(responses: DichotomousResponse[][], abilities: number[], difficulties: number[]): number {
  let largest = 0;
  const itemResidual = new Array<number>(difficulties.length).fill(0);
  responses.forEach((row, n) => {
    if (!Number.isFinite(abilities[n]!)) return;
    let residual = 0;
    row.forEach((x, i) => {
      if (x === null || !Number.isFinite(difficulties[i]!)) return;
      const expected = p(abilities[n]!, difficulties[i]!);
      residual += x - expected;
      itemResidual[i]! += x - expected;
    });
    largest = Math.max(largest, Math.abs(residual));
  });
  return Math.max(largest, ...itemResidual.map(Math.abs));
}

describe('estimateRasch — analytic solutions', () => {
  // Two items, complete data. Only persons with one right answer are informative; with n10 persons right on item 1
  // only and n01 right on item 2 only, the conditional (CML) / pairwise estimate is b2 − b1 = ln(n10/n01) (Rasch 1960;
  // Andersen 1973). JMLE doubles it — the L/(L−1) bias for L = 2 (Andersen 1973; Wright & Douglas 1977) — so the
  // (L−1)/L correction recovers the conditional estimate exactly.
  const n10 = 6;
  const n01 = 2;
  const data: DichotomousResponse[][] = [...rows(n10, [1, 0]), ...rows(n01, [0, 1]), [1, 1], [0, 0], [null, null]];

  it('JMLE for 2 items: b2 − b1 = 2·ln(n10/n01), centred on 0', () => {
    const result = estimateRasch(data);
    const [b1, b2] = result.itemDifficulties;
    expect(b2! - b1!).toBeCloseTo(2 * Math.log(n10 / n01), 10);
    expect(b1! + b2!).toBeCloseTo(0, 12);
    expect(result.abilities[0]).toBeCloseTo(0, 10); // score 1 of 2 sits midway between the two items
    expect(result.converged).toBe(true);
  });

  it('with the (L − 1)/L bias correction, 2 items give the conditional estimate b2 − b1 = ln(n10/n01)', () => {
    const [b1, b2] = estimateRasch(data, { biasCorrection: true }).itemDifficulties;
    expect(b2! - b1!).toBeCloseTo(Math.log(n10 / n01), 10);
  });

  it('reports extreme and empty persons as ±∞ and NaN instead of dropping them', () => {
    const { abilities, abilityStandardErrors } = estimateRasch(data);
    expect(abilities.length).toBe(data.length);
    expect(abilities[n10 + n01]).toBe(Infinity); // [1, 1]
    expect(abilities[n10 + n01 + 1]).toBe(-Infinity); // [0, 0]
    expect(abilities[n10 + n01 + 2]).toBeNaN(); // no responses
    expect(abilityStandardErrors[n10 + n01]).toBe(Infinity);
    expect(abilityStandardErrors[n10 + n01 + 2]).toBeNaN();
  });

  it('items everyone got right / wrong are −∞ / +∞, items nobody answered NaN; the rest stay centred', () => {
    const result = estimateRasch([
      [1, 1, 0, 0, null],
      [1, 0, 1, 0, null],
      [1, 1, 1, 0, null],
      [1, 0, 0, 0, null],
    ]);
    expect(result.itemDifficulties[0]).toBe(-Infinity);
    expect(result.itemDifficulties[3]).toBe(Infinity);
    expect(result.itemDifficulties[4]).toBeNaN();
    expect(result.itemDifficulties[1]! + result.itemDifficulties[2]!).toBeCloseTo(0, 12);
  });

  it('sets extremes aside repeatedly: removing one extreme can make another', () => {
    // Item 0 is right for everyone → −∞. Without it person 2 has only wrong answers → −∞, and person 0 only right → +∞.
    const result = estimateRasch([
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect(result.itemDifficulties[0]).toBe(-Infinity);
    expect(result.abilities[0]).toBe(Infinity);
    expect(result.abilities[2]).toBe(-Infinity);
    // Persons 1 and 3 answer items 1 and 2 in opposite ways: equal difficulty, ability between them.
    expect(result.itemDifficulties[1]).toBeCloseTo(0, 10);
    expect(result.itemDifficulties[2]).toBeCloseTo(0, 10);
    expect(result.abilities[1]).toBeCloseTo(0, 10);
  });

  it('a person whose every item turned out extreme has no informative data left: NaN', () => {
    // Guttman pattern: once [1,1] and [0,0] are set aside, item 0 is right for all and item 1 wrong for all, and
    // for [1,0] the likelihood P(θ − (−∞))·(1 − P(θ − ∞)) = 1 whatever θ is.
    const result = estimateRasch([
      [1, 1],
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
    expect(result.itemDifficulties).toEqual([-Infinity, Infinity]);
    expect(result.abilities).toEqual([Infinity, NaN, NaN, -Infinity]);
  });

  it('with every item answered by the same number of people, every difficulty is 0', () => {
    const result = estimateRasch([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [1, 1, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    for (const b of result.itemDifficulties) expect(b).toBeCloseTo(0, 10);
    // Score 1 of 3 on items at 0: 3·P = 1 → θ = ln(1/2); score 2: θ = ln 2.
    expect(result.abilities[0]).toBeCloseTo(Math.log(0.5), 10);
    expect(result.abilities[3]).toBeCloseTo(Math.log(2), 10);
  });

  it('solves the likelihood equations with missing data (gradient ≈ 0 at the estimate)', () => {
    const responses: DichotomousResponse[][] = [
      [1, 0, 1, null, 0, 1],
      [1, 1, 0, 1, 0, null],
      [0, 1, 1, 0, null, 0],
      [1, 1, 1, 0, 1, 0],
      [null, 0, 1, 1, 0, 1],
      [0, 0, 1, 0, 0, 1],
      [1, null, 0, 1, 1, 0],
      [1, 1, 1, 1, 0, 0],
      [0, 1, null, 0, 1, 1],
      [1, 0, 0, 1, 1, 1],
    ];
    const result = estimateRasch(responses);
    expect(result.converged).toBe(true);
    expect(result.wellConditioned).toBe(true);
    expect(largestGradient(responses, result.abilities, result.itemDifficulties)).toBeLessThan(1e-8);
    expect(result.itemDifficulties.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
    // Model standard error of an item: 1/√(Σ P(1 − P)).
    const b0 = result.itemDifficulties[0]!;
    const information = responses.reduce(
      (sum, row, n) => (row[0] === null ? sum : sum + p(result.abilities[n]!, b0) * (1 - p(result.abilities[n]!, b0))),
      0,
    );
    expect(result.itemStandardErrors[0]).toBeCloseTo(1 / Math.sqrt(information), 10);
  });

  it('flags data whose items split into groups nobody links (no finite solution, Fischer 1981)', () => {
    // Nobody answered an item of {0, 1} right and one of {2, 3} wrong: items 0–1 drift to +∞ relative to 2–3.
    const result = estimateRasch(
      [
        [1, 0, 1, 1],
        [0, 1, 1, 1],
        [0, 0, 0, 1],
        [0, 0, 1, 0],
      ],
      { maxIterations: 200 },
    );
    expect(result.wellConditioned).toBe(false);
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(200);
  });

  it('handles empty input and rejects malformed responses', () => {
    expect(estimateRasch([])).toMatchObject({ itemDifficulties: [], abilities: [], converged: true });
    expect(() => estimateRasch([[1, 0], [1]])).toThrow(RangeError);
    expect(() => estimateRasch([[1, 2 as never]])).toThrow(RangeError);
  });
});

describe('estimateRasch — properties', () => {
  // Complete 0/1 data, 4–14 persons × 2–6 items.
  const complete = fc.tuple(fc.integer({ min: 4, max: 14 }), fc.integer({ min: 2, max: 6 })).chain(([persons, items]) =>
    fc.array(fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: items, maxLength: items }), {
      minLength: persons,
      maxLength: persons,
    }),
  );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('centres the finite difficulties on 0 and satisfies the score equations', () => {
    fc.assert(
      fc.property(complete, (data) => {
        const result = estimateRasch(data);
        fc.pre(result.wellConditioned);
        expect(result.converged).toBe(true);
        const finite = result.itemDifficulties.filter(Number.isFinite);
        if (finite.length > 0) expect(Math.abs(sum(finite) / finite.length)).toBeLessThan(1e-9);
        expect(largestGradient(data, result.abilities, result.itemDifficulties)).toBeLessThan(1e-7);
      }),
      { numRuns: 60 },
    );
  });

  it('harder items (fewer right answers) get higher difficulties; more right answers give higher ability', () => {
    fc.assert(
      fc.property(complete, (data) => {
        const result = estimateRasch(data);
        fc.pre(result.wellConditioned && result.converged);
        const itemScores = data[0]!.map((_, i) => sum(data.map((row) => row[i]!)));
        const personScores = data.map((row) => sum(row));
        // NaN (no informative data left once the extremes are set aside) has no place in the order; ±∞ does.
        const { itemDifficulties: b, abilities: theta } = result;
        for (let i = 0; i < itemScores.length; i++) {
          for (let j = 0; j < itemScores.length; j++) {
            if (Number.isNaN(b[i]!) || Number.isNaN(b[j]!)) continue;
            // Strictly harder — except that two items can both end up at the same infinity.
            if (itemScores[i]! < itemScores[j]!)
              expect(b[i]! > b[j]! || (b[i] === b[j] && !Number.isFinite(b[i]!))).toBe(true);
            if (itemScores[i] === itemScores[j] && Number.isFinite(b[i]!)) {
              expect(b[i]).toBeCloseTo(b[j]!, 8);
            }
          }
        }
        for (let n = 0; n < personScores.length; n++) {
          for (let m = 0; m < personScores.length; m++) {
            if (Number.isNaN(theta[n]!) || Number.isNaN(theta[m]!)) continue;
            if (personScores[n]! > personScores[m]!)
              expect(theta[n]! > theta[m]! || (theta[n] === theta[m] && !Number.isFinite(theta[n]!))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is symmetric: swapping right and wrong answers negates every estimate', () => {
    fc.assert(
      fc.property(complete, (data) => {
        const result = estimateRasch(data);
        fc.pre(result.wellConditioned && result.converged);
        const flipped = estimateRasch(data.map((row) => row.map((x) => (1 - x) as 0 | 1)));
        flipped.itemDifficulties.forEach((b, i) => {
          const original = result.itemDifficulties[i]!;
          if (Number.isFinite(original)) expect(b).toBeCloseTo(-original, 7);
          else expect(b).toBe(-original);
        });
        flipped.abilities.forEach((theta, n) => {
          const original = result.abilities[n]!;
          if (Number.isFinite(original)) expect(theta).toBeCloseTo(-original, 7);
          else expect(theta).toBe(-original);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of persons', () => {
    fc.assert(
      fc.property(complete, (data) => {
        const result = estimateRasch(data);
        fc.pre(result.wellConditioned && result.converged);
        const reversed = estimateRasch([...data].reverse());
        reversed.itemDifficulties.forEach((b, i) => {
          const original = result.itemDifficulties[i]!;
          if (Number.isFinite(original)) expect(b).toBeCloseTo(original, 7);
          else expect(b).toBe(original);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('the bias correction shrinks the item spread by exactly (L − 1)/L', () => {
    fc.assert(
      fc.property(complete, (data) => {
        const plain = estimateRasch(data);
        fc.pre(plain.wellConditioned && plain.converged);
        const corrected = estimateRasch(data, { biasCorrection: true });
        const finite = plain.itemDifficulties.filter(Number.isFinite).length;
        plain.itemDifficulties.forEach((b, i) => {
          if (Number.isFinite(b)) expect(corrected.itemDifficulties[i]).toBeCloseTo((b * (finite - 1)) / finite, 9);
        });
      }),
      { numRuns: 30 },
    );
  });
});
