import type { MediaAssetView, SpecimenImageView } from '@firstline/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { apiError, json, mockApi } from '@/testing/mock-api';
import { mockXhr } from '@/testing/mock-xhr';
import { resetAppState } from '@/testing/test-utils';
import { ImageSlot } from './image-slot';

const specimenId = '3f0e4a52-7d1c-4b8e-9a6f-000000000001';
const imageId = '3f0e4a52-7d1c-4b8e-9a6f-000000000002';
const assetId = '3f0e4a52-7d1c-4b8e-9a6f-000000000003';

function asset(overrides: Partial<MediaAssetView> = {}): MediaAssetView {
  return {
    id: assetId,
    status: 'queued',
    failureReason: null,
    warnings: [],
    width: null,
    height: null,
    progress: 0,
    createdAt: '2026-01-10T09:00:00Z',
    urls: null,
    ...overrides,
  };
}
const image = (a: MediaAssetView): SpecimenImageView => ({
  id: imageId,
  side: 'data-page',
  light: 'uv365',
  frame: 1,
  asset: a,
});
const ready = asset({
  status: 'ready',
  progress: 100,
  width: 2480,
  height: 1748,
  warnings: ['Resized to match the other lights of this side'],
  urls: {
    width: 2480,
    height: 1748,
    dzi: '/api/media/s/t/image.dzi',
    variants: { '640.webp': '/api/media/s/t/640.webp' },
    expiresAt: null,
  },
});

function renderSlot(initial: SpecimenImageView | null = null) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ImageSlot
        specimenId={specimenId}
        side="data-page"
        light="uv365"
        frame={1}
        image={initial}
        canEdit
        label="Data page · UV 365 nm"
      />
    </QueryClientProvider>,
  );
}

const pick = (file: File) =>
  fireEvent.change(screen.getByLabelText('Upload an image for Data page · UV 365 nm'), { target: { files: [file] } });
const png = (bytes = 2048) => new File([new Uint8Array(bytes)], 'uv.png', { type: 'image/png' });
const tick = () => act(() => vi.advanceTimersByTimeAsync(1000));

describe('image upload cell', () => {
  beforeEach(async () => {
    await resetAppState();
    tokenStore.set('token-instructor1');
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('goes uploading → queued → processing n% → ready by polling GET /media/:id each second', async () => {
    const polls = [asset({ status: 'processing', progress: 40 }), asset({ status: 'processing', progress: 85 }), ready];
    const api = mockApi({ [`GET /api/media/${assetId}`]: () => json(polls.shift()) });
    const xhr = mockXhr();
    renderSlot();
    pick(png());

    const req = xhr.last;
    expect(req.url).toBe(`/api/specimens/${specimenId}/images`);
    const form = req.body as FormData;
    expect([form.get('side'), form.get('light'), form.get('frame'), (form.get('file') as File).name]).toEqual([
      'data-page',
      'uv365',
      '1',
      'uv.png',
    ]);
    expect(screen.getByText('Uploading 0%')).toBeInTheDocument();
    act(() => req.progress(1024, 2048));
    expect(screen.getByText('Uploading 50%')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '50');

    await act(async () => req.respond(202, image(asset())));
    expect(screen.getByText('Queued')).toBeInTheDocument();
    expect(api.called(`GET /api/media/${assetId}`)).toHaveLength(0);

    await tick();
    expect(screen.getByText('Processing 40%')).toBeInTheDocument();
    await tick();
    expect(screen.getByText('Processing 85%')).toBeInTheDocument();
    await tick();
    expect(screen.getByText('Ready')).toBeInTheDocument();
    expect(screen.getByText('Resized to match the other lights of this side')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Data page · UV 365 nm' })).toHaveAttribute(
      'src',
      '/api/media/s/t/640.webp',
    );

    // Settled: no more polling.
    await tick();
    await tick();
    expect(api.called(`GET /api/media/${assetId}`)).toHaveLength(3);
  });

  it('shows the failure reason when processing fails', async () => {
    mockApi({
      [`GET /api/media/${assetId}`]: () =>
        json(asset({ status: 'failed', failureReason: 'The image is smaller than 1000 px on its long side' })),
    });
    renderSlot(image(asset({ status: 'processing', progress: 10 })));
    expect(screen.getByText('Processing 10%')).toBeInTheDocument();
    await tick();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('The image is smaller than 1000 px on its long side')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete the image Data page · UV 365 nm' })).toBeInTheDocument();
  });

  it('keeps polling through a failed poll', async () => {
    const replies = [apiError(503, 'busy'), json(ready)];
    mockApi({ [`GET /api/media/${assetId}`]: () => replies.shift()! });
    renderSlot(image(asset()));
    await tick();
    expect(screen.getByText('Queued')).toBeInTheDocument();
    await tick();
    expect(screen.getByText('Ready')).toBeInTheDocument();
  });

  it("shows the server's 4xx message when the upload is refused", async () => {
    mockApi({});
    const xhr = mockXhr();
    renderSlot();
    pick(png());
    await act(async () =>
      xhr.last.respond(415, {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'The file is not an image this library accepts: upload a JPEG, PNG, TIFF or WebP image',
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Not accepted: The file is not an image this library accepts: upload a JPEG, PNG, TIFF or WebP image',
    );
    expect(screen.getByLabelText('Upload an image for Data page · UV 365 nm')).toBeInTheDocument();
  });

  it('refuses a file over the size limit, or not an image, without sending it', () => {
    const xhr = mockXhr();
    renderSlot();
    const huge = new File([new Uint8Array(8)], 'huge.tif', { type: 'image/tiff' });
    Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 });
    pick(huge);
    expect(screen.getByRole('alert')).toHaveTextContent('larger than 50 MB');
    pick(new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a JPEG, PNG, TIFF or WebP image');
    expect(xhr.instances).toHaveLength(0);
  });
});
