import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createRoutes } from '@/app/router';
import { ViewerEngineContext } from '@/components/viewer/viewer-engine';
import type { CreateViewerEngine } from '@/components/viewer/viewer-engine-types';
import { tokenStore } from '@/lib/api-client';
import { forgetSignedOutLanguageChoice } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

/**
 * Renders the whole app (real routes, providers and i18n) at a URL. `viewerEngine` replaces the canvas viewer engine, which
 * needs a canvas that jsdom does not have (see stub-viewer.ts).
 */
export function renderApp(url = '/', { viewerEngine }: { viewerEngine?: CreateViewerEngine } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const app = (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
  const utils = render(viewerEngine ? <ViewerEngineContext value={viewerEngine}>{app}</ViewerEngineContext> : app);
  return { ...utils, router, queryClient };
}

/** Module-level state (token, language) must not leak from one test into the next. */
export async function resetAppState() {
  tokenStore.set(null);
  forgetSignedOutLanguageChoice();
  localStorage.clear();
  await i18n.changeLanguage('en');
}
