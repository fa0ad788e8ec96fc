import './styles/fonts.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createRoutes } from './app/router';
import { adoptEarlyPlayer } from './features/attempts/api/early-player';
import { ensureSession } from './lib/auth';
import { startI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// boot.ts has started restoring the session (and, on the quiz player, fetching what it shows first) while this
// code downloaded; the router's own ensureSession joins the same request.
if (window.location.pathname.startsWith('/app')) {
  void ensureSession(queryClient).then((user) => user && adoptEarlyPlayer(queryClient));
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
