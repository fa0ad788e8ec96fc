import './styles/fonts.css';
import './styles/global.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { AppRouter } from './app/router';
import { adoptEarlyPlayer } from './features/attempts/api/early-player';
import { ensureSession } from './lib/auth';
import { createQueryClient } from './lib/query-client';

const queryClient = createQueryClient();
// boot.ts has started restoring the session (and, on the quiz player, fetching what it shows first) while this
// code downloaded; the router's own ensureSession joins the same request.
if (window.location.pathname.startsWith('/app')) {
  void ensureSession(queryClient).then((user) => user && adoptEarlyPlayer(queryClient));
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter queryClient={queryClient} />
    </AppProvider>
  </StrictMode>,
);
