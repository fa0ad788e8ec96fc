// The filters every report takes (date range, module; cohort for unit and officer reports), kept in the URL's
// search params so a filtered report can be bookmarked, shared and reloaded.
import type { QueryParams } from '@/lib/api-client';

export interface ReportFilters {
  /** First day, YYYY-MM-DD (inclusive). */
  from?: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to?: string;
  moduleId?: string;
  cohortId?: string;
}

export const FILTER_KEYS = ['from', 'to', 'moduleId', 'cohortId'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validDay(value: string | null): string | undefined {
  if (!value || !DAY.test(value)) return undefined;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? undefined : value;
}

/** The well-formed filters in a URL's search params; anything else there is ignored. */
export function filtersFromSearch(search: URLSearchParams): ReportFilters {
  const filters: ReportFilters = {};
  const from = validDay(search.get('from'));
  const to = validDay(search.get('to'));
  if (from) filters.from = from;
  if (to) filters.to = to;
  for (const key of ['moduleId', 'cohortId'] as const) {
    const value = search.get(key);
    if (value && UUID.test(value)) filters[key] = value;
  }
  return filters;
}

/** What is wrong with a combination of filters, as a message key; null when they can be sent. */
export function filtersProblem(filters: ReportFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) return 'reports.filters.fromAfterTo';
  return null;
}

/** The filters as query params for the API (empty ones left out). */
export function filterParams(filters: ReportFilters): QueryParams {
  const params: QueryParams = {};
  for (const key of FILTER_KEYS) if (filters[key]) params[key] = filters[key];
  return params;
}

/** `?from=…&to=…` to carry the filters along a link to another report ('' when there are none). */
export function filterSearch(filters: ReportFilters, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
