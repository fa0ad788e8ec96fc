// Dichotomous Rasch model, P(x = 1) = 1 / (1 + exp(−(θ_n − b_i))), estimated by joint maximum likelihood (JMLE).

export type DichotomousResponse = 0 | 1 | null;

export interface RaschOptions {
  /** Newton–Raphson sweeps before giving up. Default 1000. */
  maxIterations?: number;
  /** Stop when no estimate moves more than this (logits). Default 1e-10. */
  convergence?: number;
  /**
   * Multiply the item difficulties by (L − 1)/L (Wright & Douglas 1977; Winsteps STBIAS) and re-estimate the
   * abilities against them. JMLE spreads items too widely by about L/(L − 1) for L items. Default false.
   */
  biasCorrection?: boolean;
}

export interface RaschEstimates {
  /**
   * Item difficulties (logits), centred so the finite ones average 0. An item everyone answered right is −∞, one
   * everyone answered wrong +∞, one without informative data NaN.
   */
  itemDifficulties: number[];
  /** Person abilities (logits) on the same scale. All right +∞, all wrong −∞, no informative data NaN. */
  abilities: number[];
  /** Model standard errors 1/√(Σ P(1 − P)); ∞ for extreme estimates, NaN where the estimate is NaN. */
  itemStandardErrors: number[];
  abilityStandardErrors: number[];
  /** The estimates stopped moving (see `convergence`). */
  converged: boolean;
  iterations: number;
  /**
   * The non-extreme items form one strongly connected comparison graph (item i → j when someone answered i right
   * and j wrong), the condition for finite, unique estimates (Fischer 1981). When false some estimates drift
   * apart without bound and `converged` is usually false.
   */
  wellConditioned: boolean;
}

const STEP_LIMIT = 1; // logits per Newton step, as Winsteps does, so early iterations cannot overshoot

const probability = (ability: number, difficulty: number): number => 1 / (1 + Math.exp(difficulty - ability));

interface Observation {
  person: number;
  item: number;
  x: 0 | 1;
}

/**
 * Joint maximum likelihood (Wright & Stone, Best Test Design, 1979; Linacre's Winsteps JMLE): alternate one
 * Newton–Raphson step for every ability and every difficulty, re-centring the difficulties each sweep, until the
 * score equations Σ_i P_ni = r_n and Σ_n P_ni = s_i hold. Persons and items with extreme scores are set aside first,
 * repeatedly, since setting one aside can make another extreme; they are reported as ±∞, not dropped.
 */
export function estimateRasch(
  responses: readonly (readonly DichotomousResponse[])[],
  options: RaschOptions = {},
): RaschEstimates {
  const maxIterations = options.maxIterations ?? 1000;
  const convergence = options.convergence ?? 1e-10;
  const persons = responses.length;
  const items = persons > 0 ? responses[0]!.length : 0;
  responses.forEach((row, n) => {
    if (row.length !== items) throw new RangeError(`responses[${n}] has ${row.length} items, expected ${items}`);
    row.forEach((x, i) => {
      if (x !== 0 && x !== 1 && x !== null)
        throw new RangeError(`responses[${n}][${i}] must be 0, 1 or null, got ${String(x)}`);
    });
  });

  const abilities = new Array<number>(persons).fill(NaN);
  const difficulties = new Array<number>(items).fill(NaN);
  const personActive = new Array<boolean>(persons).fill(true);
  const itemActive = new Array<boolean>(items).fill(true);

  // Set extreme persons and items aside until none is left; each pass judges both on the same snapshot.
  for (let changed = true; changed;) {
    changed = false;
    const personVerdicts: [number, number][] = [];
    const itemVerdicts: [number, number][] = [];
    for (let n = 0; n < persons; n++) {
      if (!personActive[n]) continue;
      let observed = 0;
      let score = 0;
      for (let i = 0; i < items; i++) {
        const x = responses[n]![i];
        if (itemActive[i] && x !== null && x !== undefined) {
          observed++;
          score += x;
        }
      }
      if (observed === 0) personVerdicts.push([n, NaN]);
      else if (score === observed) personVerdicts.push([n, Infinity]);
      else if (score === 0) personVerdicts.push([n, -Infinity]);
    }
    for (let i = 0; i < items; i++) {
      if (!itemActive[i]) continue;
      let observed = 0;
      let score = 0;
      for (let n = 0; n < persons; n++) {
        const x = responses[n]![i];
        if (personActive[n] && x !== null && x !== undefined) {
          observed++;
          score += x;
        }
      }
      if (observed === 0) itemVerdicts.push([i, NaN]);
      else if (score === observed) itemVerdicts.push([i, -Infinity]);
      else if (score === 0) itemVerdicts.push([i, Infinity]);
    }
    for (const [n, value] of personVerdicts) {
      personActive[n] = false;
      abilities[n] = value;
      changed = true;
    }
    for (const [i, value] of itemVerdicts) {
      itemActive[i] = false;
      difficulties[i] = value;
      changed = true;
    }
  }

  const observations: Observation[] = [];
  const personScore = new Array<number>(persons).fill(0);
  const personCount = new Array<number>(persons).fill(0);
  const itemScore = new Array<number>(items).fill(0);
  const itemCount = new Array<number>(items).fill(0);
  for (let n = 0; n < persons; n++) {
    if (!personActive[n]) continue;
    for (let i = 0; i < items; i++) {
      const x = responses[n]![i];
      if (!itemActive[i] || x === null || x === undefined) continue;
      observations.push({ person: n, item: i, x });
      personScore[n]! += x;
      personCount[n]!++;
      itemScore[i]! += x;
      itemCount[i]!++;
    }
  }
  const corePersons = [...Array(persons).keys()].filter((n) => personActive[n]);
  const coreItems = [...Array(items).keys()].filter((i) => itemActive[i]);

  // PROX-style start: log-odds of the raw scores.
  for (const n of corePersons) abilities[n] = Math.log(personScore[n]! / (personCount[n]! - personScore[n]!));
  for (const i of coreItems) difficulties[i] = Math.log((itemCount[i]! - itemScore[i]!) / itemScore[i]!);
  centre(difficulties, abilities, coreItems, corePersons);

  const expected = new Float64Array(Math.max(persons, items));
  const information = new Float64Array(Math.max(persons, items));
  let converged = coreItems.length === 0;
  let iterations = 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let largestStep = 0;

    expected.fill(0);
    information.fill(0);
    for (const { person, item } of observations) {
      const p = probability(abilities[person]!, difficulties[item]!);
      expected[person]! += p;
      information[person]! += p * (1 - p);
    }
    for (const n of corePersons) {
      const step = clamp((personScore[n]! - expected[n]!) / information[n]!);
      abilities[n]! += step;
      largestStep = Math.max(largestStep, Math.abs(step));
    }

    expected.fill(0);
    information.fill(0);
    for (const { person, item } of observations) {
      const p = probability(abilities[person]!, difficulties[item]!);
      expected[item]! += p;
      information[item]! += p * (1 - p);
    }
    for (const i of coreItems) {
      const step = clamp((expected[i]! - itemScore[i]!) / information[i]!);
      difficulties[i]! += step;
      largestStep = Math.max(largestStep, Math.abs(step));
    }

    centre(difficulties, abilities, coreItems, corePersons);
    converged = largestStep < convergence;
  }

  if (options.biasCorrection && coreItems.length > 1) {
    const factor = (coreItems.length - 1) / coreItems.length;
    for (const i of coreItems) difficulties[i]! *= factor;
    reestimateAbilities(abilities, difficulties, observations, corePersons, personScore, convergence);
  }

  // Standard errors from the information at the final estimates.
  const itemInformation = new Array<number>(items).fill(0);
  const personInformation = new Array<number>(persons).fill(0);
  for (const { person, item } of observations) {
    const p = probability(abilities[person]!, difficulties[item]!);
    itemInformation[item]! += p * (1 - p);
    personInformation[person]! += p * (1 - p);
  }
  const standardError = (estimate: number, info: number) =>
    Number.isNaN(estimate) ? NaN : Number.isFinite(estimate) ? 1 / Math.sqrt(info) : Infinity;

  return {
    itemDifficulties: difficulties,
    abilities,
    itemStandardErrors: difficulties.map((b, i) => standardError(b, itemInformation[i]!)),
    abilityStandardErrors: abilities.map((theta, n) => standardError(theta, personInformation[n]!)),
    converged,
    iterations,
    wellConditioned: isStronglyConnected(coreItems, observations, items),
  };
}

