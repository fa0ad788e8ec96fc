// The signed-in layout and the guards around role-specific routes.
import type { Role } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, Navigate, Outlet, useRouteError } from 'react-router';
import { AppShell } from '@/components/layouts/app-shell';
import { AlertIcon, ButtonLink, EmptyState, LoadingBlock } from '@/components/ui';
import { LANDING_BY_ROLE, paths } from '@/config/paths';
import { ProtectedRoute, useSession, useUser } from '@/lib/auth';

export function AppRoot() {
  return (
    <ProtectedRoute fallback={<LoadingBlock />}>
      <AppShell>
        <Outlet />
      </AppShell>
    </ProtectedRoute>
  );
}

/** "/" and "/app": send the user to their role's landing page, or to the login page. */
export function RootRedirect() {
  const session = useSession();
  if (session.isPending) return <LoadingBlock />;
  if (!session.data) return <Navigate to={paths.auth.login.getHref()} replace />;
  return <Navigate to={LANDING_BY_ROLE[session.data.role]} replace />;
}

/** Lets only the given roles through; others see a plain "no access" page with a way back. */
export function RoleGate({ roles }: { roles: Role[] }) {
  const user = useUser();
  const { t } = useTranslation();
  if (!roles.includes(user.role)) {
    return (
      <EmptyState
        icon={<AlertIcon size={28} />}
        title={t('errors.noAccessTitle')}
        description={t('errors.noAccessText')}
        action={<ButtonLink to={LANDING_BY_ROLE[user.role]}>{t('common.backToStart')}</ButtonLink>}
      />
    );
  }
  return <Outlet />;
}

export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <div className="fl-fatal" role="alert">
      <h1>{notFound ? t('errors.pageNotFoundTitle') : t('errors.crashTitle')}</h1>
      <p>{notFound ? t('errors.pageNotFoundText') : t('errors.crashText')}</p>
      <Link className="fl-button fl-button--primary fl-button--md" to={paths.home.getHref()}>
        {t('common.backToStart')}
      </Link>
    </div>
  );
}
