// The modules a report can be narrowed to: those assigned to the cohorts in scope (from the modules feature's
// assignments), offered to the reports' filter bar.
import { useQuery } from '@tanstack/react-query';
import { getAssignmentsQueryOptions } from '@/features/modules/api/assignments';

export function useModuleOptions(cohortId?: string) {
  const assignments = useQuery(getAssignmentsQueryOptions(cohortId));
  const modules = new Map<string, string>();
  for (const a of assignments.data ?? []) modules.set(a.module.id, a.module.title);
  return [...modules].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}