const clamp = (step: number): number => Math.max(-STEP_LIMIT, Math.min(STEP_LIMIT, step));

/** Shift the scale so the core item difficulties average 0 (abilities move with them, so the model is unchanged). */
function centre(difficulties: number[], abilities: number[], coreItems: number[], corePersons: number[]): void {
  if (coreItems.length === 0) return;
  const shift = coreItems.reduce((sum, i) => sum + difficulties[i]!, 0) / coreItems.length;
  for (const i of coreItems) difficulties[i]! -= shift;
  for (const n of corePersons) abilities[n]! -= shift;
}

/** Ability MLEs with the difficulties held fixed (used after the bias correction). */
function reestimateAbilities(
  abilities: number[],
  difficulties: number[],
  observations: Observation[],
  corePersons: number[],
  personScore: number[],
  convergence: number,
): void {
  const byPerson = new Map<number, number[]>();
  for (const { person, item } of observations) {
    const list = byPerson.get(person) ?? [];
    list.push(difficulties[item]!);
    byPerson.set(person, list);
  }
  for (const n of corePersons) {
    const itemDifficulties = byPerson.get(n) ?? [];
    for (let k = 0; k < 200; k++) {
      let expected = 0;
      let information = 0;
      for (const b of itemDifficulties) {
        const p = probability(abilities[n]!, b);
        expected += p;
        information += p * (1 - p);
      }
      const step = clamp((personScore[n]! - expected) / information);
      abilities[n]! += step;
      if (Math.abs(step) < convergence) break;
    }
  }
}

/** Is the "answered i right and j wrong" graph over the core items strongly connected? */
function isStronglyConnected(coreItems: number[], observations: Observation[], items: number): boolean {
  if (coreItems.length <= 1) return true;
  const rightBy = new Map<number, number[]>();
  const wrongBy = new Map<number, number[]>();
  for (const { person, item, x } of observations) {
    const map = x === 1 ? rightBy : wrongBy;
    const list = map.get(person) ?? [];
    list.push(item);
    map.set(person, list);
  }
  const forward: Set<number>[] = Array.from({ length: items }, () => new Set<number>());
  const backward: Set<number>[] = Array.from({ length: items }, () => new Set<number>());
  for (const [person, right] of rightBy) {
    for (const j of wrongBy.get(person) ?? []) {
      for (const i of right) {
        forward[i]!.add(j);
        backward[j]!.add(i);
      }
    }
  }
  const reachesAll = (edges: Set<number>[]): boolean => {
    const seen = new Set<number>([coreItems[0]!]);
    const stack = [coreItems[0]!];
    while (stack.length > 0) {
      for (const next of edges[stack.pop()!]!) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen.size === coreItems.length;
  };
  return reachesAll(forward) && reachesAll(backward);
}
