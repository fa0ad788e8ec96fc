// The item analysis screen through the real route (fetch mocked): sorting, flags and greyed rows, an item's click
// heatmap and its miss share, and who may edit or remove an item.
import type { ExerciseClicks, ItemAnalysis, ItemAnalysisRow, ItemResponses, ModuleView } from '@firstline/contracts';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, makeUser, mockApi, sessionFor, type Handler } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });
const LOADED = { timeout: 15_000 };

const MODULE_ID = '10000000-0000-4000-8000-000000000001';
const MODULE_VERSION_ID = '10000000-0000-4000-8000-000000000002';
const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const vid = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, overrides: Partial<ItemAnalysisRow>): ItemAnalysisRow {
  return {
    position: n,
    exerciseId: id(n),
    exerciseVersionId: vid(n),
    exerciseVersion: 1,
    current: true,
    title: `Exercise ${n}`,
    issuingState: 'PAK',
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    responses: 20,
    facility: 60,
    sd: 40,
    randomGuessScore: 25,
    intendedWeight: 33.33,
    effectiveWeight: 30,
    discriminationIndex: 55,
    discriminativeEfficiency: 60,
    raschDifficulty: 0.2,
    raschExtreme: null,
    meanDecisionMs: 6000,
    flags: [],
    ...overrides,
  };
}

const ITEMS = [
  row(1, { title: 'Sound passport', discriminationIndex: 62 }),
  row(2, {
    title: 'Misleading ID card',
    discriminationIndex: 12,
    discriminativeEfficiency: 10,
    flags: ['low-efficiency', 'very-likely-needs-checking'],
  }),
  row(3, { title: 'Barely tried visa', responses: 3, discriminationIndex: 5, flags: ['too-few-responses'] }),
];

const analysis = (): ItemAnalysis => ({
  moduleId: MODULE_ID,
  moduleTitle: 'First-line assessment — timed',
  moduleVersionId: MODULE_VERSION_ID,
  version: 2,
  versions: [
    { version: 2, publishedAt: '2026-11-20T09:00:00.000Z' },
    { version: 1, publishedAt: '2026-11-01T09:00:00.000Z' },
  ],
  test: {
    attempts: 20,
    mean: 62.5,
    median: 64,
    sd: 12.3,
    skewness: -0.4,
    kurtosis: 0.1,
    cic: 71.2,
    errorRatio: 53.6,
    standardError: 6.6,
  },
  items: ITEMS,
  abilities: [
    { ability: -0.5, count: 3 },
    { ability: 0.75, count: 9 },
  ],
  extremeAbilities: { allRight: 1, allWrong: 0 },
  minResponses: 10,
  calculatedAt: '2026-12-01T10:00:00.000Z',
  attemptsSince: 2,
  recalculating: false,
});

const responses = (): ItemResponses => ({
  exerciseId: id(2),
  exerciseVersionId: vid(2),
  title: 'Misleading ID card',
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  responses: 20,
  decisions: [
    { decision: 'refer', count: 12, correct: true },
    { decision: 'accept', count: 7, correct: false },
  ],
  noDecision: 1,
  fraudTypes: [{ key: 'counterfeit', count: 6 }],
  features: [],
  mrzChecks: [],
});

const clicks = (): ExerciseClicks => ({
  exerciseId: id(2),
  exerciseVersionId: vid(2),
  side: 'front',
  light: 'visible',
  lights: ['visible', 'uv365'],
  sides: ['front', 'back'],
  image: { url: '/media/signed/front.jpg', width: 1000, height: 630 },
  points: [
    { x: 0.2, y: 0.3, hit: true },
    { x: 0.22, y: 0.31, hit: true },
    { x: 0.25, y: 0.33, hit: true },
    { x: 0.7, y: 0.8, hit: false },
    { x: 0.9, y: 0.1, hit: false },
  ],
  regions: [
    {
      side: 'front',
      polygon: [
        [0.1, 0.2],
        [0.3, 0.2],
        [0.3, 0.4],
      ],
      features: [],
      lights: [],
    },
  ],
  responses: 5,
  missShare: 0.4,
});

