import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ComponentType, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { ViewerEngineContext } from '@/components/viewer/viewer-engine';
import type { CreateViewerEngine } from '@/components/viewer/viewer-engine-types';
import { tokenStore } from '@/lib/api-client';
import { forgetSignedOutLanguageChoice } from '@/lib/auth';
import { i18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

/**
 * The app the tests render. Shared code imports nothing from app/, so src/app/test-setup.ts (a vitest setup file)
 * hands it in before any test runs.
 */
export interface AppUnderTest {
  AppProvider: ComponentType<{ queryClient: QueryClient; children: ReactNode }>;
  createRoutes: (queryClient: QueryClient) => RouteObject[];
  /** Clears what features keep at module level (the trainee's outbox sync) between tests. */
  resetState: () => void;
}

let appUnderTest: AppUnderTest | null = null;

export function provideAppUnderTest(app: AppUnderTest) {
  appUnderTest = app;
}

function theApp(): AppUnderTest {
  if (!appUnderTest) throw new Error('no app to render: src/app/test-setup.ts is not among the vitest setup files');
  return appUnderTest;
}

/**
 * Renders the whole app (real routes, providers and i18n) at a URL. `viewerEngine` replaces the canvas viewer
 * engine, which needs a canvas that jsdom does not have (see stub-viewer.ts).
 */
export function renderApp(url = '/', { viewerEngine }: { viewerEngine?: CreateViewerEngine } = {}) {
  const { AppProvider, createRoutes } = theApp();
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

/** Module-level state (token, language, the outbox sync) must not leak from one test into the next. */
export async function resetAppState() {
  tokenStore.set(null);
  forgetSignedOutLanguageChoice();
  theApp().resetState();
  localStorage.clear();
  await i18n.changeLanguage('en');
}
