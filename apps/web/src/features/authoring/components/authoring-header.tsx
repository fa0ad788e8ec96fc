// The head of an authoring page: back to the exercise library, then the page's title and what it does.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon, PageHeader } from '@/components/ui';
import { paths } from '@/config/paths';

export function AuthoringHeader({ title, description }: { title: string; description: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={paths.app.exercises.getHref()} className="fl-back-link">
        <ChevronIcon size={16} className="fl-icon-back" />
        {t('authoring.backToLibrary')}
      </Link>
      <PageHeader eyebrow={t('authoring.eyebrow')} title={title} description={description} />
    </>
  );
}
