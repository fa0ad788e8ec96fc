// Route tree. Route modules are lazy and grouped by role; each group declares who may open it (RoleGate),
// and a module may export `clientLoader(queryClient)` to prefetch through the same query options its screen uses.
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { LoaderFunction, RouteObject } from 'react-router';
import { LoadingBlock } from '@/components/ui';
import { paths } from '@/config/paths';
import { ensureSession } from '@/lib/auth';
import { AppRoot, RoleGate, RootRedirect, RouteErrorBoundary } from './routes/app/root';

type RouteModule = {
  default: ComponentType;
  clientLoader?: (queryClient: QueryClient) => LoaderFunction;
};

const convert = (queryClient: QueryClient) => (module: RouteModule) => ({
  Component: module.default,
  loader: module.clientLoader?.(queryClient),
});

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const lazy = (load: () => Promise<RouteModule>) => () => load().then(convert(queryClient));
  return [
    { path: paths.home.path, element: <RootRedirect />, errorElement: <RouteErrorBoundary /> },
    {
      path: paths.auth.login.path,
      lazy: lazy(() => import('./routes/auth/login')),
      hydrateFallbackElement: <LoadingBlock />,
      errorElement: <RouteErrorBoundary />,
    },
    {
      path: paths.app.root.path,
      element: <AppRoot />,
      // Restores the session before any child loader prefetches with it.
      loader: async () => {
        await ensureSession(queryClient);
        return null;
      },
      hydrateFallbackElement: <LoadingBlock />,
      errorElement: <RouteErrorBoundary />,
      children: [
        { index: true, element: <RootRedirect /> },
        {
          element: <RoleGate roles={['trainee']} />,
          children: [
            { path: paths.app.training.path, lazy: lazy(() => import('./routes/app/trainee/my-training')) },
            { path: paths.app.lessons.path, lazy: lazy(() => import('./routes/app/trainee/lessons')) },
            // The player takes the whole width (no side navigation): a desk, not a dashboard.
            {
              path: paths.app.attempt.path,
              handle: { focus: true },
              lazy: lazy(() => import('./routes/app/trainee/attempt')),
            },
            { path: paths.app.results.path, lazy: lazy(() => import('./routes/app/trainee/results')) },
            { path: paths.app.progress.path, lazy: lazy(() => import('./routes/app/trainee/progress')) },
          ],
        },
        {
          element: <RoleGate roles={['instructor', 'admin']} />,
          children: [
            { path: paths.app.cohorts.path, lazy: lazy(() => import('./routes/app/instructor/cohorts')) },
            { path: paths.app.import.path, lazy: lazy(() => import('./routes/app/instructor/import-trainees')) },
            { path: paths.app.modules.path, lazy: lazy(() => import('./routes/app/instructor/modules')) },
            { path: paths.app.moduleNew.path, lazy: lazy(() => import('./routes/app/instructor/module-new')) },
            { path: paths.app.module.path, lazy: lazy(() => import('./routes/app/instructor/module')) },
            { path: paths.app.exercises.path, lazy: lazy(() => import('./routes/app/instructor/exercises')) },
            { path: paths.app.exercise.path, lazy: lazy(() => import('./routes/app/instructor/exercise')) },
            { path: paths.app.exerciseForge.path, lazy: lazy(() => import('./routes/app/instructor/exercise-forge')) },
            {
              path: paths.app.exerciseForgeSpecimen.path,
              lazy: lazy(() => import('./routes/app/instructor/exercise-forge-specimen')),
            },
            // The preview is the trainee's player, so it takes the whole width as the player does.
            {
              path: paths.app.exercisePreview.path,
              handle: { focus: true },
              lazy: lazy(() => import('./routes/app/instructor/exercise-preview')),
            },
            {
              path: paths.app.exerciseUpload.path,
              lazy: lazy(() => import('./routes/app/instructor/exercise-upload')),
            },
          ],
        },
        {
          // Supervisors may look into their unit's cohorts (read-only); instructors and admins manage them.
          element: <RoleGate roles={['instructor', 'admin', 'supervisor']} />,
          children: [
            { path: paths.app.cohort.path, lazy: lazy(() => import('./routes/app/instructor/cohort')) },
            // The specimen library: supervisors read it, instructors and admins build it.
            { path: paths.app.library.path, lazy: lazy(() => import('./routes/app/instructor/library')) },
            { path: paths.app.specimen.path, lazy: lazy(() => import('./routes/app/instructor/specimen')) },
          ],
        },
        {
          // Competence reports: instructors for the cohorts they run, supervisors for their units, admins for all.
          element: <RoleGate roles={['instructor', 'admin', 'supervisor']} />,
          children: [
            { path: paths.app.reports.path, lazy: lazy(() => import('./routes/app/reports/reports')) },
            { path: paths.app.reportCohort.path, lazy: lazy(() => import('./routes/app/reports/cohort-report')) },
            { path: paths.app.reportUnit.path, lazy: lazy(() => import('./routes/app/reports/unit-report')) },
            { path: paths.app.itemAnalysis.path, lazy: lazy(() => import('./routes/app/reports/item-analysis')) },
            { path: paths.app.reportOfficer.path, lazy: lazy(() => import('./routes/app/reports/officer-report')) },
            { path: paths.app.attemptReview.path, lazy: lazy(() => import('./routes/app/reports/attempt-review')) },
          ],
        },
        {
          element: <RoleGate roles={['supervisor']} />,
          children: [
            { path: paths.app.unitsOverview.path, lazy: lazy(() => import('./routes/app/supervisor/units-overview')) },
          ],
        },
        {
          element: <RoleGate roles={['admin']} />,
          children: [
            { path: paths.app.users.path, lazy: lazy(() => import('./routes/app/admin/users')) },
            { path: paths.app.units.path, lazy: lazy(() => import('./routes/app/admin/units')) },
            { path: paths.app.audit.path, lazy: lazy(() => import('./routes/app/admin/audit')) },
          ],
        },
      ],
    },
    { path: '*', lazy: lazy(() => import('./routes/not-found')) },
  ];
}
