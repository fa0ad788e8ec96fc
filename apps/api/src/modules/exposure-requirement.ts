// Exposure control's arithmetic: an assessment never presents an officer a document whose truth they have seen, so
// its pool must hold enough documents an officer has not seen for every attempt the module allows — and each review
// of an attempt shows the truth of everything that attempt drew. Pure; the wording of each refusal lives here too.
import type { ModuleSettings } from '@firstline/contracts';

/** What one officer must have unseen in an assessment's pool to take every attempt it allows. */
export interface UnseenNeed {
  /** Attempts whose documents are used up: each reviewed attempt's draw is seen (one when answers are never shown). */
  attempts: number;
  /** Documents drawn per attempt, and the genuine ones among them at least. */
  draw: number;
  genuinePerAttempt: number;
  /** Unseen documents, and genuine ones among them, needed in all. */
  documents: number;
  genuine: number;
}

/**
 * Item models in a pool: each gives every officer a fresh document per attempt, so they never run out — `count`
 * models, `genuine` of them making genuine documents.
 */
export interface ModelSupply {
  count: number;
  genuine: number;
}
export const NO_MODELS: ModelSupply = { count: 0, genuine: 0 };

/** Whether attempts at the module show the truth afterwards (the review), using up what they drew. */
export const reviewsShowTruth = (settings: ModuleSettings) => settings.feedback !== 'never';

/** Genuine documents an attempt's draw needs at least. */
export const genuineNeeded = (settings: ModuleSettings, draw: number) =>
  Math.ceil(settings.minGenuineShare * draw - 1e-9);

/**
 * What an officer needs unseen for the module's attempts: null for practice (feedback is its purpose); 'unlimited'
 * for an assessment that shows answers and allows any number of attempts, which no pool can honour.
 */
export function unseenNeed(settings: ModuleSettings, poolSize: number): UnseenNeed | 'unlimited' | null {
  if (settings.mode !== 'assessment') return null;
  const draw = settings.drawCount ?? poolSize;
  const genuinePerAttempt = genuineNeeded(settings, draw);
  if (!reviewsShowTruth(settings))
    return { attempts: 1, draw, genuinePerAttempt, documents: draw, genuine: genuinePerAttempt };
  if (settings.attemptsAllowed === null) return 'unlimited';
  const attempts = settings.attemptsAllowed;
  return { attempts, draw, genuinePerAttempt, documents: attempts * draw, genuine: attempts * genuinePerAttempt };
}

const UNLIMITED =
  'An assessment that shows the answers after each attempt must limit its attempts: every review shows the truth of ' +
  'the documents that attempt drew, and an officer is never shown a document again once they have seen its truth ' +
  '(unless item models alone fill each draw, with its share of genuine ones: they make fresh documents every attempt)';

const needWords = (need: UnseenNeed) =>
  need.attempts === 1
    ? `${need.documents} documents (${need.genuine} of them genuine)`
    : `${need.documents} documents — ${need.attempts} attempts × ${need.draw}, each attempt’s documents shown in ` +
      `its review — with ${need.genuine} genuine (${need.genuinePerAttempt} an attempt)`;

/** Whether item models alone fill every draw: then any number of attempts can be honoured. */
const modelsFillDraw = (settings: ModuleSettings, draw: number, models: ModelSupply) =>
  models.count >= draw && models.genuine >= genuineNeeded(settings, draw);

/** An officer's unseen documents counting each item model once per attempt (it makes a fresh document for each). */
const withModels = (need: UnseenNeed, documents: number, genuine: number, models: ModelSupply) => ({
  documents: documents + models.count * need.attempts,
  genuine: genuine + models.genuine * need.attempts,
});

const poolWords = (documents: number, genuine: number, models: ModelSupply) =>
  models.count
    ? `${documents} documents (${genuine} genuine) and ${models.count} item models (${models.genuine} genuine), ` +
      `each item model a fresh document per attempt`
    : `${documents} (${genuine} genuine)`;

/**
 * Why the pool (of `documents` fixed documents, `genuine` of them genuine, and `models`) cannot honour exposure
 * control at publishing, or null.
 */
export function publishShortfall(
  settings: ModuleSettings,
  documents: number,
  genuine: number,
  models: ModelSupply = NO_MODELS,
): string | null {
  const need = unseenNeed(settings, documents + models.count);
  if (need === null) return null;
  if (need === 'unlimited')
    return modelsFillDraw(settings, settings.drawCount ?? documents + models.count, models) ? null : UNLIMITED;
  const have = withModels(need, documents, genuine, models);
  if (have.documents >= need.documents && have.genuine >= need.genuine) return null;
  return (
    `This assessment needs ${needWords(need)} that an officer has not seen; its pool has ` +
    `${poolWords(documents, genuine, models)}. Add documents${models.count ? ' or item models' : ''}, draw fewer ` +
    `or allow fewer attempts`
  );
}

/** One officer's unseen part of a pool. */
export interface OfficerUnseen {
  userId: string;
  documents: number;
  genuine: number;
}

/** Whether the officer has too few unseen documents (fixed ones and the item models' fresh ones) for every attempt. */
export function officerShort(
  settings: ModuleSettings,
  poolDocuments: number,
  officer: { documents: number; genuine: number },
  models: ModelSupply = NO_MODELS,
): boolean {
  const need = unseenNeed(settings, poolDocuments + models.count);
  if (need === null) return false;
  if (need === 'unlimited')
    return !modelsFillDraw(settings, settings.drawCount ?? poolDocuments + models.count, models);
  const have = withModels(need, officer.documents, officer.genuine, models);
  return have.documents < need.documents || have.genuine < need.genuine;
}

/** Why the cohort's officers cannot all take the assessment without meeting documents they have seen, or null. */
export function assignmentShortfall(
  settings: ModuleSettings,
  pool: { documents: number; genuine: number },
  cohortName: string,
  officers: OfficerUnseen[],
  models: ModelSupply = NO_MODELS,
): string | null {
  const need = unseenNeed(settings, pool.documents + models.count);
  if (need === null) return null;
  if (need === 'unlimited')
    return modelsFillDraw(settings, settings.drawCount ?? pool.documents + models.count, models) ? null : UNLIMITED;
  const short = officers.filter((o) => officerShort(settings, pool.documents, o, models));
  if (!short.length) return null;
  const worst = short.reduce((a, b) => (b.documents < a.documents ? b : a));
  return (
    `${short.length} of the ${officers.length} officers of ${cohortName} have already seen the truth of too many of ` +
    `this assessment’s ${pool.documents} documents (in practice feedback or a review): it needs ${needWords(need)} ` +
    `unseen, and one of them has only ${worst.documents} unseen (${worst.genuine} genuine). Add documents the ` +
    `cohort has not seen, draw fewer or allow fewer attempts`
  );
}
