// What My training says when Start is refused: exposure control's refusal in the officer's language with its
// numbers (the API's details), anything else as the closed-or-used-up 409 or the general message.
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

const isExposureRefusal = (details: unknown): details is ExposureRefusal =>
  typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === 'exposure';

export function startErrorText(t: TFunction, error: unknown, lng: Language): string {
  if (error instanceof ApiError && error.status === 409 && isExposureRefusal(error.details)) {
    const d = error.details;
    const n = (value: number) => formatNumber(value, lng);
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
