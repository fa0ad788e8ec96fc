// The "Preview as trainee" page in jsdom: real routes, query cache and i18n, the trainee's player components in
// preview mode; only the network (fetch) is mocked and the canvas viewer engine is replaced by the stub engine.
import type { ExercisePreview, ExercisePreviewScore } from '@firstline/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { makeFeedback, makeItem } from '@/testing/attempt-fixtures';
import { apiError, json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { stubViewer } from '@/testing/stub-viewer';
import { renderApp, resetAppState } from '@/testing/test-utils';

const EXERCISE_ID = '00000000-0000-4000-8000-0000000000e1';
const VERSION_ID = '00000000-0000-4000-8000-0000000000e2';
const instructor = makeUser({ role: 'instructor' });
const { issuingState, documentType, parts, sides, traveller, context } = makeItem(1);
const preview: ExercisePreview = {
  exerciseId: EXERCISE_ID,
  versionId: VERSION_ID,
  version: 3,
  current: true,
  title: 'UTO TD3 — substituted portrait',
  item: { issuingState, documentType, parts, sides, traveller, context },
};
const scored = (score: number): ExercisePreviewScore => ({
  versionId: VERSION_ID,
  feedback: makeFeedback({
    score,
    parts: [
      { part: 'decision', score: 1, weight: 1 },
      { part: 'locate', score: score > 0.9 ? 1 : 0, weight: 0.5 },
      { part: 'fraudType', score: 1, weight: 0.5 },
    ],
  }),
});
const base = `/api/exercises/${EXERCISE_ID}/preview`;

function setup(
  handlers: Record<string, Handler> = {},
  user = instructor,
  url = `/app/exercises/${EXERCISE_ID}/preview`,
) {
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(user)),
    [`GET ${base}`]: () => json(preview),
    [`POST ${base}/score`]: () => json(scored(0.5)),
    ...handlers,
  });
  const viewer = stubViewer();
  renderApp(url, { viewerEngine: viewer.create });
  return { api, viewer };
}

const scores = (api: ReturnType<typeof mockApi>) => api.called(`POST ${base}/score`);
/** The route and the player load lazily: on a busy machine that takes longer than findBy's one second. */
const LOADED = { timeout: 5000 };

