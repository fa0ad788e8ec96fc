import type { ExerciseView, MediaAssetView } from '@firstline/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import { mockXhr } from '@/testing/mock-xhr';
import { renderApp, resetAppState } from '@/testing/test-utils';

const id = '00000000-0000-4000-8000-000000000001';
const assetId = '00000000-0000-4000-8000-00000000a001';
const exercise: ExerciseView = {
  id,
  unitId: null,
  versionId: '00000000-0000-4000-8000-000000000002',
  version: 1,
  title: 'UTO TD3 — altered birth date',
  issuingState: 'UTO',
  documentType: 'TD3',
  difficulty: 3,
  tags: ['drill'],
  verdict: 'fraudulent',
  fraudType: 'forged:data-alteration',
  responseCount: 3,
  exposures: 0,
  useCount: 1,
  retiredAt: null,
  updatedAt: '2026-12-01T08:00:00Z',
  specimenId: null,
  parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
  images: [{ side: 'data-page', light: 'visible', frame: 1, assetId }],
  travellerAssetId: null,
  mrz: [],
  featureOptions: ['viz-data', 'laminate'],
  context: null,
  truth: { verdict: 'fraudulent', fraudType: 'forged:data-alteration', regions: [], explanation: 'Retyped.' },
  modules: [{ id: '00000000-0000-4000-8000-0000000000a1', title: 'Passport drill' }],
};
const media: MediaAssetView = {
  id: assetId,
  status: 'ready',
  failureReason: null,
  warnings: [],
  width: 1280,
  height: 900,
  progress: 100,
  createdAt: '2026-12-01T08:00:00Z',
  urls: { width: 1280, height: 900, dzi: '/x.dzi', variants: { '1280.webp': '/x.webp' }, expiresAt: null },
};

function setup(put: (body: unknown) => ReturnType<typeof json>) {
  const api = mockApi({
    [`POST /api/exercises/${id}/retire`]: () => json({ ...exercise, retiredAt: '2026-12-03T08:00:00Z' }),
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
    [`GET /api/exercises/${id}`]: () => json(exercise),
    [`GET /api/media/${assetId}`]: () => json(media),
    [`PUT /api/exercises/${id}`]: (req) => put(req.body),
  });
  renderApp(`/app/exercises/${id}`);
  return api;
}

async function drawSquare() {
  await userEvent.click(screen.getByRole('button', { name: 'Draw a region' }));
  const canvas = screen.getByTestId('polygon-canvas');
  vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    width: 1000,
    height: 500,
    right: 1000,
    bottom: 500,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  } as DOMRect);
  for (const [x, y] of [
    [100, 100],
    [300, 100],
    [300, 200],
  ])
    fireEvent.click(canvas, { clientX: x, clientY: y });
  await userEvent.click(screen.getByRole('button', { name: 'Close shape' }));
}

