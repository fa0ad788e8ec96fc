// What My training says when Start is refused: exposure control's refusal, or an assessment whose own generated
// documents are not ready yet, in the officer's language with their numbers (the API's details); anything else as the
// closed-or-used-up 409 or the general message.
import type { Language } from '@firstline/contracts/vocabulary';
import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/errors';
import { formatNumber } from '@/lib/format';

interface ExposureRefusal {
  reason: 'exposure';
  seen: number;
  documents: number;
  unseen: number;
  unseenGenuine: number;
  draw: number;
  genuine: number;
}

/** The officer's own documents of the assessment's item models are still being generated: nothing was started. */
interface Preparing {
  reason: 'preparing';
  /** Item models in the assessment … */
  models: number;
  /** … and how many of them have a document waiting for the officer. */
  ready: number;
}

const hasReason = <T extends { reason: string }>(details: unknown, reason: T['reason']): details is T =>
  typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === reason;

export function startErrorText(t: TFunction, error: unknown, lng: Language): string {
  const n = (value: number) => formatNumber(value, lng);
  if (error instanceof ApiError && error.status === 409 && hasReason<Preparing>(error.details, 'preparing')) {
    const d = error.details;
    return t('training.itemModelsPreparing', { count: d.models, ready: n(d.ready), models: n(d.models) });
  }
  if (error instanceof ApiError && error.status === 409 && hasReason<ExposureRefusal>(error.details, 'exposure')) {
    const d = error.details;
    return t('training.exposureRefused', {
      seen: n(d.seen),
      documents: n(d.documents),
      unseen: n(d.unseen),
      unseenGenuine: n(d.unseenGenuine),
      draw: n(d.draw),
      genuine: n(d.genuine),
    });
  }
  return describeError(t, error, { 409: t('training.cannotStart') });
}
