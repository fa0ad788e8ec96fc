import './styles/fonts.css';
import './styles/global.css';
import './lib/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { AppRouter } from './app/router';
import { getAttemptQueryOptions } from './features/attempts/api/get-attempt';
import { ensureSession } from './lib/auth';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <AppRouter queryClient={queryClient} />
    </AppProvider>
  </StrictMode>,
);
