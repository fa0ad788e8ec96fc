import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.pageNotFoundTitle'));
  return (
    <main className="fl-fatal">
      <h1>{t('errors.pageNotFoundTitle')}</h1>
      <p>{t('errors.pageNotFoundText')}</p>
      <Link className="fl-button fl-button--primary fl-button--md" to={paths.home.getHref()}>
        {t('common.backToStart')}
      </Link>
    </main>
  );
}