const exerciseView = () => ({
  id: id(2),
  unitId: null,
  versionId: vid(2),
  version: 1,
  title: 'Misleading ID card',
  issuingState: 'PAK',
  documentType: 'TD1',
  difficulty: 2,
  tags: [],
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  responseCount: 20,
  updatedAt: '2026-11-01T09:00:00.000Z',
  specimenId: null,
  parts: { locate: { maxPoints: 3 }, fraudType: true, features: false, mrz: false },
  images: [
    { side: 'front', light: 'visible', frame: 1, assetId: id(90) },
    { side: 'back', light: 'visible', frame: 1, assetId: id(91) },
  ],
  travellerAssetId: null,
  mrz: [],
  featureOptions: [],
  context: null,
  truth: {
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    regions: clicks().regions,
    explanation: 'The photo was replaced.',
  },
});

const moduleView = (): ModuleView => ({
  id: MODULE_ID,
  unitId: null,
  title: 'First-line assessment — timed',
  description: '',
  lessonSpecimenIds: [],
  exerciseIds: [id(1), id(2), id(3)],
  itemModels: [],
  settings: {
    mode: 'assessment',
    feedback: 'after-finish',
    timePerItemSeconds: 60,
    moduleTimeSeconds: null,
    drawCount: null,
    minGenuineShare: 0,
    passMark: 80,
    attemptsAllowed: null,
  },
  publishedVersion: { id: MODULE_VERSION_ID, version: 2, publishedAt: '2026-11-20T09:00:00.000Z' },
  hasUnpublishedChanges: false,
  updatedAt: '2026-11-20T09:00:00.000Z',
});

function signedIn(role: 'instructor' | 'supervisor', handlers: Record<string, Handler> = {}) {
  return mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role, username: `${role}1` }))),
    [`GET /api/reports/modules/${MODULE_ID}/item-analysis`]: () => json(analysis()),
    [`GET /api/reports/modules/${MODULE_ID}/item-analysis/confusion`]: () =>
      json({
        fraudTypes: ['counterfeit', 'forged:photo-substitution'],
        cells: [
          [4, 1],
          [6, 12],
        ],
        none: [0, 2],
      }),
    [`GET /api/reports/modules/${MODULE_ID}/item-analysis/items/${vid(2)}/responses`]: () => json(responses()),
    [`GET /api/exercises/${id(2)}`]: () => json(exerciseView()),
    [`GET /api/reports/exercises/${id(2)}/clicks`]: () => json(clicks()),
    ...handlers,
  });
}

const url = `/app/reports/modules/${MODULE_ID}/analysis`;

async function openTable() {
  renderApp(url);
  await screen.findByRole('heading', { level: 1, name: 'First-line assessment — timed' }, LOADED);
  return screen.getByTestId('items-table');
}

const titles = (table: HTMLElement) =>
  within(table)
    .getAllByTestId('item-row')
    .map((r) => within(r).getByRole('rowheader').querySelector('button')!.textContent);

let putImageData: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await import('./item-analysis-dashboard');
}, 60_000);

beforeEach(async () => {
  await resetAppState();
  // jsdom has no canvas: a 2D context that records what is drawn.
  putImageData = vi.fn();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () =>
      ({
        createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
        putImageData,
      }) as unknown as CanvasRenderingContext2D,
  );
});

