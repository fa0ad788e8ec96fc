import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '@/lib/i18n';
import { StubViewerEngine } from '@/testing/stub-viewer';
import { DocumentViewer } from './document-viewer';
import { ViewerEngineContext } from './viewer-engine';
import type { CreateViewerEngine } from './viewer-engine-types';

const urls = {
  width: 985,
  height: 693,
  dzi: '/api/media/s/t/image.dzi',
  variants: {
    '640.webp': '/api/media/s/t/640.webp',
    '640.avif': '/api/media/s/t/640.avif',
    '2560.webp': '/api/media/s/t/2560.webp',
  },
  expiresAt: null,
};

describe('DocumentViewer', () => {
  it('shows the small preview (AVIF, WebP fallback) while the zoomable viewer loads, and removes it once open', async () => {
    let open!: (e: StubViewerEngine) => void;
    const create: CreateViewerEngine = () => new Promise((resolve) => (open = (e) => resolve(e))) as never;
    render(
      <ViewerEngineContext value={create}>
        <DocumentViewer images={[{ id: 'visible', urls }]} visible="visible" label="Data page, visible light" />
      </ViewerEngineContext>,
    );
    const preview = screen.getByTestId('viewer-preview');
    expect(preview).toHaveAttribute('src', '/api/media/s/t/640.webp');
    expect(preview.parentElement?.querySelector('source[type="image/avif"]')).toHaveAttribute(
      'srcset',
      '/api/media/s/t/640.avif',
    );
    open(new StubViewerEngine([{ id: 'visible', dzi: urls.dzi }], 'visible'));
    expect(await screen.findByRole('img', { name: 'Data page, visible light' })).toBeInTheDocument();
    await screen.findByTestId('document-viewer');
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('viewer-preview')).not.toBeInTheDocument();
  });
});
