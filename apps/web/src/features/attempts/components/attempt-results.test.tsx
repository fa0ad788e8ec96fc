// Results: score, the accept/refer split, breakdowns and the item-by-item review; and the player in Urdu (RTL).
import 'fake-indexeddb/auto';
import type { AttemptReview } from '@firstline/contracts';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetOutboxSyncForTests } from '@/features/attempts/outbox/outbox-sync';
import { i18n } from '@/lib/i18n';
import { ATTEMPT_ID, makeAttempt, makeFeedback, makeItem } from '@/testing/attempt-fixtures';
import { json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import { stubViewer } from '@/testing/stub-viewer';
import { renderApp, resetAppState } from '@/testing/test-utils';

const trainee = makeUser({ role: 'trainee' });
const base = `/api/attempts/${ATTEMPT_ID}`;

const finished = makeAttempt({
  status: 'finished',
  finishedAt: '2026-05-03T10:00:00Z',
  score: 62.5,
  passed: false,
  currentItem: 3,
  answered: [true, true],
});
const review: AttemptReview = {
  attempt: finished,
  results: {
    score: 62.5,
    passed: false,
    passMark: 80,
    answered: 2,
    late: 1,
    outcomes: { hits: 3, misses: 2, falseAlarms: 1, correctRejections: 4 },
    missedForgeries: 2,
    needlessReferrals: 1,
    byFeatureCategory: [{ key: 'personalisation', correct: 3, total: 4, score: 0.75 }],
    byFraudType: [{ key: 'forged:photo-substitution', correct: 1, total: 2, score: 0.5 }],
    meanResponseMs: 9400,
  },
  items: [
    {
      n: 1,
      presentation: makeItem(1, { locked: true }),
      answer: { decision: 'accept', points: [], fraudType: null, features: [], mrzFailedChecks: [] },
      late: true,
      responseTimeMs: 14_000,
      feedback: makeFeedback({ score: 0 }),
    },
  ],
};

describe('results', () => {
  beforeEach(async () => {
    await resetAppState();
    resetOutboxSyncForTests();
  });

  it('shows score, missed forgeries against needless referrals, breakdowns and the item review', async () => {
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(trainee)),
      [`GET ${base}`]: () => json(finished),
      [`GET ${base}/review`]: () => json(review),
    });
    renderApp(`/app/attempts/${ATTEMPT_ID}/results`);
    expect(await screen.findByTestId('attempt-score')).toHaveTextContent('63%');
    expect(screen.getByText('Not passed')).toBeInTheDocument();
    const outcomes = await screen.findByTestId('decision-outcomes');
    expect(
      within(outcomes).getByText('Missed forgeries (fraudulent documents accepted)').previousSibling,
    ).toHaveTextContent('2');
    expect(
      within(outcomes).getByText('Needless referrals (genuine documents referred)').previousSibling,
    ).toHaveTextContent('1');
    const byCategory = screen.getByRole('table', { name: 'By security-feature category' });
    expect(within(byCategory).getByText('Personalisation')).toBeInTheDocument();
    expect(within(byCategory).getByText('3 / 4')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'By fraud type' })).getByText('Forged — photo substitution'),
    ).toBeInTheDocument();
    const item = screen.getByTestId('review-item');
    expect(item).toHaveTextContent('Wrong decision');
    expect(item).toHaveTextContent('Late');
    expect(item).toHaveTextContent('its edge casts a shadow');
  });
});

describe('the review as staff read it', () => {
  beforeEach(async () => {
    await resetAppState();
    resetOutboxSyncForTests();
  });

  it('opens an officer’s attempt from a report, with the asked-for item open and a way back to the officer', async () => {
    const officerId = '3e2a9c1b-7d4f-4b8e-9a6c-000000000001';
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'supervisor', username: 'supervisor1' }))),
      [`GET ${base}`]: () => json(finished),
      [`GET ${base}/review`]: () => json(review),
    });
    renderApp(`/app/reports/attempts/${ATTEMPT_ID}?officer=${officerId}&item=1`);
    expect(await screen.findByTestId('attempt-score')).toHaveTextContent('63%');
    expect(screen.getByRole('link', { name: 'Back to the officer' })).toHaveAttribute(
      'href',
      `/app/reports/officers/${officerId}`,
    );
    const item = await screen.findByTestId('review-item');
    expect(item).toHaveAttribute('id', 'item-1');
    expect(item.querySelector('details')).toHaveAttribute('open');
    expect(screen.queryByRole('link', { name: 'Back to my training' })).not.toBeInTheDocument();
  });
});

describe('Urdu', () => {
  beforeEach(async () => {
    await resetAppState();
    resetOutboxSyncForTests();
  });

  it('lays the player out right to left with Urdu labels', async () => {
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor({ ...trainee, language: 'ur' })),
      [`GET ${base}`]: () => json(makeAttempt()),
      [`GET ${base}/items/1`]: () => json(makeItem(1)),
    });
    renderApp(`/app/attempts/${ATTEMPT_ID}`, { viewerEngine: stubViewer().create });
    expect(await screen.findByTestId('decision-accept')).toHaveTextContent('قبول کریں');
    expect(i18n.resolvedLanguage).toBe('ur');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByTestId('decision-refer')).toHaveTextContent('سیکنڈ لائن کو بھیجیں');
    expect(screen.getByTestId('item-progress')).toHaveTextContent('سوال 1 از 2');
  });
});
