// My training, lessons and My progress through the real routes (fetch mocked, viewer stubbed).
import 'fake-indexeddb/auto';
import type { LessonView } from '@firstline/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_ID,
  ATTEMPT_ID,
  imageUrls,
  makeAssignment,
  makeAttempt,
  makeItem,
} from '@/testing/attempt-fixtures';
import { apiError, json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { stubViewer } from '@/testing/stub-viewer';
import { renderApp, resetAppState } from '@/testing/test-utils';

const trainee = makeUser({ role: 'trainee' });

/** The trainee's own decision figures from the four counts (rates are the plain proportions). */
function competence(hits: number, misses: number, falseAlarms: number, correctRejections: number) {
  const fraudulent = hits + misses;
  const genuine = falseAlarms + correctRejections;
  return {
    figures: {
      decisions: fraudulent + genuine,
      hits,
      misses,
      falseAlarms,
      correctRejections,
      hitRate: hits / fraudulent,
      falseAlarmRate: falseAlarms / genuine,
      missedForgeryRate: misses / fraudulent,
      needlessReferralRate: falseAlarms / genuine,
      dPrime: 1.1,
      criterion: -0.2,
      accuracy: (hits + correctRejections) / (fraudulent + genuine),
      meanDecisionMs: 9100,
      medianDecisionMs: 8000,
      locateAccuracy: 0.5,
      fraudTypeAccuracy: 0.4,
    },
    minDecisions: 20,
    weakSpots: [
      { by: 'fraudType', cell: { key: 'forged:photo-substitution', items: 6, correct: 2, proportion: 2 / 6 } },
    ],
  };
}
const READY = { state: 'ready', step: null, practiceReady: true, percent: 100, documents: 0 };
const id = (n: number) => `3e2d1c0b-4a5f-4b6c-8d7e-${String(n).padStart(12, '0')}`;

function signedIn(handlers: Record<string, Handler>, language: 'en' | 'ur' = 'en') {
  const user = language === 'en' ? trainee : { ...trainee, language };
  return mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(user)),
    'GET /api/me/progress': () => json({ attempts: [] }),
    'GET /api/me/competence': () => json(competence(5, 2, 3, 4)),
    'GET /api/demo-content/status': () => json(READY),
    ...handlers,
  });
}

