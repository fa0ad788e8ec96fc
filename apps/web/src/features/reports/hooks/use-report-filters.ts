// The report filters of the current URL, and setters that keep the other search params (tab, dimension …).
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  filtersFromSearch,
  filtersProblem,
  type FilterKey,
  FILTER_KEYS,
  type ReportFilters,
} from '../lib/report-filters';

export function useReportFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const problem = filtersProblem(filters);

  const setFilter = useCallback(
    (key: FilterKey, value: string) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const clearFilters = useCallback(
    (keys: readonly FilterKey[] = FILTER_KEYS) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of keys) next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  return {
    filters,
    /** A message key when the filters cannot be sent (the reports then wait for a fix). */
    problem,
    /** The filters to send, or null while they are inconsistent. */
    applied: problem ? null : (filters satisfies ReportFilters),
    setFilter,
    clearFilters,
  };
}

/** One other search param (tab, heatmap dimension, overlaid officer) with its setter. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const [search, setSearch] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [name, setSearch],
  );
  return [search.get(name), set];
}
