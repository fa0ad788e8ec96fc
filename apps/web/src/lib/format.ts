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
