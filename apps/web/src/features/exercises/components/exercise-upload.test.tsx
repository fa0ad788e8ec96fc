import { FEATURE_OPTIONS_BY_TYPE, type MediaAssetView } from '@firstline/contracts';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, makeUser, mockApi, sessionFor, type MockRequest } from '@/testing/mock-api';
import { mockXhr } from '@/testing/mock-xhr';
import { renderApp, resetAppState } from '@/testing/test-utils';

const id = (n: number) => `5b1c2d3e-4f50-4a6b-8c7d-${String(n).padStart(12, '0')}`;
const asset = (n: number, over: Partial<MediaAssetView> = {}): MediaAssetView => ({
  id: id(n),
  status: 'queued',
  failureReason: null,
  warnings: [],
  width: null,
  height: null,
  progress: 0,
  createdAt: '2026-12-04T09:00:00Z',
  urls: null,
  ...over,
});
const ready = (n: number) => asset(n, { status: 'ready', progress: 100, width: 1250, height: 880 });
const EXERCISE_ID = id(99);
const view = {
  id: EXERCISE_ID,
  unitId: id(90),
  versionId: id(98),
  version: 1,
  title: 'UTO TD3 — seized document',
  issuingState: 'UTO',
  documentType: 'TD3',
  difficulty: 2,
  tags: ['uploaded'],
  verdict: 'fraudulent',
  fraudType: 'forged:photo-substitution',
  responseCount: 0,
  useCount: 0,
  retiredAt: null,
  updatedAt: '2026-12-04T09:05:00Z',
  specimenId: null,
  parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
  images: [
    { side: 'data-page', light: 'visible', frame: 1, assetId: id(1) },
    { side: 'data-page', light: 'uv365', frame: 1, assetId: id(2) },
  ],
  travellerAssetId: null,
  mrz: [],
  featureOptions: FEATURE_OPTIONS_BY_TYPE.TD3,
  context: null,
  truth: {
    verdict: 'fraudulent',
    fraudType: 'forged:photo-substitution',
    regions: [],
    explanation: 'The portrait was replaced under a new laminate.',
  },
  modules: [],
};

function setup() {
  const created: MockRequest[] = [];
  const api = mockApi({
    'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
    [`GET /api/media/${id(1)}`]: () => json(ready(1)),
    [`GET /api/media/${id(2)}`]: () => json(ready(2)),
    'POST /api/exercises': (req) => {
      created.push(req);
      return json(view, 201);
    },
    [`GET /api/exercises/${EXERCISE_ID}`]: () => json(view),
    [`GET /api/exercises/${EXERCISE_ID}/pool-parts`]: () => json({ modules: [] }),
  });
  const xhr = mockXhr();
  renderApp('/app/exercises/upload');
  return { api, xhr, created };
}

const pick = (label: string) =>
  fireEvent.change(screen.getByLabelText(`Choose a photograph for ${label}`), {
    target: { files: [new File([new Uint8Array(256)], 'seized.jpg', { type: 'image/jpeg' })] },
  });

describe('upload photographs for an exercise', () => {
  beforeEach(resetAppState);
  afterEach(() => vi.unstubAllGlobals());

  it('says what is missing instead of creating anything', async () => {
    const { created } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Continue to the editor' }));
    expect(screen.getByText('Upload at least one photograph.')).toBeInTheDocument();
    expect(screen.getByText('Write the explanation trainees read after answering.')).toBeInTheDocument();
    expect(created).toHaveLength(0);
  });

  it('uploads each light with progress, follows processing, shows refusals in words, then opens the new exercise', async () => {
    const { xhr, created } = setup();
    await screen.findByRole('heading', { name: 'Upload photographs of a document' });
    // A forged document: its regions are drawn in the editor next.
    expect(screen.getByText(/you draw them in the editor that opens next/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Explanation/), 'The portrait was replaced under a new laminate.');

    pick('Data page · Visible');
    const visible = xhr.last;
    expect(visible.url).toBe('/api/media/uploads');
    const form = visible.body as FormData;
    expect([form.get('side'), form.get('light')]).toEqual(['data-page', 'visible']);
    expect(form.get('group')).toMatch(/^[0-9a-f]{1,64}$/);
    act(() => visible.progress(128, 256));
    expect(screen.getByText('Uploading 50%')).toBeInTheDocument();
    await act(async () => visible.respond(202, asset(1)));
    expect(screen.getByText('Queued')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Ready')).toBeInTheDocument(), { timeout: 3000 });

    pick('Data page · UV 365 nm');
    await act(async () =>
      xhr.last.respond(415, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'PDF files are not accepted: upload a JPEG, PNG, TIFF or WebP image',
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('PDF files are not accepted');
    pick('Data page · UV 365 nm');
    const uv = xhr.last;
    expect((uv.body as FormData).get('group')).toBe(form.get('group')); // one side, one group
    await act(async () => uv.respond(202, asset(2)));
    await waitFor(() => expect(screen.getAllByText('Ready')).toHaveLength(2), { timeout: 3000 });

    await userEvent.click(screen.getByRole('button', { name: 'Continue to the editor' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0].body).toMatchObject({
      issuingState: 'UTO',
      documentType: 'TD3',
      parts: { locate: { maxPoints: 3 }, fraudType: true, features: true, mrz: false },
      images: [
        { side: 'data-page', light: 'visible', frame: 1, assetId: id(1) },
        { side: 'data-page', light: 'uv365', frame: 1, assetId: id(2) },
      ],
      featureOptions: FEATURE_OPTIONS_BY_TYPE.TD3,
      truth: {
        verdict: 'fraudulent',
        fraudType: 'forged:photo-substitution',
        regions: [],
        explanation: 'The portrait was replaced under a new laminate.',
      },
    });
    // The editor, to draw the tampered regions; it warns that there are none yet.
    expect(await screen.findByRole('heading', { name: view.title })).toBeInTheDocument();
    expect(screen.getByText(/A forged or counterfeit document with no tampered region/)).toBeInTheDocument();
  }, 15_000);
});
