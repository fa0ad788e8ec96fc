// The trainee's assigned modules: what is due, how far they are, and the way in (lessons, start or continue,
// results).
import type { AssignmentStatus, MyAssignmentView, MyProgress } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Banner,
  BookIcon,
  Button,
  ButtonLink,
  EmptyState,
  LoadingBlock,
  QueryError,
  type BadgeTone,
} from '@/components/ui';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDemoContentStatus } from '../api/get-demo-content-status';
import { useMyAssignments } from '../api/get-my-assignments';
import { useMyProgress } from '../api/get-my-progress';
import { canStart, sortAssignments } from '../lib/assignments';
import { startErrorText } from '../lib/start-error';

type ProgressPoint = MyProgress['attempts'][number];

const STATUS_TONE: Record<AssignmentStatus, BadgeTone> = {
  upcoming: 'neutral',
  'not-started': 'blue',
  'in-progress': 'amber',
  completed: 'green',
  closed: 'neutral',
};

/** How an attempt is started: the route wires this to the attempts feature (features do not import each other). */
export interface StartControl {
  start: (assignmentId: string) => void;
  /** The assignment being started, if any. */
  startingId: string | null;
  error: unknown;
}

export function AssignmentList({ start }: { start: StartControl }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const assignments = useMyAssignments();
  const progress = useMyProgress();
  const demo = useDemoContentStatus();

  if (assignments.isPending) return <LoadingBlock />;
  if (assignments.isError) return <QueryError error={assignments.error} onRetry={() => assignments.refetch()} />;
  if (assignments.data.length === 0) {
    // On a first start the demo modules are still being prepared: say so, not "nothing assigned".
    if (demo.data?.state === 'preparing') {
      return (
        <EmptyState
          icon={<BookIcon size={32} />}
          title={t('training.demo.preparingTitle')}
          description={t('training.demo.preparingText')}
        />
      );
    }
    return (
      <EmptyState
        icon={<BookIcon size={32} />}
        title={t('training.emptyTitle')}
        description={t('training.emptyText')}
      />
    );
  }
  // Progress points carry the module title, not the assignment: the latest finished attempt of that module.
  const latestByTitle = new Map<string, ProgressPoint>();
  for (const p of progress.data?.attempts ?? []) {
    const seen = latestByTitle.get(p.moduleTitle);
    if (!seen || seen.finishedAt < p.finishedAt) latestByTitle.set(p.moduleTitle, p);
  }

  return (
    <>
      {start.error != null && <Banner tone="danger">{startErrorText(t, start.error, lng)}</Banner>}
      <ul className="fl-assignment-list">
        {sortAssignments(assignments.data).map((a) => (
          <AssignmentRow
            key={a.id}
            assignment={a}
            latest={latestByTitle.get(a.module.title) ?? null}
            starting={start.startingId === a.id}
            onStart={() => start.start(a.id)}
          />
        ))}
      </ul>
    </>
  );
}

function AssignmentRow({
  assignment: a,
  latest,
  starting,
  onStart,
}: {
  assignment: MyAssignmentView;
  latest: ProgressPoint | null;
  starting: boolean;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const titleId = `assignment-${a.id}`;
  return (
    <li className="fl-assignment" aria-labelledby={titleId} data-testid="assignment">
      <div className="fl-assignment__main">
        <p className="fl-assignment__title" id={titleId} dir="auto">
          {a.module.title}
        </p>
        <p className="fl-assignment__meta">
          <Badge tone={a.module.mode === 'assessment' ? 'violet' : 'blue'}>{t(`training.mode.${a.module.mode}`)}</Badge>{' '}
          {t('training.items', { count: a.module.itemCount })} ·{' '}
          {t('training.secondsPerItem', { count: a.module.timePerItemSeconds })}
          {' · '}
          {a.status === 'upcoming'
            ? t('training.opens', { date: formatDate(a.opensAt, lng) })
            : a.closesAt
              ? t('training.due', { date: formatDate(a.closesAt, lng) })
              : t('training.noDue')}
        </p>
        <p className="fl-assignment__meta">
          {a.module.attemptsAllowed === null
            ? t('training.attemptsUsed', { count: a.attemptsUsed })
            : t('training.attemptsOf', { used: a.attemptsUsed, allowed: a.module.attemptsAllowed })}
          {a.bestScore !== null && (
            <>
              {' · '}
              {t('training.bestScore', { score: formatNumber(Math.round(a.bestScore), lng) })}{' '}
              {a.passed !== null && (
                <Badge tone={a.passed ? 'green' : 'red'}>{a.passed ? t('results.passed') : t('results.failed')}</Badge>
              )}
            </>
          )}
        </p>
      </div>
      <div className="fl-assignment__side">
        <Badge tone={STATUS_TONE[a.status]}>{t(`training.status.${a.status}`)}</Badge>
        <div className="fl-assignment__actions">
          {a.module.hasLessons && a.status !== 'upcoming' && (
            <ButtonLink size="sm" variant="secondary" to={paths.app.lessons.getHref(a.id)} aria-describedby={titleId}>
              {t('training.lessons')}
            </ButtonLink>
          )}
          {latest && (
            <ButtonLink
              size="sm"
              variant="secondary"
              to={paths.app.results.getHref(latest.attemptId)}
              aria-describedby={titleId}
            >
              {t('training.results')}
            </ButtonLink>
          )}
          {a.activeAttemptId ? (
            <ButtonLink
              size="sm"
              variant="primary"
              to={paths.app.attempt.getHref(a.activeAttemptId)}
              aria-describedby={titleId}
              data-testid="continue-attempt"
            >
              {t('training.continue')}
            </ButtonLink>
          ) : (
            canStart(a) && (
              <Button
                size="sm"
                onClick={onStart}
                isLoading={starting}
                aria-describedby={titleId}
                data-testid="start-attempt"
              >
                {a.attemptsUsed > 0 ? t('training.startAgain') : t('training.start')}
              </Button>
            )
          )}
        </div>
      </div>
    </li>
  );
}
