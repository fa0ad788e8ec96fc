// Results of a finished attempt: score and pass/fail, the accept/refer split (missed forgeries against needless
// referrals), results by feature category and fraud type, and the item-by-item review when the mode allows it.
import type { AttemptReview, AttemptView, FeatureCategory, ImageUrls, Point } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, ButtonLink, Card, LoadingBlock, PageHeader, QueryError, Table } from '@/components/ui';
import { paths } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { fraudTypeKey } from '@/lib/taxonomy-keys';
import { useAttempt } from '../api/get-attempt';
import { useAttemptReview } from '../api/get-attempt-review';
import { FeedbackBody } from './feedback-panel';

type Breakdown = AttemptReview['results']['byFraudType'][number];
type ReviewItem = AttemptReview['items'][number];

const pct = (v: number, lng: 'en' | 'ur') => `${formatNumber(Math.round(v), lng)}%`;

export function AttemptResultsView({
  attemptId,
  back: backTo,
  openItem,
}: {
  attemptId: string;
  /** Where the back link goes: the trainee's training by default; staff go back to the officer's report. */
  back?: { to: string; label: string };
  /** The item to open (and scroll to) in the item-by-item review. */
  openItem?: number;
}) {
  const { t } = useTranslation();
  const attempt = useAttempt(attemptId);
  const finished = attempt.data?.status === 'finished';
  const review = useAttemptReview(attemptId, finished);

  if (attempt.isPending) return <LoadingBlock />;
  if (attempt.isError) return <QueryError error={attempt.error} onRetry={() => attempt.refetch()} />;
  const attemptView = attempt.data;
  const back = (
    <ButtonLink to={backTo?.to ?? paths.app.training.getHref()}>
      {backTo?.label ?? t('results.backToTraining')}
    </ButtonLink>
  );
  if (!finished) {
    return (
      <>
        <PageHeader eyebrow={t('results.title')} title={attemptView.moduleTitle} actions={back} />
        <Card>
          <p>{t('results.notFinished')}</p>
          {/* Only the officer can continue their attempt; staff reading it have a back link. */}
          {!backTo && (
            <ButtonLink variant="primary" to={paths.app.attempt.getHref(attemptView.id)}>
              {t('training.continue')}
            </ButtonLink>
          )}
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader eyebrow={t('results.title')} title={attemptView.moduleTitle} actions={back} />
      <ScoreCard attempt={attemptView} review={review.data ?? null} />
      {review.isPending ? (
        <LoadingBlock />
      ) : review.isError ? (
        <QueryError error={review.error} onRetry={() => review.refetch()} />
      ) : review.data ? (
        <ReviewDetails review={review.data} openItem={openItem} />
      ) : (
        <Card>
          <p data-testid="review-unavailable">
            {attemptView.feedback === 'never' ? t('results.reviewNever') : t('results.reviewLater')}
          </p>
        </Card>
      )}
    </>
  );
}

function ScoreCard({ attempt, review }: { attempt: AttemptView; review: AttemptReview | null }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const score = review?.results.score ?? attempt.score;
  const passed = review?.results.passed ?? attempt.passed;
  return (
    <Card className="fl-score">
      <div className="fl-score__main">
        {score === null ? (
          <p>{t('results.scoreHidden')}</p>
        ) : (
          <>
            <p className="fl-score__value" dir="ltr" data-testid="attempt-score">
              {pct(score, lng)}
            </p>
            {passed !== null && (
              <Badge tone={passed ? 'green' : 'red'}>{passed ? t('results.passed') : t('results.failed')}</Badge>
            )}
          </>
        )}
        <p className="fl-score__meta">{t('results.passMark', { mark: pct(attempt.passMark, lng) })}</p>
      </div>
      {review && (
        <dl className="fl-facts fl-facts--row">
          <div>
            <dt>{t('results.answered')}</dt>
            <dd>
              {formatNumber(review.results.answered, lng)} / {formatNumber(attempt.itemCount, lng)}
            </dd>
          </div>
          <div>
            <dt>{t('results.late')}</dt>
            <dd>{formatNumber(review.results.late, lng)}</dd>
          </div>
          {review.results.meanResponseMs !== null && (
            <div>
              <dt>{t('results.meanTime')}</dt>
              <dd>{t('results.seconds', { value: (review.results.meanResponseMs / 1000).toFixed(1) })}</dd>
            </div>
          )}
        </dl>
      )}
    </Card>
  );
}

function ReviewDetails({ review, openItem }: { review: AttemptReview; openItem?: number }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { outcomes, missedForgeries, needlessReferrals } = review.results;
  const breakdownColumns = (label: (key: string) => string) => [
    { key: 'key', header: t('results.group'), cell: (r: Breakdown) => label(r.key) },
    {
      key: 'correct',
      header: t('results.correct'),
      align: 'end' as const,
      cell: (r: Breakdown) => `${r.correct} / ${r.total}`,
    },
    // `score`'s scale is not pinned down by the contract; the share of correct items is unambiguous.
    {
      key: 'share',
      header: t('results.share'),
      align: 'end' as const,
      cell: (r: Breakdown) => <span dir="ltr">{r.total ? pct((r.correct / r.total) * 100, lng) : '—'}</span>,
    },
  ];
  return (
    <>
      <Card title={t('results.decisions')} description={t('results.decisionsHint')}>
        <div className="fl-outcomes" data-testid="decision-outcomes">
          <div className="fl-outcome fl-outcome--bad">
            <p className="fl-outcome__value">{formatNumber(missedForgeries, lng)}</p>
            <p className="fl-outcome__label">{t('results.missedForgeries')}</p>
          </div>
          <div className="fl-outcome fl-outcome--warn">
            <p className="fl-outcome__value">{formatNumber(needlessReferrals, lng)}</p>
            <p className="fl-outcome__label">{t('results.needlessReferrals')}</p>
          </div>
          <div className="fl-outcome fl-outcome--good">
            <p className="fl-outcome__value">{formatNumber(outcomes.hits, lng)}</p>
            <p className="fl-outcome__label">{t('results.hits')}</p>
          </div>
          <div className="fl-outcome fl-outcome--good">
            <p className="fl-outcome__value">{formatNumber(outcomes.correctRejections, lng)}</p>
            <p className="fl-outcome__label">{t('results.correctAccepts')}</p>
          </div>
        </div>
      </Card>
      <div className="fl-grid-2">
        <Card title={t('results.byCategory')}>
          <Table
            caption={t('results.byCategory')}
            rows={review.results.byFeatureCategory}
            rowKey={(r) => r.key}
            columns={breakdownColumns((k) => t(`taxonomy.category.${k as FeatureCategory}`, { defaultValue: k }))}
          />
        </Card>
        <Card title={t('results.byFraudType')}>
          <Table
            caption={t('results.byFraudType')}
            rows={review.results.byFraudType}
            rowKey={(r) => r.key}
            columns={breakdownColumns((k) => t(fraudTypeKey(k), { defaultValue: k }))}
          />
        </Card>
      </div>
      <Card title={t('results.itemReview')}>
        <ol className="fl-review-list">
          {review.items.map((item) => (
            <ReviewRow key={item.n} item={item} open={item.n === openItem} />
          ))}
        </ol>
      </Card>
    </>
  );
}

function ReviewRow({ item, open }: { item: ReviewItem; open: boolean }) {
  const { t } = useTranslation();
  const decision = item.answer?.decision ?? null;
  const right = decision === item.feedback.correctDecision;
  const firstSide = item.presentation.sides[0];
  const image = firstSide?.images.find((i) => i.light === 'visible') ?? firstSide?.images[0];
  return (
    <li
      className="fl-review"
      data-testid="review-item"
      id={`item-${item.n}`}
      ref={open ? (node) => node?.scrollIntoView?.({ block: 'start' }) : undefined}
    >
      <details open={open || undefined}>
        <summary>
          <span className="fl-review__n">{t('player.itemOf', { n: item.n, count: item.presentation.itemCount })}</span>
          <Badge tone={right ? 'green' : 'red'}>{right ? t('feedback.right') : t('feedback.wrong')}</Badge>
          <span>{t(fraudTypeKey(item.feedback.fraudType))}</span>
          {item.late && <Badge tone="amber">{t('results.lateBadge')}</Badge>}
        </summary>
        <div className="fl-review__body">
          {image && firstSide && (
            <StaticDocument
              urls={image.urls}
              regions={item.feedback.regions.filter((r) => r.side === firstSide.side).map((r) => r.polygon)}
              points={(item.answer?.points ?? [])
                .filter((p) => p.side === firstSide.side)
                .map((p) => [p.x, p.y] as [number, number])}
              label={t('player.documentLabel', {
                side: t(`taxonomy.side.${firstSide.side}`),
                light: t(`taxonomy.light.${image.light}`),
              })}
            />
          )}
          <FeedbackBody feedback={item.feedback} decision={decision} />
        </div>
      </details>
    </li>
  );
}

/** A document image with the true regions and the trainee's points, for the review (no deep zoom needed). */
function StaticDocument({
  urls,
  regions,
  points,
  label,
}: {
  urls: ImageUrls;
  regions: Point[][];
  points: Point[];
  label: string;
}) {
  const src = urls.variants['1280.webp'] ?? urls.variants['1280.jpeg'] ?? Object.values(urls.variants)[0];
  return (
    <div className="fl-static-doc">
      <img src={src} alt={label} loading="lazy" />
      <svg viewBox={`0 0 ${urls.width} ${urls.height}`} preserveAspectRatio="none" aria-hidden="true">
        {regions.map((polygon, i) => (
          <polygon
            key={i}
            className="fl-region fl-region--truth"
            points={polygon.map(([u, v]) => `${u * urls.width},${v * urls.height}`).join(' ')}
          />
        ))}
        {points.map(([u, v], i) => (
          <g key={i}>
            <circle
              className="fl-static-doc__point"
              cx={u * urls.width}
              cy={v * urls.height}
              r={Math.max(urls.width, urls.height) / 80}
            />
            <text
              className="fl-static-doc__label"
              x={u * urls.width}
              y={v * urls.height}
              dy="0.35em"
              textAnchor="middle"
              fontSize={Math.max(urls.width, urls.height) / 90}
            >
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