describe('exercise editor', () => {
  beforeEach(resetAppState);

  it('shows the exercise title as the heading, its version and the modules using it', async () => {
    setup(() => json(exercise));
    expect(await screen.findByRole('heading', { level: 1, name: exercise.title })).toBeInTheDocument();
    expect(screen.getByText('Version 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Passport drill' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save as new version' })).toBeDisabled();
  });

  it('draws a region, names its feature and saves it as a new version', async () => {
    const api = setup((body) => json({ ...exercise, version: 2, truth: (body as ExerciseView).truth }));
    await screen.findByRole('heading', { level: 1, name: exercise.title });
    await drawSquare();
    const region = screen.getByRole('group', { name: /Region 1/ });
    expect(within(region).getByText(/3 corners/)).toBeInTheDocument();
    await userEvent.selectOptions(within(region).getByLabelText('Compromised features'), 'viz-data');
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    expect(await screen.findByText('Saved as version 2.')).toBeInTheDocument();
    const [put] = api.called(`PUT /api/exercises/${id}`);
    expect((put.body as ExerciseView).truth.regions).toEqual([
      {
        side: 'data-page',
        polygon: [
          [0.1, 0.2],
          [0.3, 0.2],
          [0.3, 0.4],
        ],
        features: ['viz-data'],
        lights: ['visible'],
      },
    ]);
  });

  it('lists every problem at once in plain words and sends nothing', async () => {
    const api = setup(() => json(exercise));
    await screen.findByRole('heading', { level: 1, name: exercise.title });
    await userEvent.clear(screen.getByLabelText(/^Issuing state/));
    await userEvent.type(screen.getByLabelText(/^Issuing state/), 'U1');
    await userEvent.clear(screen.getByLabelText(/^Explanation/));
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    const alert = await screen.findByText('2 problems to fix before saving');
    const banner = alert.closest('.fl-banner') as HTMLElement;
    expect(within(banner).getByText(/three-letter code/)).toBeInTheDocument();
    expect(within(banner).getByText(/Write an explanation/)).toBeInTheDocument();
    // The integrity warning shows beside them.
    expect(screen.getByText(/There is no explanation/)).toBeInTheDocument();
    expect(api.called(`PUT /api/exercises/${id}`)).toHaveLength(0);
  });

  it('shows the API’s problems, each of them', async () => {
    setup(() =>
      apiError(400, 'The exercise is not valid', [
        { message: 'featureOptions: the feature part needs options' },
        { message: 'truth.regions: feature mrz is not among featureOptions' },
      ]),
    );
    await screen.findByRole('heading', { level: 1, name: exercise.title });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Laminate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
    await waitFor(() => expect(screen.getByText(/the feature part needs options/)).toBeInTheDocument());
    expect(screen.getByText(/feature mrz is not among featureOptions/)).toBeInTheDocument();
  });

  it('retires from the editor after a confirmation, and then offers to restore', async () => {
    const api = setup(() => json(exercise));
    await screen.findByRole('heading', { level: 1, name: exercise.title });
    await userEvent.click(screen.getByRole('button', { name: 'Retire' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retire' }));
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(screen.getByText('Retired')).toBeInTheDocument();
    expect(api.called(`POST /api/exercises/${id}/retire`)).toHaveLength(1);
  });
  it('compares a forged item with its specimen at the desk: a UV 254 nm photograph is no counterpart', async () => {
    const specimenId = '00000000-0000-4000-8000-0000000000b1';
    const photo = (light: string, n: number) => ({
      id: `00000000-0000-4000-8000-0000000000c${n}`,
      side: 'data-page',
      light,
      frame: 1,
      asset: media,
    });
    const specimen = (lights: string[]) => ({
      id: specimenId,
      title: 'Utopia passport',
      issuingState: 'UTO',
      documentType: 'TD3',
      series: '',
      year: null,
      description: '',
      imageCount: lights.length,
      featureCount: 0,
      thumbnail: null,
      updatedAt: '2026-12-01T08:00:00Z',
      createdAt: '2026-12-01T08:00:00Z',
      images: lights.map((l, i) => photo(l, i)),
      features: [],
    });
    for (const [lights, warned] of [
      [['visible', 'uv254'], false],
      [['visible', 'uv365'], true],
    ] as const) {
      resetAppState();
      mockApi({
        'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
        [`GET /api/exercises/${id}`]: () => json({ ...exercise, specimenId }),
        [`GET /api/media/${assetId}`]: () => json(media),
        [`GET /api/specimens/${specimenId}`]: () => json(specimen([...lights])),
        [`GET /api/exercises/${id}/pool-parts`]: () => json({ modules: [] }),
      });
      const { unmount } = renderApp(`/app/exercises/${id}`);
      await screen.findByRole('heading', { level: 1, name: exercise.title });
      const warning = /This forged item has 1 image but its genuine specimen has 2/;
      if (warned) expect(await screen.findByText(warning)).toBeInTheDocument();
      else {
        await screen.findByText('Worth checking (saving is still allowed)').catch(() => null);
        expect(screen.queryByText(warning)).not.toBeInTheDocument();
      }
      unmount();
    }
  });
  it('replaces the traveller at the desk with an uploaded photograph, then removes it; each saved with the exercise', async () => {
    const travellerId = '00000000-0000-4000-8000-00000000a0f1';
    const portrait: MediaAssetView = { ...media, id: travellerId, width: 600, height: 800 };
    const puts: unknown[] = [];
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
      [`GET /api/exercises/${id}`]: () => json(exercise),
      [`GET /api/media/${assetId}`]: () => json(media),
      [`GET /api/media/${travellerId}`]: () => json(portrait),
      [`GET /api/exercises/${id}/pool-parts`]: () => json({ modules: [] }),
      [`PUT /api/exercises/${id}`]: (req) => {
        puts.push(req.body);
        return json({ ...exercise, travellerAssetId: (req.body as ExerciseView).travellerAssetId });
      },
    });
    const xhr = mockXhr();
    try {
      renderApp(`/app/exercises/${id}`);
      await screen.findByRole('heading', { level: 1, name: exercise.title });
      expect(screen.getByText('No traveller photograph')).toBeInTheDocument();
      fireEvent.change(screen.getByLabelText('Choose a photograph for New traveller photograph'), {
        target: { files: [new File([new Uint8Array(256)], 'traveller.jpg', { type: 'image/jpeg' })] },
      });
      const upload = xhr.last;
      expect(upload.url).toBe('/api/media/uploads');
      // A portrait is no document photograph: no side, light or group goes with it.
      const form = upload.body as FormData;
      expect([form.get('side'), form.get('light'), form.get('group')]).toEqual([null, null, null]);
      await act(async () => upload.respond(202, { ...portrait, status: 'queued', urls: null }));
      expect(await screen.findByRole('img', { name: "The traveller's photograph" }, { timeout: 3000 })).toBeVisible();
      await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
      await waitFor(() => expect(puts).toHaveLength(1));
      expect((puts[0] as ExerciseView).travellerAssetId).toBe(travellerId);
      await userEvent.click(screen.getByRole('button', { name: 'Remove the traveller' }));
      await userEvent.click(screen.getByRole('button', { name: 'Save as new version' }));
      await waitFor(() => expect(puts).toHaveLength(2));
      expect((puts[1] as ExerciseView).travellerAssetId).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