describe('item analysis', () => {
  it('shows the test figures and when they were calculated', async () => {
    signedIn('instructor');
    await openTable();
    expect(screen.getByTestId('test-statistics')).toHaveTextContent('Internal consistency');
    expect(screen.getByTestId('calculation-status')).toHaveTextContent('2 attempts since');
    expect(screen.getByRole('button', { name: 'What is Error ratio?' })).toHaveAccessibleDescription(
      /chance, not skill/,
    );
  });

  it('sorts by discrimination index, lowest first, items with too few responses after the rest', async () => {
    signedIn('instructor');
    const table = await openTable();
    expect(titles(table)).toEqual(['Sound passport', 'Misleading ID card', 'Barely tried visa']);
    await userEvent.click(within(table).getByRole('button', { name: /Discrimination index/ }));
    expect(titles(table)).toEqual(['Misleading ID card', 'Sound passport', 'Barely tried visa']);
    expect(within(table).getByRole('columnheader', { name: /Discrimination index/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await userEvent.click(within(table).getByRole('button', { name: /Discrimination index/ }));
    expect(titles(table)).toEqual(['Sound passport', 'Misleading ID card', 'Barely tried visa']);
  });

  it('shows flags as readable badges and greys and labels an item with too few responses', async () => {
    signedIn('instructor');
    const table = await openTable();
    const [sound, misleading, barely] = within(table).getAllByTestId('item-row');
    expect(within(misleading).getByTestId('item-flags')).toHaveTextContent('Dubious: low efficiency');
    expect(within(misleading).getByTestId('item-flags')).toHaveTextContent('Very likely needs checking');
    expect(within(sound).queryByTestId('item-flags')).toBeNull();
    expect(barely).toHaveClass('fl-row--too-few');
    expect(within(barely).getByTestId('too-few')).toHaveTextContent('Too few responses (under 10)');
    expect(within(barely).queryByTestId('item-flags')).toBeNull();
    expect(sound).not.toHaveClass('fl-row--too-few');
  });

  it('opens an item: its answers, its click heatmap with the miss share, and the way to edit it', async () => {
    const api = signedIn('instructor');
    await openTable();
    await userEvent.click(screen.getByRole('button', { name: 'Misleading ID card' }));
    const detail = await screen.findByTestId('item-detail');
    expect(await within(detail).findByTestId('item-responses')).toHaveTextContent('Refer to second line');
    expect(await within(detail).findByTestId('miss-share', {}, LOADED)).toHaveTextContent(
      '40% of the points hit no true region (2 of 5 points, from 5 responses).',
    );
    // The side the truth marks is asked for by name, in the module's responses and the analysed version.
    const query = api.called(`GET /api/reports/exercises/${id(2)}/clicks`)[0].query;
    expect(query.get('side')).toBe('front');
    expect(query.get('versionId')).toBe(vid(2));
    expect(query.get('moduleId')).toBe(MODULE_ID);
    expect(putImageData).toHaveBeenCalled();
    expect(within(detail).getByTestId('heatmap-canvas')).toHaveAttribute('data-drawn', '5');
    expect(within(detail).getAllByTestId('truth-region')).toHaveLength(1);
    expect(within(detail).getByRole('link', { name: 'Edit exercise' })).toHaveAttribute(
      'href',
      `/app/exercises/${id(2)}`,
    );
  });

  it('takes an item out of the module draft after a confirmation', async () => {
    const api = signedIn('instructor', {
      [`GET /api/modules/${MODULE_ID}`]: () => json(moduleView()),
      [`PUT /api/modules/${MODULE_ID}`]: (req) =>
        json({ ...moduleView(), ...(req.body as object), hasUnpublishedChanges: true }),
    });
    await openTable();
    await userEvent.click(screen.getByRole('button', { name: 'Misleading ID card' }));
    const detail = await screen.findByTestId('item-detail');
    await userEvent.click(within(detail).getByRole('button', { name: 'Remove from pool' }));
    const confirm = await screen.findByRole('dialog', { name: /Remove “Misleading ID card” from the pool\?/ });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove from pool' }));
    expect(await screen.findByText('Removed from the draft')).toBeInTheDocument();
    const put = api.called(`PUT /api/modules/${MODULE_ID}`);
    expect(put).toHaveLength(1);
    expect((put[0].body as { exerciseIds: string[] }).exerciseIds).toEqual([id(1), id(3)]);
  });

  it('is read-only for a supervisor: no edit, no removal', async () => {
    signedIn('supervisor');
    await openTable();
    await userEvent.click(screen.getByRole('button', { name: 'Misleading ID card' }));
    const detail = await screen.findByTestId('item-detail');
    await within(detail).findByTestId('miss-share', {}, LOADED);
    expect(within(detail).queryByRole('link', { name: 'Edit exercise' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Remove from pool' })).toBeNull();
  });
});

describe('item analysis: item models', () => {
  const MODEL_ID = '40000000-0000-4000-8000-000000000001';
  const modelRow = row(4, {
    exerciseId: MODEL_ID,
    exerciseVersionId: MODEL_ID,
    title: 'Item model: UTO passport, forged — photo substitution',
    itemModel: { instances: 12, facilitySd: 8.44 },
  });
  const fewRow = row(5, {
    exerciseId: id(95),
    exerciseVersionId: id(95),
    title: 'Item model: ARC identity card, genuine',
    verdict: 'genuine',
    fraudType: 'genuine',
    itemModel: { instances: 1, facilitySd: null },
  });
  const withModels = () => ({ ...analysis(), items: [...ITEMS, modelRow, fewRow] });

  it('marks an item model’s row, with its documents and how much their facilities vary', async () => {
    signedIn('instructor', {
      [`GET /api/reports/modules/${MODULE_ID}/item-analysis`]: () => json(withModels()),
    });
    const table = await openTable();
    const rows = within(table).getAllByTestId('item-row');
    expect(within(rows[0]).queryByText('Item model')).toBeNull();
    const model = rows.find((r) => r.textContent?.includes('UTO passport'))!;
    expect(within(model).getByTestId('item-model')).toHaveTextContent('Item model12 documents, facility SD 8.4 pts');
    const few = rows.find((r) => r.textContent?.includes('ARC identity card'))!;
    expect(within(few).getByTestId('item-model')).toHaveTextContent('Item model1 document, facility SD —');
  });

  it('opens an item model without an exercise to edit, and takes it out of the draft by its id', async () => {
    const api = signedIn('instructor', {
      [`GET /api/reports/modules/${MODULE_ID}/item-analysis`]: () => json(withModels()),
      [`GET /api/modules/${MODULE_ID}`]: () =>
        json({
          ...moduleView(),
          itemModels: [
            {
              id: MODEL_ID,
              issuingState: 'UTO',
              documentType: 'TD3',
              fraudType: 'forged:photo-substitution',
              subtlety: 0.5,
            },
          ],
        }),
      [`PUT /api/modules/${MODULE_ID}`]: (req) =>
        json({ ...moduleView(), ...(req.body as object), hasUnpublishedChanges: true }),
    });
    await openTable();
    await userEvent.click(
      screen.getByRole('button', { name: 'Item model: UTO passport, forged — photo substitution' }),
    );
    const detail = await screen.findByTestId('item-detail');
    expect(within(detail).getByTestId('item-model-note')).toHaveTextContent(
      'Each officer who drew this item model met a document of their own (12 in finished attempts)',
    );
    expect(within(detail).queryByRole('link', { name: 'Edit exercise' })).toBeNull();
    expect(api.calls.some((c) => c.path.includes(MODEL_ID))).toBe(false);

    await userEvent.click(within(detail).getByRole('button', { name: 'Remove from pool' }));
    const confirm = await screen.findByRole('dialog', { name: /from the pool\?/ });
    expect(confirm).toHaveTextContent('saved without this item model');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove from pool' }));
    expect(await screen.findByText('Removed from the draft')).toBeInTheDocument();
    const sent = api.called(`PUT /api/modules/${MODULE_ID}`)[0].body as { exerciseIds: string[]; itemModels: [] };
    expect(sent.exerciseIds).toEqual([id(1), id(2), id(3)]);
    expect(sent.itemModels).toEqual([]);
  });
});
