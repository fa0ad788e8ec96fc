// A report's filters as given (query strings) → as applied: dates become instants (a plain date `from` is the start of
// that day UTC, a plain date `to` the end of it, so the range is inclusive), checked in words. Pure, no I/O.
import type { AppliedFilters } from '@firstline/contracts';
import { DomainError } from '../common/errors/domain-error';

/** The date range a report covers; null ends are open. `to` is inclusive. */
export interface DateRange {
  from: Date | null;
  to: Date | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

function instant(name: 'from' | 'to', text: string): Date {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, mo, d] = day.slice(1).map(Number);
    const start = Date.UTC(y, mo - 1, d);
    // Date.UTC rolls 2026-02-30 over to March: a day that does not exist does not come back unchanged.
    if (new Date(start).toISOString().slice(0, 10) !== text)
      throw new DomainError('invalid', `${name} (${text}) is not a date that exists`);
    return new Date(name === 'from' ? start : start + DAY_MS - 1);
  }
  // A date and time without a zone is read as UTC, as the plain dates are.
  const parsed = new Date(HAS_ZONE.test(text) ? text : `${text}Z`);
  if (Number.isNaN(parsed.getTime()))
    throw new DomainError('invalid', `${name} (${text}) is not a date, e.g. 2026-11-30 or 2026-11-30T08:00:00Z`);
  return parsed;
}

/** The range of `from`/`to` as given; 400 in words for a date that is not one, or a `from` after `to`. */
export function dateRange(query: { from?: string; to?: string }): DateRange {
  const from = query.from ? instant('from', query.from) : null;
  const to = query.to ? instant('to', query.to) : null;
  if (from && to && from.getTime() > to.getTime())
    throw new DomainError('invalid', `from (${query.from}) is after to (${query.to})`);
  return { from, to };
}

/** The filters a report was computed with, echoed in its response. */
export function appliedFilters(range: DateRange, moduleId: string | null, cohortId: string | null): AppliedFilters {
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    moduleId,
    cohortId,
  };
}
