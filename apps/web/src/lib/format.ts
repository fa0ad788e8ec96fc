// Locale-aware formatting. Urdu uses the Pakistani locale; digits stay Western, as on Pakistani documents.
import type { Language } from '@firstline/contracts';

const LOCALES: Record<Language, string> = { en: 'en-GB', ur: 'ur-PK' };

export function formatDate(value: string | null | undefined, lng: Language): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lng], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatDateTime(value: string, lng: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lng], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, lng: Language): string {
  return new Intl.NumberFormat(LOCALES[lng], { numberingSystem: 'latn' }).format(value);
}

/** A proportion 0–1 as a whole percentage ("45%"); null as a dash. */
export function formatPercent(value: number | null | undefined, lng: Language, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(LOCALES[lng], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: 'latn',
  }).format(value);
}

/** A figure with a fixed number of decimals (d′ and c: two); null as a dash. */
export function formatDecimal(value: number | null | undefined, lng: Language, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(LOCALES[lng], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: 'latn',
  }).format(value);
}

/** A day without the year ("2 Nov"), for chart axes. */
export function formatShortDate(value: string, lng: Language): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lng], { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
