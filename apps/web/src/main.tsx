import './styles/fonts.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createRoutes } from './app/router';
import { getAttemptQueryOptions } from './features/attempts/api/get-attempt';
import { ensureSession } from './lib/auth';
import { startI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// Restore the session while the router fetches the screen's code, not after it: on a slow line that is a round
// trip saved before anything else can be asked for. The router's own ensureSession joins this request.
// Opening (or reloading) the quiz player also asks for the attempt as soon as the session is back.
if (window.location.pathname.startsWith('/app')) {
  const attempt = /^\/app\/attempts\/([0-9a-f-]{36})$/.exec(window.location.pathname)?.[1];
  void ensureSession(queryClient).then((user) => {
    if (user && attempt) void queryClient.prefetchQuery(getAttemptQueryOptions(attempt));
  });
}

// The router starts fetching the screen's code (and running its loaders) as soon as it is created, so that
// download runs alongside the language catalogue's instead of after it.
const router = createBrowserRouter(createRoutes(queryClient));

// Nothing is rendered before the catalogue is in: the first screen shows words, never translation keys.
void startI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
});
