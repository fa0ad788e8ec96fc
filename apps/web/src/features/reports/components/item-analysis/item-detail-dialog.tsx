// One item of the pool, opened from its row: its figures and flags, what officers answered, and where they
// clicked. Instructors and admins may open the exercise to edit it (a new version) or take it out of the module's
// draft pool (after a confirmation; the change reaches officers once the module is published again). An item model
// has no exercise to open, and its answers and clicks belong to each officer's own document: it says so instead.
import type { ItemAnalysisRow } from '@firstline/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Banner,
  Button,
  ConfirmDialog,
  Dialog,
  LoadingBlock,
  PencilIcon,
  QueryError,
  TrashIcon,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useItemResponses } from '../../api/get-item-responses';
import { useFigureFormat } from '../../hooks/use-figure-format';
import { ClickHeatmap } from './click-heatmap';
import { ItemFlags } from './item-flags';
import { ItemResponsesSummary } from './item-responses-summary';

/** Takes the exercise (or the item model, by its id) out of the module's draft pool; resolves once saved. */
export type RemoveFromPool = (exerciseId: string) => Promise<void>;

function Responses({ moduleId, version, row }: { moduleId: string; version?: number; row: ItemAnalysisRow }) {
  const responses = useItemResponses(moduleId, row.exerciseVersionId, version);
  if (responses.isPending) return <LoadingBlock />;
  if (responses.isError) return <QueryError error={responses.error} onRetry={() => responses.refetch()} />;
  return <ItemResponsesSummary responses={responses.data} />;
}

function Actions({ moduleId, row, onRemove }: { moduleId: string; row: ItemAnalysisRow; onRemove: RemoveFromPool }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({ mutationFn: () => onRemove(row.exerciseId), onSuccess: () => setConfirming(false) });
  return (
    <>
      <div className="fl-ia-detail__actions">
        {!row.itemModel && (
          <Link
            className="fl-button fl-button--secondary fl-button--sm"
            to={paths.app.exercise.getHref(row.exerciseId)}
          >
            <PencilIcon size={16} />
            {t('itemAnalysis.detail.edit')}
          </Link>
        )}
        <Button
          variant="secondary"
          size="sm"
          icon={<TrashIcon size={16} />}
          onClick={() => setConfirming(true)}
          disabled={remove.isSuccess}
        >
          {t('itemAnalysis.detail.remove')}
        </Button>
      </div>
      {remove.isSuccess && (
        <Banner tone="success" title={t('itemAnalysis.detail.removedTitle')}>
          <p>
            {t('itemAnalysis.detail.removedText')}{' '}
            <Link to={paths.app.module.getHref(moduleId)}>{t('itemAnalysis.detail.openModule')}</Link>
          </p>
        </Banner>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('itemAnalysis.detail.confirmTitle', { title: row.title })}
        confirmLabel={t('itemAnalysis.detail.remove')}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
        isLoading={remove.isPending}
        error={remove.error ? describeError(t, remove.error) : null}
      >
        <p>{t(row.itemModel ? 'itemAnalysis.detail.confirmTextModel' : 'itemAnalysis.detail.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}

export function ItemDetailDialog({
  moduleId,
  version,
  row,
  onClose,
  onRemove,
}: {
  moduleId: string;
  version?: number;
  row: ItemAnalysisRow | null;
  onClose: () => void;
  /** Absent for a reader (a supervisor): no edit, no removal. */
  onRemove?: RemoveFromPool;
}) {
  const { t } = useTranslation();
  const f = useFigureFormat();
  return (
    <Dialog
      open={row !== null}
      onClose={onClose}
      size="lg"
      title={row ? t('itemAnalysis.detail.title', { position: row.position, title: row.title }) : ''}
      description={
        row
          ? t('itemAnalysis.detail.lead', {
              facility: f.score(row.facility),
              discrimination: f.dec(row.discriminationIndex, 1),
              count: row.responses,
              n: f.num(row.responses),
            })
          : undefined
      }
    >
      {row && (
        <div className="fl-ia-detail" data-testid="item-detail">
          <ItemFlags flags={row.flags} />
          {onRemove && <Actions key={row.exerciseVersionId} moduleId={moduleId} row={row} onRemove={onRemove} />}
          {row.itemModel ? (
            <p className="fl-ia-muted" data-testid="item-model-note">
              {t('itemAnalysis.detail.itemModelNote', {
                count: row.itemModel.instances,
                n: f.num(row.itemModel.instances),
              })}
            </p>
          ) : (
            <>
              <h3 className="fl-ia-detail__heading">{t('itemAnalysis.detail.responsesTitle')}</h3>
              <Responses moduleId={moduleId} version={version} row={row} />
              <h3 className="fl-ia-detail__heading">{t('itemAnalysis.detail.clicksTitle')}</h3>
              <ClickHeatmap moduleId={moduleId} exerciseId={row.exerciseId} exerciseVersionId={row.exerciseVersionId} />
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
