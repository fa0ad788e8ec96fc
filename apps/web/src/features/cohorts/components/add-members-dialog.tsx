// Pick trainees to enrol. The candidate list comes from the caller (the users search), so this stays in its lane.
import type { UserView } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner, Button, Dialog, EmptyState, LoadingBlock, SearchInput } from '@/components/ui';
import { useResetOnOpen } from '@/hooks/use-reset-on-open';
import { describeError } from '@/lib/errors';
import { useAddCohortMembers } from '../api/add-cohort-members';

export function AddMembersDialog({
  open,
  onClose,
  cohortId,
  cohortName,
  candidates,
  isLoading,
  loadError,
  search,
  onSearch,
  memberIds,
}: {
  open: boolean;
  onClose: () => void;
  cohortId: string;
  cohortName: string;
  candidates: UserView[];
  isLoading: boolean;
  loadError: unknown;
  search: string;
  onSearch: (q: string) => void;
  memberIds: Set<string>;
}) {
  const { t } = useTranslation();
  const add = useAddCohortMembers();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  useResetOnOpen(open, () => {
    setSelected(new Set());
    add.reset();
  });

  const available = candidates.filter((u) => !memberIds.has(u.id) && u.active);
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="lg"
      title={t('cohorts.addTitle', { name: cohortName })}
      description={t('cohorts.addHint')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={selected.size === 0}
            isLoading={add.isPending}
            onClick={() => add.mutate({ cohortId, userIds: [...selected] }, { onSuccess: onClose })}
          >
            {t('cohorts.addSelected', { count: selected.size })}
          </Button>
        </>
      }
    >
      {add.error && <Banner tone="danger">{describeError(t, add.error)}</Banner>}
      <SearchInput label={t('cohorts.searchTrainees')} value={search} onValueChange={onSearch} data-autofocus />
      {isLoading ? (
        <LoadingBlock />
      ) : loadError ? (
        <Banner tone="danger">{describeError(t, loadError)}</Banner>
      ) : available.length === 0 ? (
        <EmptyState title={t('cohorts.noCandidates')} description={t('cohorts.noCandidatesText')} />
      ) : (
        <ul className="fl-pick-list" aria-label={t('cohorts.candidates')}>
          {available.map((u) => (
            <li key={u.id}>
              <label className="fl-pick">
                <input type="checkbox" checked={selected.has(u.id)} onChange={() => toggle(u.id)} />
                <span className="fl-pick__name">{u.displayName}</span>
                <span className="fl-pick__meta" dir="ltr">
                  {u.serviceNumber ?? u.username}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
