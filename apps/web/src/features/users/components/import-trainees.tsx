// Upload a trainee CSV. All-or-nothing: either every row is created (and the one-time passwords are shown),
// or nothing is and each bad row is listed.
import { TRAINEE_CSV_COLUMNS, type ImportResult } from '@firstline/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button, DownloadIcon, FileIcon, Table, UploadIcon, type Column } from '@/components/ui';
import { downloadCsv, toCsv } from '@/lib/csv';
import { describeError } from '@/lib/errors';
import { importRowErrors, useImportTrainees } from '../api/import-trainees';
import { ImportErrorTable } from './import-error-table';

const MAX_BYTES = 2 * 1024 * 1024;
const TEMPLATE = toCsv(TRAINEE_CSV_COLUMNS, [['PK-12345', 'Ayesha Khan', 'ISB-IMM', 'Batch 2025-A', 'ur']]);

export function ImportTrainees() {
  const { t } = useTranslation();
  const importer = useImportTrainees();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const rowErrors = importRowErrors(importer.error);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFileFirst'));
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('import.tooLarge'));
      return;
    }
    setFileError(null);
    setResult(null);
    importer.mutate(file, {
      onSuccess: (res) => {
        setResult(res);
        setFile(null);
        if (input.current) input.current.value = '';
      },
    });
  }

  const resultColumns: Column<ImportResult['users'][number]>[] = [
    { key: 'name', header: t('users.name'), cell: (u) => <span className="fl-table__primary">{u.displayName}</span> },
    {
      key: 'service',
      header: t('users.serviceNumber'),
      cell: (u) => (
        <span dir="ltr" className="fl-nowrap">
          {u.serviceNumber}
        </span>
      ),
    },
    { key: 'username', header: t('users.username'), cell: (u) => <code dir="ltr">{u.username}</code> },
    {
      key: 'password',
      header: t('import.initialPassword'),
      cell: (u) => (
        <code dir="ltr" className="fl-secret">
          {u.initialPassword}
        </code>
      ),
    },
  ];

  return (
    <div className="fl-stack">
      <form className="fl-upload" onSubmit={onSubmit} noValidate>
        <div className="fl-upload__drop">
          <FileIcon size={28} className="fl-upload__icon" />
          <div className="fl-upload__text">
            <label htmlFor="import-file" className="fl-field__label">
              {t('import.fileLabel')}
            </label>
            <p className="fl-field__hint" id="import-file-hint">
              {t('import.fileHint')}
            </p>
            <input
              ref={input}
              id="import-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              className="fl-file-input"
              aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
              }}
            />
            {fileError && (
              <p className="fl-field__error" id="import-file-error">
                {fileError}
              </p>
            )}
          </div>
        </div>
        <div className="fl-upload__actions">
          <Button type="submit" icon={<UploadIcon size={18} />} isLoading={importer.isPending}>
            {importer.isPending ? t('import.uploading') : t('import.upload')}
          </Button>
          <Button
            variant="ghost"
            icon={<DownloadIcon size={18} />}
            onClick={() => downloadCsv('firstline-trainees-template.csv', TEMPLATE)}
          >
            {t('import.template')}
          </Button>
        </div>
      </form>

      {importer.isError &&
        (rowErrors ? (
          <section className="fl-stack" aria-labelledby="import-failed-title">
            <Banner tone="danger" title={<span id="import-failed-title">{t('import.failedTitle')}</span>}>
              {t('import.failedText', { count: rowErrors.length })}
            </Banner>
            <ImportErrorTable errors={rowErrors} />
          </section>
        ) : (
          <Banner tone="danger" title={t('import.failedTitle')}>
            {describeError(t, importer.error)}
          </Banner>
        ))}

      {result && (
        <section className="fl-stack" aria-labelledby="import-done-title">
          <Banner
            tone="success"
            title={<span id="import-done-title">{t('import.doneTitle', { count: result.created })}</span>}
            actions={
              result.users.length > 0 && (
                <Button
                  variant="secondary"
                  size="sm"
                  icon={<DownloadIcon size={16} />}
                  onClick={() =>
                    downloadCsv(
                      'firstline-initial-passwords.csv',
                      toCsv(
                        ['service_number', 'name', 'username', 'initial_password'],
                        result.users.map((u) => [u.serviceNumber, u.displayName, u.username, u.initialPassword]),
                      ),
                    )
                  }
                >
                  {t('import.downloadPasswords')}
                </Button>
              )
            }
          >
            {t('import.doneText')}
          </Banner>
          {result.users.length > 0 && (
            <Table
              columns={resultColumns}
              rows={result.users}
              rowKey={(u) => u.username}
              caption={t('import.createdCaption')}
              captionHidden={false}
            />
          )}
        </section>
      )}
    </div>
  );
}
