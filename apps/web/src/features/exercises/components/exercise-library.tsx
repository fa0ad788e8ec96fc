// The exercise library: filter by issuing state, document type, fraud type, difficulty, tag and text (retired ones
// on request); each row opens the editor and can be duplicated or retired / restored.
import { FACILITY_BANDS, FRAUD_TYPES, type ExerciseListQuery, type ExerciseSummary } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  ErrorBanner,
  FileIcon,
  FilterSelect,
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
import { describeError } from '@/lib/errors';
import { formatDecimal, formatNumber } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useExerciseAction } from '../api/exercise-actions';
import { useExercises } from '../api/get-exercises';
import { filterQuery, isFiltered, NO_FILTERS, type LibraryFilters } from '../lib/library-filters';

export const EXERCISES_PAGE_SIZE = 25;
const SORT_LABEL = {
  title: 'exercises.facility.sortTitle',
  facility: 'exercises.facility.sortHardest',
  '-facility': 'exercises.facility.sortEasiest',
} as const;
const DIFFICULTIES = ['1', '2', '3', '4', '5'] as const;

export function ExerciseLibrary() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const navigate = useNavigate();
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<NonNullable<ExerciseListQuery['sort']>>('title');
  const [retiring, setRetiring] = useState<ExerciseSummary | null>(null);
  const action = useExerciseAction();
  const search = useDebouncedValue(filters.search, 300);
  const tag = useDebouncedValue(filters.tag, 300);
  const exercises = useExercises({
    ...filterQuery({ ...filters, search, tag }, EXERCISES_PAGE_SIZE, offset),
    ...(sort !== 'title' ? { sort } : {}),
  });
  // The facility header cycles: hardest first, easiest first, back to by title.
  const nextSort = ({ title: 'facility', facility: '-facility', '-facility': 'title' } as const)[sort];
  const change = (patch: Partial<LibraryFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setOffset(0);
  };

  const duplicate = (e: ExerciseSummary) =>
    action.mutate(
      { id: e.id, action: 'duplicate' },
      { onSuccess: (copy) => navigate(paths.app.exercise.getHref(copy.id)) },
    );

  const columns: Column<ExerciseSummary>[] = [
    {
      key: 'title',
      header: t('exercises.fields.title'),
      cell: (e) => (
        <div className="fl-person">
          <Link className="fl-table__primary-link" dir="auto" to={paths.app.exercise.getHref(e.id)}>
            {e.title}
          </Link>
          <span className="fl-person__sub">
            {t('exercises.versionN', { version: e.version })}
            {e.tags.length > 0 && <> · {e.tags.join(', ')}</>}
          </span>
          {e.retiredAt && <Badge tone="amber">{t('exercises.retired')}</Badge>}
        </div>
      ),
    },
    {
      key: 'document',
      header: t('exercises.document'),
      cell: (e) => (
        <span className="fl-nowrap" title={t(`taxonomy.documentType.${e.documentType}`)}>
          <code dir="ltr">{e.issuingState}</code> ·{' '}
          <span aria-hidden="true" dir="ltr">
            {e.documentType}
          </span>
          <span className="fl-visually-hidden">{t(`taxonomy.documentType.${e.documentType}`)}</span>
        </span>
      ),
    },
    {
      key: 'fraud',
      header: t('exercises.fields.fraudType'),
      cell: (e) => <Badge tone={e.verdict === 'genuine' ? 'green' : 'red'}>{t(fraudTypeKey(e.fraudType))}</Badge>,
    },
    {
      key: 'difficulty',
      header: t('exercises.fields.difficulty'),
      align: 'end',
      cell: (e) => <span className="fl-num">{formatNumber(e.difficulty, lng)}</span>,
    },
    {
      key: 'facility',
      header: (
        <button
          type="button"
          className="fl-sort"
          title={`${t('exercises.facility.tooltip')} ${t(SORT_LABEL[nextSort])}.`}
          onClick={() => {
            setSort(nextSort);
            setOffset(0);
          }}
        >
          <span>{t('exercises.facility.column')}</span>
          <span className={`fl-sort__mark${sort !== 'title' ? ' fl-sort__mark--active' : ''}`} aria-hidden="true">
            {sort === 'facility' ? '▲' : sort === '-facility' ? '▼' : '↕'}
          </span>
        </button>
      ),
      align: 'end',
      sorted: sort === 'facility' ? 'ascending' : sort === '-facility' ? 'descending' : undefined,
      cell: (e) =>
        e.facility === null ? (
          <span className="fl-muted" aria-label={t('exercises.facility.unanalysed')}>
            –
          </span>
        ) : (
          <span className="fl-num" title={t('exercises.facility.tooltip')}>
            {formatDecimal(e.facility, lng)}
          </span>
        ),
    },
    {
      key: 'uses',
      header: t('exercises.useCount'),
      align: 'end',
      cell: (e) => <span className="fl-num">{formatNumber(e.useCount, lng)}</span>,
    },
    {
      key: 'exposures',
      header: <span title={t('exercises.exposures.tooltip')}>{t('exercises.exposures.column')}</span>,
      align: 'end',
      cell: (e) => (
        <span className="fl-num" title={t('exercises.exposures.cell', { count: e.exposures })}>
          {formatNumber(e.exposures, lng)}
        </span>
      ),
    },
    {
      key: 'actions',
      header: <span className="fl-visually-hidden">{t('exercises.actions')}</span>,
      align: 'end',
      cell: (e) => (
        <div className="fl-row-actions fl-nowrap">
          <Button
            size="sm"
            variant="secondary"
            onClick={() => duplicate(e)}
            disabled={action.isPending}
            aria-label={t('exercises.duplicateNamed', { title: e.title })}
          >
            {t('exercises.duplicate')}
          </Button>
          {e.retiredAt ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => action.mutate({ id: e.id, action: 'restore' })}
              disabled={action.isPending}
              aria-label={t('exercises.restoreNamed', { title: e.title })}
            >
              {t('exercises.restore')}
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setRetiring(e)}
              aria-label={t('exercises.retireNamed', { title: e.title })}
            >
              {t('exercises.retire')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <div className="fl-stack">
      <div className="fl-filters fl-filters--exercises" role="search">
        <SearchInput
          className="fl-filters__search"
          label={t('exercises.search')}
          value={filters.search}
          onValueChange={(search) => change({ search })}
        />
        <label className="fl-filter">
          <span className="fl-filter__label">{t('exercises.fields.issuingState')}</span>
          <input
            className="fl-input"
            value={filters.issuingState}
            maxLength={3}
            dir="ltr"
            placeholder="UTO"
            onChange={(e) => change({ issuingState: e.target.value.toUpperCase() })}
          />
        </label>
        <DocumentTypeFilter value={filters.documentType} onChange={(documentType) => change({ documentType })} />
        <FilterSelect
          label={t('exercises.fields.fraudType')}
          allLabel={t('exercises.allFraudTypes')}
          value={filters.fraudType}
          options={FRAUD_TYPES.map((f) => ({ value: f, label: t(fraudTypeKey(f)) }))}
          onChange={(fraudType) => change({ fraudType })}
        />
        <FilterSelect
          label={t('exercises.fields.difficulty')}
          allLabel={t('exercises.allDifficulties')}
          value={filters.difficulty as (typeof DIFFICULTIES)[number] | ''}
          options={DIFFICULTIES.map((d) => ({ value: d, label: formatNumber(Number(d), lng) }))}
          onChange={(difficulty) => change({ difficulty })}
        />
        <label className="fl-filter">
          <span className="fl-filter__label">{t('exercises.fields.tag')}</span>
          <input
            className="fl-input"
            value={filters.tag}
            maxLength={40}
            onChange={(e) => change({ tag: e.target.value })}
          />
        </label>
        <FilterSelect
          label={t('exercises.facility.filter')}
          allLabel={t('exercises.facility.all')}
          value={filters.facility}
          options={FACILITY_BANDS.map((band) => ({ value: band, label: t(`exercises.facility.${band}`) }))}
          onChange={(facility) => change({ facility })}
        />
        <FilterSelect
          label={t('exercises.use.filter')}
          allLabel={t('exercises.use.all')}
          value={filters.use}
          options={(['in-modules', 'unused'] as const).map((use) => ({ value: use, label: t(`exercises.use.${use}`) }))}
          onChange={(use) => change({ use })}
        />
        <Checkbox
          label={t('exercises.showRetired')}
          checked={filters.showRetired}
          onChange={(e) => change({ showRetired: e.target.checked })}
        />
        {exercises.isFetching && !exercises.isPending ? <Spinner size="sm" /> : <span />}
      </div>

      {!retiring && <ErrorBanner error={action.error} />}
      {exercises.isPending ? (
        <LoadingBlock />
      ) : exercises.isError ? (
        <QueryError error={exercises.error} onRetry={() => exercises.refetch()} />
      ) : exercises.data.items.length === 0 ? (
        <EmptyState
          icon={<FileIcon size={32} />}
          title={isFiltered(filters) ? t('exercises.noMatchesTitle') : t('exercises.emptyTitle')}
          description={isFiltered(filters) ? t('exercises.noMatchesText') : t('exercises.emptyText')}
        />
      ) : (
        <>
          <Table
            className="fl-table-wrap--compact fl-table-wrap--contained fl-exercise-table"
            columns={columns}
            rows={exercises.data.items}
            rowKey={(e) => e.id}
            rowClassName={(e) => (e.retiredAt ? 'fl-row--muted' : undefined)}
            caption={t('exercises.title')}
          />
          <Pagination
            total={exercises.data.total}
            limit={exercises.data.limit || EXERCISES_PAGE_SIZE}
            offset={exercises.data.offset}
            onChange={setOffset}
          />
        </>
      )}
      <ConfirmDialog
        open={retiring !== null}
        title={t('exercises.retireTitle', { title: retiring?.title ?? '' })}
        confirmLabel={t('exercises.retire')}
        isLoading={action.isPending}
        error={retiring && action.error ? describeError(t, action.error) : null}
        onClose={() => {
          setRetiring(null);
          action.reset();
        }}
        onConfirm={() =>
          retiring && action.mutate({ id: retiring.id, action: 'retire' }, { onSuccess: () => setRetiring(null) })
        }
      >
        <p>{t('exercises.retireText')}</p>
      </ConfirmDialog>
    </div>
  );
}
