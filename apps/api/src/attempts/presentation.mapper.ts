// An item as a trainee sees it (and as an instructor's preview shows it) — where "no answer key reaches a trainee" is
// enforced: parts and option lists that are the same for every item, images by side and light, the check context;
// never the verdict, regions or explanation.
import {
  DOCUMENT_SIDES,
  FRAUD_TYPES,
  LIGHTS,
  type DocumentSide,
  type FraudType,
  type ImageUrls,
  type ItemPresentation,
  type MrzCheck,
  type PresentedDocument,
} from '@firstline/contracts';
import type { ExerciseVersionRecord } from '../exercises';
import type { ModuleVersionRecord } from '../modules';
import type { Attempt, AttemptItem } from './attempt.entity';

/** The MRZ check digits a trainee may report as failed, by ICAO 9303 format. */
export const MRZ_CHECKS_BY_FORMAT: Record<string, MrzCheck[]> = {
  TD1: ['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'compositeCheckDigit'],
  TD2: ['documentNumberCheckDigit', 'birthDateCheckDigit', 'expirationDateCheckDigit', 'compositeCheckDigit'],
  TD3: [
    'documentNumberCheckDigit',
    'birthDateCheckDigit',
    'expirationDateCheckDigit',
    'personalNumberCheckDigit',
    'compositeCheckDigit',
  ],
};

/** Options for the fraud-type part: the same list for every item, so it says nothing about the item. */
/** The fraud types the player offers (never 'genuine': the decision says that). */
export const FRAUD_TYPE_OPTIONS = FRAUD_TYPES.filter((t): t is Exclude<FraudType, 'genuine'> => t !== 'genuine');

/** The media assets an item shows: its images and the traveller's photograph. */
export function presentedAssetIds(exercise: ExerciseVersionRecord): string[] {
  return [...exercise.images.map((i) => i.assetId), ...(exercise.travellerAssetId ? [exercise.travellerAssetId] : [])];
}

/**
 * The document as the player presents it — parts, images by side and light, traveller, desk context — given signed
 * URLs for every asset of `presentedAssetIds`. An attempt's item and an instructor's preview both come from here.
 */
export function presentedDocument(exercise: ExerciseVersionRecord, urls: Map<string, ImageUrls>): PresentedDocument {
  const sides: DocumentSide[] = DOCUMENT_SIDES.filter((s) => exercise.images.some((i) => i.side === s));
  const parts = exercise.parts;
  return {
    issuingState: exercise.issuingState,
    documentType: exercise.documentType,
    parts: {
      decision: true,
      locate: parts.locate ? { maxPoints: parts.locate.maxPoints } : null,
      fraudType: parts.fraudType ? { options: [...FRAUD_TYPE_OPTIONS] } : null,
      features: parts.features ? { options: [...exercise.featureOptions].sort() } : null,
      mrz: parts.mrz
        ? { lines: exercise.mrz, checks: MRZ_CHECKS_BY_FORMAT[exercise.documentType] ?? MRZ_CHECKS_BY_FORMAT.TD3 }
        : null,
    },
    sides: sides.map((side) => ({
      side,
      images: exercise.images
        .filter((i) => i.side === side)
        .sort((a, b) => LIGHTS.indexOf(a.light) - LIGHTS.indexOf(b.light) || a.frame - b.frame)
        .map((i) => ({ light: i.light, frame: i.frame, urls: urls.get(i.assetId)! })),
    })),
    traveller: exercise.travellerAssetId ? urls.get(exercise.travellerAssetId)! : null,
    context: exercise.context,
  };
}

/** The presentation, given signed URLs for every asset of `presentedAssetIds`. */
export function itemPresentation(
  attempt: Attempt,
  version: ModuleVersionRecord,
  item: AttemptItem,
  exercise: ExerciseVersionRecord,
  urls: Map<string, ImageUrls>,
): ItemPresentation {
  return {
    attemptId: attempt.id,
    n: item.n,
    itemCount: attempt.itemCount,
    itemId: item.id,
    ...presentedDocument(exercise, urls),
    timeAllowedSeconds: version.settings.timePerItemSeconds,
    firstServedAt: (item.firstServedAt ?? new Date()).toISOString(),
    serverNow: new Date().toISOString(),
    saved: item.saved,
    locked: item.lockedAt !== null,
  };
}
