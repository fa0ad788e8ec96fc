// Every route path of the web app, in one place. `getHref` builds a link; `path` is the router pattern.
import type { Role } from '@firstline/contracts';

export const paths = {
  home: { path: '/', getHref: () => '/' },
  auth: {
    login: {
      path: '/login',
      getHref: (redirectTo?: string | null) =>
        `/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`,
    },
  },
  app: {
    root: { path: '/app', getHref: () => '/app' },
    training: { path: 'training', getHref: () => '/app/training' },
    lessons: { path: 'training/:assignmentId/lessons', getHref: (id: string) => `/app/training/${id}/lessons` },
    attempt: { path: 'attempts/:attemptId', getHref: (id: string) => `/app/attempts/${id}` },
    results: { path: 'attempts/:attemptId/results', getHref: (id: string) => `/app/attempts/${id}/results` },
    progress: { path: 'progress', getHref: () => '/app/progress' },
    cohorts: { path: 'cohorts', getHref: () => '/app/cohorts' },
    cohort: { path: 'cohorts/:cohortId', getHref: (id: string) => `/app/cohorts/${id}` },
    import: { path: 'import', getHref: () => '/app/import' },
    library: { path: 'library', getHref: () => '/app/library' },
    specimen: { path: 'library/:specimenId', getHref: (id: string) => `/app/library/${id}` },
    modules: { path: 'modules', getHref: () => '/app/modules' },
    moduleNew: { path: 'modules/new', getHref: () => '/app/modules/new' },
    module: { path: 'modules/:moduleId', getHref: (id: string) => `/app/modules/${id}` },
    exercises: { path: 'exercises', getHref: () => '/app/exercises' },
    exerciseForge: { path: 'exercises/forge', getHref: () => '/app/exercises/forge' },
    exerciseForgeSpecimen: { path: 'exercises/forge-on-specimen', getHref: () => '/app/exercises/forge-on-specimen' },
    exerciseUpload: { path: 'exercises/upload', getHref: () => '/app/exercises/upload' },
    exercise: { path: 'exercises/:exerciseId', getHref: (id: string) => `/app/exercises/${id}` },
    /** The exercise as the trainee's player shows it, to try answers on; `versionId`: an older version. */
    exercisePreview: {
      path: 'exercises/:exerciseId/preview',
      getHref: (id: string, versionId?: string) =>
        `/app/exercises/${id}/preview${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`,
    },
    unitsOverview: { path: 'overview', getHref: () => '/app/overview' },
    reports: { path: 'reports', getHref: () => '/app/reports' },
    reportCohort: { path: 'reports/cohorts/:cohortId', getHref: (id: string) => `/app/reports/cohorts/${id}` },
    reportUnit: { path: 'reports/units/:unitId', getHref: (id: string) => `/app/reports/units/${id}` },
    itemAnalysis: {
      path: 'reports/modules/:moduleId/analysis',
      getHref: (moduleId: string, version?: number) =>
        `/app/reports/modules/${moduleId}/analysis${version ? `?version=${version}` : ''}`,
    },
    reportOfficer: { path: 'reports/officers/:userId', getHref: (id: string) => `/app/reports/officers/${id}` },
    /** An officer's attempt as staff read it (the trainee's own is `results`). */
    attemptReview: { path: 'reports/attempts/:attemptId', getHref: (id: string) => `/app/reports/attempts/${id}` },
    users: { path: 'admin/users', getHref: () => '/app/admin/users' },
    units: { path: 'admin/units', getHref: () => '/app/admin/units' },
    audit: { path: 'admin/audit', getHref: () => '/app/admin/audit' },
  },
} as const;

/** Where each role lands after signing in. */
export const LANDING_BY_ROLE: Record<Role, string> = {
  trainee: paths.app.training.getHref(),
  instructor: paths.app.cohorts.getHref(),
  supervisor: paths.app.unitsOverview.getHref(),
  admin: paths.app.users.getHref(),
};

/** Only same-origin app paths are accepted as a post-login destination (no open redirect). */
export function safeRedirect(to: string | null | undefined): string | null {
  if (!to || !to.startsWith('/app') || to.startsWith('//')) return null;
  return to;
}
