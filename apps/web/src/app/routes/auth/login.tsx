import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { Banner, LoadingBlock } from '@/components/ui';
import { LANDING_BY_ROLE, safeRedirect } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { takeSessionExpiredNotice, useSession } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirectTo = safeRedirect(params.get('redirectTo'));
  const session = useSession();
  const [expired] = useState(takeSessionExpiredNotice);
  useDocumentTitle(t('login.title'));

  if (session.isPending) return <LoadingBlock />;
  if (session.data) return <Navigate to={redirectTo ?? LANDING_BY_ROLE[session.data.role]} replace />;

  return (
    <AuthLayout>
      <div className="fl-auth__card">
        <h1 className="fl-auth__title">{t('login.title')}</h1>
        <p className="fl-auth__lead">{t('login.lead')}</p>
        {expired && (
          <div className="fl-auth__notice-banner">
            <Banner tone="info">{t('errors.sessionExpired')}</Banner>
          </div>
        )}
        <LoginForm onSuccess={(user) => navigate(redirectTo ?? LANDING_BY_ROLE[user.role], { replace: true })} />
      </div>
    </AuthLayout>
  );
}
