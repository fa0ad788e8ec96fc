import type { SpecimenView } from '@firstline/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, makeUser, mockApi, sessionFor } from '@/testing/mock-api';
import { renderApp, resetAppState } from '@/testing/test-utils';

const specimen: SpecimenView = {
  id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000001',
  title: 'Utopia passport, 2021 series',
  issuingState: 'UTO',
  documentType: 'TD3',
  series: 'P-2021',
  year: 2021,
  imageCount: 1,
  featureCount: 1,
  thumbnail: null,
  updatedAt: '2026-01-12T10:00:00Z',
  description: '',
  images: [
    {
      id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000010',
      side: 'data-page',
      light: 'visible',
      frame: 1,
      asset: {
        id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000011',
        status: 'ready',
        failureReason: null,
        warnings: [],
        width: 1250,
        height: 880,
        progress: 100,
        createdAt: '2026-01-12T09:00:00Z',
        urls: {
          width: 1250,
          height: 880,
          dzi: '/m/image.dzi',
          variants: { '640.webp': '/m/640.webp', '1280.webp': '/m/1280.webp' },
          expiresAt: null,
        },
      },
    },
  ],
  features: [
    {
      id: '6a1d2c3b-4e5f-4a7b-8c9d-000000000020',
      name: 'Portrait',
      kind: 'portrait',
      category: 'personalisation',
      side: 'data-page',
      lights: ['visible'],
      region: [
        [0.05, 0.2],
        [0.3, 0.2],
        [0.3, 0.8],
        [0.05, 0.8],
      ],
      description: '',
      zoomHint: null,
    },
  ],
};

describe('specimen page: annotation editor', () => {
  beforeEach(resetAppState);

  it('draws a new feature, marks the list unsaved and saves the whole list', async () => {
    const api = mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
      [`GET /api/specimens/${specimen.id}`]: () => json(specimen),
      [`PUT /api/specimens/${specimen.id}/features`]: (req) => {
        const features = (req.body as { features: SpecimenView['features'] }).features;
        return json({
          ...specimen,
          features: features.map((f, i) => ({ ...f, id: `6a1d2c3b-4e5f-4a7b-8c9d-00000000003${i}` })),
        });
      },
    });
    renderApp(`/app/library/${specimen.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: specimen.title })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Data page · Visible' })).toHaveAttribute('src', '/m/640.webp');
    expect(screen.getByText('Portrait', { selector: 'text' })).toBeInTheDocument(); // drawn on the image

    await userEvent.click(screen.getByRole('button', { name: 'Add a feature' }));
    const canvas = screen.getByTestId('polygon-canvas');
    vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 500,
      height: 352,
      right: 500,
      bottom: 352,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    } as DOMRect);
    fireEvent.click(canvas, { clientX: 250, clientY: 88 });
    fireEvent.click(canvas, { clientX: 450, clientY: 88 });
    fireEvent.click(canvas, { clientX: 450, clientY: 264 });
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(screen.getByText('Region: 3 points')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'New feature' });
    await userEvent.selectOptions(within(form).getByLabelText(/^Feature/), 'ghost-image');
    expect(within(form).getByText('Category: Personalisation')).toBeInTheDocument();
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ghost image');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'UV 365 nm' }));
    await userEvent.type(within(form).getByLabelText(/^Zoom hint/), '4');
    await userEvent.click(within(form).getByRole('button', { name: 'Add to list' }));

    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(screen.getByText('2 features')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save features' }));

    expect(await screen.findByText('2 features')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull());
    const body = api.called(`PUT /api/specimens/${specimen.id}/features`)[0].body as { features: unknown[] };
    expect(body.features).toHaveLength(2);
    expect(body.features[1]).toEqual({
      name: 'Ghost image',
      kind: 'ghost-image',
      category: 'personalisation',
      side: 'data-page',
      lights: ['visible', 'uv365'],
      region: [
        [0.5, 0.25],
        [0.9, 0.25],
        [0.9, 0.75],
      ],
      description: '',
      zoomHint: { center: [0.7667, 0.4167], zoom: 4 },
    });
  });

  it('asks before leaving with unsaved features', async () => {
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'instructor' }))),
      [`GET /api/specimens/${specimen.id}`]: () => json(specimen),
      'GET /api/specimens': () => json({ items: [], total: 0, limit: 25, offset: 0 }),
    });
    const { router } = renderApp(`/app/library/${specimen.id}`);
    await screen.findByRole('heading', { level: 1, name: specimen.title });
    await userEvent.click(screen.getByRole('button', { name: 'Delete Portrait' }));
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await userEvent.click(screen.getAllByRole('link', { name: 'Specimen library' })[1]);
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(router.state.location.pathname).toBe(`/app/library/${specimen.id}`);

    await userEvent.click(screen.getAllByRole('link', { name: 'Specimen library' })[1]);
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave without saving' }),
    );
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/app/library'));
  });

  it('shows the features read-only to a supervisor', async () => {
    mockApi({
      'POST /api/auth/refresh': () => json(sessionFor(makeUser({ role: 'supervisor' }))),
      [`GET /api/specimens/${specimen.id}`]: () => json(specimen),
    });
    renderApp(`/app/library/${specimen.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: specimen.title })).toBeInTheDocument();
    expect(screen.getByText('1 feature')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a feature' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Upload/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete specimen' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Document model' })).toBeNull();
  });
});