describe('My training', () => {
  beforeEach(async () => {
    await resetAppState();
  });

  it('lists modules with status, due date, best score and the right buttons', async () => {
    signedIn({
      'GET /api/me/assignments': () =>
        json([
          makeAssignment({
            id: id(1),
            module: { title: 'Completed drill', hasLessons: false },
            status: 'completed',
            attemptsUsed: 2,
            bestScore: 91.6,
            passed: true,
          }),
          makeAssignment({
            id: id(2),
            module: { title: 'Running assessment', mode: 'assessment', feedback: 'after-finish', attemptsAllowed: 1 },
            status: 'in-progress',
            attemptsUsed: 1,
            activeAttemptId: ATTEMPT_ID,
          }),
          makeAssignment({
            id: id(3),
            module: { title: 'Upcoming module' },
            status: 'upcoming',
            opensAt: '2026-07-01T00:00:00Z',
          }),
        ]),
      'GET /api/me/progress': () =>
        json({
          attempts: [
            {
              attemptId: id(50),
              moduleTitle: 'Completed drill',
              mode: 'practice',
              finishedAt: '2026-05-03T10:00:00Z',
              score: 91.6,
              passed: true,
            },
          ],
        }),
    });
    renderApp('/app/training');
    const rows = await screen.findAllByTestId('assignment');
    // Open work first, then upcoming, then completed.
    expect(
      rows.map(
        (r) => within(r).getByText(/drill|assessment|module/i, { selector: '.fl-assignment__title' }).textContent,
      ),
    ).toEqual(['Running assessment', 'Upcoming module', 'Completed drill']);
    const [running, upcoming, completed] = rows;
    expect(running).toHaveTextContent('In progress');
    expect(running).toHaveTextContent('Due 30 Jun 2026');
    expect(running).toHaveTextContent('Attempts: 1 of 1');
    expect(within(running).getByRole('link', { name: 'Continue' })).toHaveAttribute(
      'href',
      `/app/attempts/${ATTEMPT_ID}`,
    );
    expect(within(running).getByRole('link', { name: 'Lessons' })).toHaveAttribute(
      'href',
      `/app/training/${id(2)}/lessons`,
    );

    expect(upcoming).toHaveTextContent('Opens 1 Jul 2026');
    expect(within(upcoming).queryByRole('button')).not.toBeInTheDocument();
    expect(within(upcoming).queryByRole('link')).not.toBeInTheDocument();

    expect(completed).toHaveTextContent('Best score 92%');
    expect(completed).toHaveTextContent('Passed');
    expect(await within(completed).findByRole('link', { name: 'Results' })).toHaveAttribute(
      'href',
      `/app/attempts/${id(50)}/results`,
    );
    expect(within(completed).getByRole('button', { name: 'Start again' })).toBeInTheDocument();
  });

  it('on a first start, says what is being prepared and lists the practice modules as soon as they are ready', async () => {
    let status: object = { state: 'preparing', step: 'practice', practiceReady: false, percent: 42, documents: 22 };
    let assignments: object[] = [];
    const api = signedIn({
      'GET /api/demo-content/status': () => json(status),
      'GET /api/me/assignments': () => json(assignments),
    });
    renderApp('/app/training');
    // Not "no modules assigned": what is coming, and how far it is.
    expect(await screen.findByText('Your first modules are being prepared')).toBeInTheDocument();
    expect(screen.queryByText('No modules assigned yet')).not.toBeInTheDocument();
    const banner = screen.getByRole('status', { name: '' });
    expect(banner).toHaveTextContent('Preparing your first modules');
    expect(banner).toHaveTextContent('from 22 documents (42% done)');
    expect(screen.getByTestId('demo-progress')).toHaveAttribute('value', '42');

    // The practice step ends: the list is read again and shows the practice module; the assessment follows.
    status = { state: 'preparing', step: 'library', practiceReady: true, percent: 5, documents: 44 };
    assignments = [makeAssignment({ module: { title: 'First-line document check — practice' } })];
    expect(await screen.findByTestId('assignment', {}, { timeout: 5000 })).toHaveTextContent(
      'First-line document check — practice',
    );
    expect(screen.getByText('Practice is ready; the timed assessment is being prepared')).toBeInTheDocument();
    expect(screen.getByText(/assessment’s 44 documents are being prepared \(5% done\)/)).toBeInTheDocument();

    // All ready: the banner goes and polling stops.
    status = READY;
    await waitFor(() => expect(screen.queryByTestId('demo-progress')).not.toBeInTheDocument(), { timeout: 5000 });
    const polls = api.called('GET /api/demo-content/status').length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(api.called('GET /api/demo-content/status')).toHaveLength(polls);
  }, 20_000);

  it('says so when the demo modules could not be prepared', async () => {
    signedIn({
      'GET /api/demo-content/status': () =>
        json({ state: 'failed', step: null, practiceReady: false, percent: 0, documents: 0 }),
      'GET /api/me/assignments': () => json([]),
    });
    renderApp('/app/training');
    expect(await screen.findByRole('alert')).toHaveTextContent('The demo modules could not be prepared');
    expect(screen.getByText('No modules assigned yet')).toBeInTheDocument();
  });

  it('Start creates an attempt and opens the player', async () => {
    const api = signedIn({
      'GET /api/me/assignments': () => json([makeAssignment()]),
      'POST /api/attempts': () => json(makeAttempt(), 201),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () => json(makeAttempt()),
      [`GET /api/attempts/${ATTEMPT_ID}/items/1`]: () => json(makeItem(1)),
    });
    const viewer = stubViewer();
    const { router } = renderApp('/app/training', { viewerEngine: viewer.create });
    await userEvent.click(await screen.findByTestId('start-attempt'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/app/attempts/${ATTEMPT_ID}`));
    expect(api.called('POST /api/attempts')[0].body).toEqual({ assignmentId: ASSIGNMENT_ID });
    expect(await screen.findByTestId('decision-accept')).toBeInTheDocument();
  });

  it('says why when an attempt cannot be started (409)', async () => {
    signedIn({
      'GET /api/me/assignments': () => json([makeAssignment()]),
      'POST /api/attempts': () => apiError(409, 'No attempts left'),
    });
    renderApp('/app/training');
    await userEvent.click(await screen.findByTestId('start-attempt'));
    expect(
      await screen.findByText('This module cannot be started: it is closed or no attempts are left.'),
    ).toBeInTheDocument();
  });

  it('says in numbers, in the officer’s language, when exposure control leaves too few unseen documents', async () => {
    const details = { reason: 'exposure', seen: 12, documents: 16, unseen: 4, unseenGenuine: 2, draw: 7, genuine: 3 };
    signedIn({
      'GET /api/me/assignments': () => json([makeAssignment()]),
      'POST /api/attempts': () =>
        apiError(409, 'You have already seen the answers to 12 of the 16 documents…', details),
    });
    renderApp('/app/training');
    await userEvent.click(await screen.findByTestId('start-attempt'));
    expect(
      await screen.findByText(
        'You have already seen the answers to 12 of the 16 documents in this assessment, in practice feedback or a ' +
          'review, and an assessment never shows you a document you know: 4 unseen documents (2 genuine) are left, ' +
          'and an attempt needs 7 (3 genuine). Ask your instructor for an assessment with documents you have not seen.',
      ),
    ).toBeInTheDocument();
  });

  it('says, in the officer’s language, when their own documents are still being generated (409 preparing)', async () => {
    const details = { reason: 'preparing', models: 3, ready: 1 };
    const message = 'Your own documents for this assessment are still being generated…';
    signedIn({
      'GET /api/me/assignments': () => json([makeAssignment()]),
      'POST /api/attempts': () => apiError(409, message, details),
    });
    renderApp('/app/training');
    await userEvent.click(await screen.findByTestId('start-attempt'));
    expect(
      await screen.findByText(
        'Your own documents for this assessment are still being generated (1 of its 3 item models have one ' +
          'waiting). Nothing was started; try again in a minute.',
      ),
    ).toBeInTheDocument();
  });

  it('says the same in Urdu to an officer who reads Urdu', async () => {
    signedIn(
      {
        'GET /api/me/assignments': () => json([makeAssignment()]),
        'POST /api/attempts': () =>
          apiError(409, 'still being generated', { reason: 'preparing', models: 2, ready: 0 }),
      },
      'ur',
    );
    renderApp('/app/training');
    await userEvent.click(await screen.findByTestId('start-attempt'));
    expect(
      await screen.findByText(
        'اس جانچ کے لیے آپ کی اپنی دستاویزات ابھی تیار ہو رہی ہیں (اس کے 2 آئٹم ماڈلز میں سے 0 کی دستاویز منتظر ہے)۔ ' +
          'کچھ شروع نہیں ہوا؛ ایک منٹ بعد دوبارہ کوشش کریں۔',
      ),
    ).toBeInTheDocument();
  });
});

describe('Lessons', () => {
  beforeEach(resetAppState);

  const lesson: LessonView = {
    specimenId: id(70),
    title: 'Utopia passport, 2024 series',
    issuingState: 'UTO',
    documentType: 'TD3',
    description: 'The data page of a genuine specimen.',
    images: [
      { side: 'data-page', light: 'visible', frame: 1, urls: imageUrls('l-vis') },
      { side: 'data-page', light: 'uv365', frame: 1, urls: imageUrls('l-uv') },
    ],
    features: [
      {
        id: id(71),
        name: 'Guilloche background',
        kind: 'guilloche',
        category: 'printed-security-design',
        side: 'data-page',
        lights: ['visible'],
        region: [
          [0.1, 0.1],
          [0.4, 0.1],
          [0.4, 0.3],
        ],
        description: 'Fine interlaced lines.',
      },
      {
        id: id(72),
        name: 'UV fibres',
        kind: 'security-fibres',
        category: 'substrate',
        side: 'data-page',
        lights: ['uv365'],
        region: [
          [0.5, 0.5],
          [0.6, 0.5],
          [0.6, 0.6],
        ],
        description: 'Glow blue and red.',
      },
    ],
  };

  it('draws the features checked under the light in use, and zooms to a feature picked from the list', async () => {
    signedIn({ [`GET /api/assignments/${ASSIGNMENT_ID}/lessons`]: () => json([lesson]) });
    const viewer = stubViewer();
    renderApp(`/app/training/${ASSIGNMENT_ID}/lessons`, { viewerEngine: viewer.create });
    expect(await screen.findByRole('heading', { name: 'Utopia passport, 2024 series' })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelectorAll('.fl-region')).toHaveLength(1));
    expect(
      screen.getAllByTestId('lesson-feature').map((f) => f.querySelector('.fl-feature__name')!.textContent),
    ).toEqual(['Guilloche background']);

    await userEvent.click(screen.getByTestId('light-uv365'));
    expect(viewer.current.visible).toBe('uv365');
    expect(
      screen.getAllByTestId('lesson-feature').map((f) => f.querySelector('.fl-feature__name')!.textContent),
    ).toEqual(['UV fibres']);

    await userEvent.click(screen.getByTestId('lesson-feature'));
    expect(viewer.current.fitted).toEqual(lesson.features[1].region);
    expect(document.querySelector('.fl-region--active')).not.toBeNull();

    await userEvent.click(screen.getByTestId('toggle-features'));
    expect(document.querySelectorAll('.fl-region')).toHaveLength(0);
  });
});

describe('My progress', () => {
  beforeEach(resetAppState);
  const TWO_ATTEMPTS = [
    {
      attemptId: id(81),
      moduleTitle: 'Drill 2',
      mode: 'practice',
      finishedAt: '2026-05-09T10:00:00Z',
      score: 85,
      passed: true,
    },
    {
      attemptId: id(80),
      moduleTitle: 'Drill 1',
      mode: 'practice',
      finishedAt: '2026-05-02T10:00:00Z',
      score: 60,
      passed: false,
    },
  ];

  it('draws scores over time and lists the attempts with links to their results', async () => {
    signedIn({ 'GET /api/me/progress': () => json({ attempts: TWO_ATTEMPTS }) });
    renderApp('/app/progress');
    const chart = await screen.findByTestId('progress-chart');
    expect(chart).toHaveAttribute('aria-label', 'Scores of 2 finished attempts over time');
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.querySelector('.fl-chart__dot--fail')).not.toBeNull();
    // Oldest first, left to right.
    const cx = [...chart.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(cx[0]).toBeLessThan(cx[1]);
    const table = screen.getByRole('table', { name: 'Finished attempts' });
    const links = within(table).getAllByRole('link', { name: 'Open results' });
    expect(links[0]).toHaveAttribute('href', `/app/attempts/${id(81)}/results`);
  });

  it('in Urdu, time runs right to left', async () => {
    signedIn({ 'GET /api/me/progress': () => json({ attempts: TWO_ATTEMPTS }) }, 'ur');
    renderApp('/app/progress');
    const chart = await screen.findByTestId('progress-chart');
    const [older, newer] = [...chart.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(older).toBeGreaterThan(newer);
  });

  it('shows the trainee’s own missed-forgery and needless-referral rates and weak spots', async () => {
    signedIn({ 'GET /api/me/competence': () => json(competence(16, 4, 3, 17)) });
    renderApp('/app/progress');
    const mine = await screen.findByTestId('my-competence');
    expect(within(mine).getByText('20%')).toBeInTheDocument(); // 4 of 20 fraudulent documents accepted
    expect(within(mine).getByText('4 of 20 fraudulent documents accepted')).toBeInTheDocument();
    expect(within(mine).getByText('15%')).toBeInTheDocument(); // 3 of 20 genuine documents referred
    const spots = within(mine).getByTestId('my-weak-spots');
    expect(spots).toHaveTextContent('Forged — photo substitution');
    expect(spots).toHaveTextContent('33% correct (2 of 6)');
    expect(within(mine).queryByText('Too few decisions to judge yet')).not.toBeInTheDocument();
  });

  it('says the figures are not telling yet under the minimum number of decisions', async () => {
    signedIn({});
    renderApp('/app/progress');
    const mine = await screen.findByTestId('my-competence');
    expect(within(mine).getByText('Too few decisions to judge yet')).toBeInTheDocument();
    expect(mine).toHaveTextContent('You have made 14 decisions');
  });
});
