// The specimen library: search by title or series, filter by issuing state and document type, page through.
import type { DocumentType, SpecimenSummary } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  EmptyState,
  FileIcon,
  LoadingBlock,
  Pagination,
  QueryError,
  SearchInput,
  Spinner,
  Table,
  type Column,
} from '@/components/ui';
import { DocumentTypeFilter } from '@/components/ui/document-type-select';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useSpecimens } from '../api/get-specimens';

export const SPECIMENS_PAGE_SIZE = 25;

export function SpecimenThumbnail({ url, title }: { url: string | null; title: string }) {
  return url ? (
    <img className="fl-thumb" src={url} alt="" loading="lazy" width={72} height={51} title={title} />
  ) : (
    <span className="fl-thumb fl-thumb--empty" aria-hidden="true">
      <FileIcon size={20} />
    </span>
  );
}

export function SpecimensList() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [search, setSearch] = useState('');
  const [state, setState] = useState('');
  const [documentType, setDocumentType] = useState<DocumentType | ''>('');
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const issuingState = /^[A-Za-z<]{3}$/.test(state.trim()) ? state.trim().toUpperCase() : undefined;
  const specimens = useSpecimens({
    q: q || undefined,
    issuingState,
    documentType: documentType || undefined,
    limit: SPECIMENS_PAGE_SIZE,
    offset,
  });
  const filtered = Boolean(q || issuingState || documentType);

  const columns: Column<SpecimenSummary>[] = [
    {
      key: 'thumb',
      header: <span className="fl-visually-hidden">{t('library.thumbnail')}</span>,
      width: '5.5rem',
      cell: (s) => <SpecimenThumbnail url={s.thumbnail} title={s.title} />,
    },
    {
      key: 'title',
      header: t('library.fields.title'),
      cell: (s) => (
        <div className="fl-person">
          <Link className="fl-table__primary-link" dir="auto" to={paths.app.specimen.getHref(s.id)}>
            {s.title}
          </Link>
          {(s.series || s.year) && (
            <span className="fl-person__sub">{[s.series, s.year].filter(Boolean).join(' · ')}</span>
          )}
        </div>
      ),
    },
    { key: 'state', header: t('library.fields.issuingState'), cell: (s) => <code dir="ltr">{s.issuingState}</code> },
    {
      key: 'type',
      header: t('library.fields.documentType'),
      // The ICAO code keeps rows narrow; the full name is the tooltip and what a screen reader reads.
      cell: (s) => (
        <span className="fl-unit-code" title={t(`taxonomy.documentType.${s.documentType}`)}>
          <span aria-hidden="true" dir="ltr">
            {s.documentType}
          </span>
          <span className="fl-visually-hidden">{t(`taxonomy.documentType.${s.documentType}`)}</span>
        </span>
      ),
    },
    {
      key: 'images',
      header: t('library.images'),
      align: 'end',
      cell: (s) => <span className="fl-num">{formatNumber(s.imageCount, lng)}</span>,
    },
    {
      key: 'features',
      header: t('library.features'),
      align: 'end',
      cell: (s) => <span className="fl-num">{formatNumber(s.featureCount, lng)}</span>,
    },
    {
      key: 'updated',
      header: t('library.updated'),
      cell: (s) => <span className="fl-nowrap">{formatDate(s.updatedAt, lng)}</span>,
    },
  ];

  return (
    <div className="fl-stack">
      <div className="fl-filters" role="search">
        <SearchInput
          className="fl-filters__search"
          label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          value={search}
          onValueChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <label className="fl-filter">
          <span className="fl-filter__label">{t('library.fields.issuingState')}</span>
          <input
            className="fl-input"
            value={state}
            maxLength={3}
            dir="ltr"
            placeholder="UTO"
            onChange={(e) => {
              setState(e.target.value.toUpperCase());
              setOffset(0);
            }}
          />
        </label>
        <DocumentTypeFilter
          value={documentType}
          onChange={(type) => {
            setDocumentType(type);
            setOffset(0);
          }}
        />
        {specimens.isFetching && !specimens.isPending ? <Spinner size="sm" /> : <span />}
      </div>

      {specimens.isPending ? (
        <LoadingBlock />
      ) : specimens.isError ? (
        <QueryError error={specimens.error} onRetry={() => specimens.refetch()} />
      ) : specimens.data.items.length === 0 ? (
        <EmptyState
          icon={<FileIcon size={32} />}
          title={filtered ? t('library.noMatchesTitle') : t('library.emptyTitle')}
          description={filtered ? t('library.noMatchesText') : t('library.emptyText')}
        />
      ) : (
        <>
          <Table
            className="fl-table-wrap--compact"
            columns={columns}
            rows={specimens.data.items}
            rowKey={(s) => s.id}
            caption={t('nav.library')}
          />
          <Pagination
            total={specimens.data.total}
            limit={specimens.data.limit || SPECIMENS_PAGE_SIZE}
            offset={specimens.data.offset}
            onChange={setOffset}
          />
        </>
      )}
    </div>
  );
}
