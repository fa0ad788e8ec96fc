// Readiness of a cohort for the desk: who passed the cohort's latest assessment.
import type { ModuleProgress, OfficerCompetence } from '@firstline/contracts';

export interface CohortReadiness {
  title: string;
  moduleId: string;
  passed: number;
  officers: number;
}

/** Latest = closes last; an assessment that never closes counts as the latest; ties go to the later listed. */
function latestAssessment(modules: readonly ModuleProgress[]): ModuleProgress | null {
  let latest: ModuleProgress | null = null;
  const closes = (m: ModuleProgress) => (m.closesAt ? Date.parse(m.closesAt) : Infinity);
  for (const m of modules) {
    if (m.mode !== 'assessment') continue;
    if (!latest || closes(m) >= closes(latest)) latest = m;
  }
  return latest;
}

/** Null when no assessment is assigned to the cohort. */
export function cohortReadiness(officers: readonly OfficerCompetence[]): CohortReadiness | null {
  const assigned = new Map<string, ModuleProgress>();
  for (const o of officers)
    for (const m of o.modules) if (!assigned.has(m.assignmentId)) assigned.set(m.assignmentId, m);
  const latest = latestAssessment([...assigned.values()]);
  if (!latest) return null;
  const passed = officers.filter((o) =>
    o.modules.some((m) => m.assignmentId === latest.assignmentId && m.standing === 'passed'),
  ).length;
  return { title: latest.title, moduleId: latest.moduleId, passed, officers: officers.length };
}
