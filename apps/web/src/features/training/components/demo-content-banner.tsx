// While the first start prepares the demo modules (the practice modules first, then the assessment), My training
// says what is being prepared and how far it is, and lists each module as soon as it is ready.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '@/components/ui';
import { formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDemoContentStatus } from '../api/get-demo-content-status';
import { getMyAssignmentsQueryOptions } from '../api/get-my-assignments';

export function DemoContentBanner() {
  const { t } = useTranslation();
  const status = useDemoContentStatus();
  const queryClient = useQueryClient();
  const data = status.data;

  // A step finished: its modules are assigned now, so the list is read again.
  useEffect(() => {
    if (data?.practiceReady || data?.state === 'ready')
      void queryClient.invalidateQueries({ queryKey: getMyAssignmentsQueryOptions().queryKey });
  }, [data?.practiceReady, data?.state, queryClient]);

  if (!data) return null;
  if (data.state === 'failed') {
    return (
      <Banner tone="danger" title={t('training.demo.failedTitle')}>
        {t('training.demo.failedText')}
      </Banner>
    );
  }
  if (data.state !== 'preparing') return null;
  const percent = formatPercent(data.percent / 100, currentLanguage());
  const practice = data.step === 'practice';
  return (
    <Banner
      tone="info"
      title={practice ? t('training.demo.practiceTitle') : t('training.demo.libraryTitle')}
      className="fl-demo-progress"
    >
      <p>
        {practice
          ? t('training.demo.practiceText', { count: data.documents, percent })
          : t('training.demo.libraryText', { count: data.documents, percent })}
      </p>
      <progress
        className="fl-progress"
        max={100}
        value={data.percent}
        aria-label={practice ? t('training.demo.practiceTitle') : t('training.demo.libraryTitle')}
        data-testid="demo-progress"
      />
    </Banner>
  );
}
