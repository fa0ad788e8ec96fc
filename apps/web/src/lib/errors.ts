// Turns an API or network error into a sentence for the user, in the current language.
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from './api-client';

export type StatusMessages = Partial<Record<number, string>>;

/**
 * `overrides` maps a status to a screen-specific sentence (e.g. 409 on deleting a unit that still has users).
 * Validation messages (400) from the API are shown as they come: they name the field that was wrong.
 */
export function describeError(t: TFunction, error: unknown, overrides: StatusMessages = {}): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError) {
    const override = overrides[error.status];
    if (override) return override;
    switch (error.status) {
      case 400:
      case 422:
        return error.body?.message ? t('errors.invalidWithReason', { reason: error.body.message }) : t('errors.invalid');
      case 401:
        return t('errors.sessionExpired');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return error.body?.message ? t('errors.conflictWithReason', { reason: error.body.message }) : t('errors.conflict');
      case 429:
        return t('errors.tooMany');
      default:
        return error.status >= 500 ? t('errors.server') : t('errors.unexpected');
    }
  }
  return t('errors.unexpected');
}

export function isStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}
