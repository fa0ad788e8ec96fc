import { TRAINEE_CSV_COLUMNS } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Card, PageHeader } from '@/components/ui';
import { ImportTrainees } from '@/features/users/components/import-trainees';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function ImportTraineesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('import.title'));
  return (
    <div className="fl-page">
      <PageHeader title={t('import.title')} description={t('import.intro')} />
      <div className="fl-grid fl-grid--aside">
        <Card title={t('import.uploadTitle')}>
          <ImportTrainees />
        </Card>
        <Card title={t('import.formatTitle')} description={t('import.formatHint')} headingLevel={2}>
          <dl className="fl-columns-spec">
            {TRAINEE_CSV_COLUMNS.map((c) => (
              <div key={c}>
                <dt>
                  <code dir="ltr">{c}</code>
                </dt>
                <dd>{t(`import.columns.${c}`)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </div>
  );
}
