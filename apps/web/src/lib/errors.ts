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
        return error.body?.message
          ? t('errors.invalidWithReason', { reason: error.body.message })
          : t('errors.invalid');
      case 401:
        return t('errors.sessionExpired');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return error.body?.message
          ? t('errors.conflictWithReason', { reason: error.body.message })
          : t('errors.conflict');
      case 429:
        return t('errors.tooMany');
      default:
        if (error.status >= 500) return t('errors.server');
        // Other 4xx (413 too large, 415 not an image …): the API's message says what to change.
        return error.body?.message
          ? t('errors.invalidWithReason', { reason: error.body.message })
          : t('errors.unexpected');
    }
  }
  return t('errors.unexpected');
}

export function isStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

/**
 * The itemised part of an error body, as lines to list under the message: zod issues `{issues: [{path, message}]}`,
 * service problems `{problems: [string]}`, or any array of strings or `{message|reason}` objects.
 */
export function errorDetailLines(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status >= 500) return [];
  const details = error.details;
  const lists: unknown[] = Array.isArray(details)
    ? [details]
    : details && typeof details === 'object'
      ? Object.values(details as Record<string, unknown>).filter(Array.isArray)
      : [];
  const lines: string[] = [];
  for (const list of lists as unknown[][]) {
    for (const item of list) {
      if (typeof item === 'string') lines.push(item);
      else if (item && typeof item === 'object') {
        const entry = item as Record<string, unknown>;
        const text =
          typeof entry.message === 'string' ? entry.message : typeof entry.reason === 'string' ? entry.reason : null;
        if (!text) continue;
        const where =
          typeof entry.path === 'string' && entry.path
            ? `${entry.path}: `
            : Array.isArray(entry.path) && entry.path.length
              ? `${entry.path.join('.')}: `
              : '';
        lines.push(`${where}${text}`);
      }
    }
  }
  // The message usually repeats the first line; keep the list for the rest.
  return lines.length === 1 && error.message.includes(lines[0]) ? [] : lines;
}
