// A CSV or PDF export: downloads with the session's token, and says in words why when it cannot (a PDF where the
// server has no Chromium answers 503 with the server's own instructions, shown as they come).
import { useTranslation } from 'react-i18next';
import { Banner, Button, DownloadIcon } from '@/components/ui';
import type { QueryParams } from '@/lib/api-client';
import { ApiError } from '@/lib/api-client';
import { describeError } from '@/lib/errors';
import { useDownloadExport } from '../api/download-export';

export function ExportButton({
  path,
  params,
  fallbackName,
  label,
  describedBy,
}: {
  path: string;
  params: QueryParams;
  fallbackName: string;
  label: string;
  /** The accessible description, e.g. which table the CSV holds. */
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const download = useDownloadExport();
  const error = download.error;
  const message =
    error instanceof ApiError && error.status === 503 && error.body?.message
      ? error.body.message
      : error
        ? describeError(t, error)
        : null;
  return (
    <div className="fl-export">
      <Button
        variant="secondary"
        size="sm"
        icon={<DownloadIcon size={16} />}
        isLoading={download.isPending}
        aria-describedby={describedBy}
        onClick={() => download.mutate({ path, params, fallbackName })}
      >
        {label}
      </Button>
      {message && (
        <Banner tone="danger" title={t('reports.export.failed')} className="fl-export__error">
          <p data-testid="export-error">{message}</p>
        </Banner>
      )}
    </div>
  );
}