describe('exercise preview page', () => {
  beforeEach(() => resetAppState());

  it('shows the exercise in the player, says nothing is stored and links back to the editor', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: preview.title }, LOADED)).toBeInTheDocument();
    expect(screen.getByText('Preview — nothing is stored')).toBeInTheDocument();
    expect(screen.getByText('Version 3')).toBeInTheDocument();
    expect(screen.getByTestId('preview-back')).toHaveAttribute('href', `/app/exercises/${EXERCISE_ID}`);
    expect(await screen.findByTestId('document-viewer', {}, LOADED)).toBeInTheDocument();
    expect(screen.getByTestId('decision-accept')).toBeInTheDocument();
    // No clock: the preview has no time limit.
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('Refer → point → fraud type → Try it scores that answer and shows the feedback, storing nothing', async () => {
    const { api, viewer } = setup();
    await screen.findByTestId('document-viewer', {}, LOADED);
    await userEvent.click(screen.getByTestId('decision-refer'));
    await waitFor(() => expect(viewer.current).toBeTruthy());
    viewer.current.click([0.25, 0.5]);
    await userEvent.click(screen.getByLabelText('Forged — photo substitution'));
    await userEvent.click(screen.getByLabelText('Portrait'));
    const tryIt = screen.getByTestId('decision-confirm');
    expect(tryIt).toHaveTextContent('Try it');
    await userEvent.click(tryIt);

    const feedback = await screen.findByTestId('preview-feedback');
    expect(scores(api)).toHaveLength(1);
    expect(scores(api)[0].body).toEqual({
      answer: {
        decision: 'refer',
        points: [{ side: 'data-page', x: 0.25, y: 0.5 }],
        fraudType: 'forged:photo-substitution',
        features: ['portrait'],
        mrzFailedChecks: [],
      },
    });
    expect(within(feedback).getByText('What the trainee would see')).toBeInTheDocument();
    expect(within(feedback).getByTestId('feedback-verdict')).toHaveTextContent('Right decision');
    expect(within(feedback).getByText('Score for this item').nextElementSibling).toHaveTextContent('50%');
    expect(within(feedback).getByText(/The portrait sits on top of the laminate/)).toBeInTheDocument();
    const partScores = within(feedback).getByTestId('part-scores');
    expect(partScores).toHaveTextContent('Where the problem is');
    expect(partScores).toHaveTextContent('weight 25%');
    // Nothing but the score call went out: no attempt, no response.
    expect(api.calls.filter((c) => c.method !== 'GET' && c.path !== '/api/auth/refresh')).toHaveLength(1);
  });

  it('"Try another answer" starts again; the next answer is scored on its own', async () => {
    const { api } = setup({ [`POST ${base}/score`]: () => json(scored(0)) });
    await screen.findByTestId('document-viewer', {}, LOADED);
    await userEvent.click(screen.getByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await screen.findByTestId('preview-feedback');
    expect(scores(api)[0].body).toEqual({
      answer: { decision: 'accept', points: [], fraudType: null, features: [], mrzFailedChecks: [] },
    });
    expect(screen.getByTestId('feedback-verdict')).toHaveTextContent('Wrong decision');

    await userEvent.click(screen.getByTestId('preview-again'));
    expect(screen.queryByTestId('preview-feedback')).not.toBeInTheDocument();
    // Back to the first question, nothing chosen.
    await userEvent.click(screen.getByTestId('decision-refer'));
    expect(screen.getByLabelText('Forged — photo substitution')).not.toBeChecked();
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(scores(api)).toHaveLength(2));
    expect((scores(api)[1].body as { answer: { decision: string } }).answer.decision).toBe('refer');
  });

  it('"Change this answer" keeps the answer to edit it', async () => {
    setup();
    await screen.findByTestId('document-viewer', {}, LOADED);
    await userEvent.click(screen.getByTestId('decision-refer'));
    await userEvent.click(screen.getByLabelText('Counterfeit — entire reproduction'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await screen.findByTestId('preview-feedback');
    await userEvent.click(screen.getByTestId('preview-change'));
    expect(screen.getByLabelText('Counterfeit — entire reproduction')).toBeChecked();
  });

  it('says why an answer was refused and lets it be tried again', async () => {
    setup({ [`POST ${base}/score`]: () => apiError(400, 'The answer does not fit this item: no front side') });
    await screen.findByTestId('document-viewer', {}, LOADED);
    await userEvent.click(screen.getByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('no front side');
    expect(screen.getByTestId('decision-confirm')).toBeEnabled();
  });

  it('asks for an older version when the link names one', async () => {
    const { api } = setup(
      { [`GET ${base}`]: () => json({ ...preview, version: 1, current: false }) },
      instructor,
      `/app/exercises/${EXERCISE_ID}/preview?versionId=${VERSION_ID}`,
    );
    expect(await screen.findByText('Older version', {}, LOADED)).toBeInTheDocument();
    expect(api.called(`GET ${base}`)[0].query.get('versionId')).toBe(VERSION_ID);
    await userEvent.click(await screen.findByTestId('decision-accept'));
    await userEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(scores(api)).toHaveLength(1));
    expect(scores(api)[0].query.get('versionId')).toBe(VERSION_ID);
  });

  it('an exercise the instructor may not see is "not found"', async () => {
    setup({ [`GET ${base}`]: () => apiError(404, 'Exercise not found') });
    expect(await screen.findByText('Exercise not found', {}, LOADED)).toBeInTheDocument();
    expect(screen.getByTestId('preview-back')).toBeInTheDocument();
  });

  it('is laid out right to left in Urdu', async () => {
    setup({}, { ...instructor, language: 'ur' });
    expect(await screen.findByText('پیش منظر — کچھ محفوظ نہیں ہوتا', {}, LOADED)).toBeInTheDocument();
    expect(i18n.resolvedLanguage).toBe('ur');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    await userEvent.click(await screen.findByTestId('decision-accept'));
    expect(screen.getByTestId('decision-confirm')).toHaveTextContent('آزمائیں');
  });
});
