import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadContractChecks } from '@/lib/api-client';
import { initI18n } from '@/lib/i18n';
import en from '@/locales/en.json';
import ur from '@/locales/ur.json';

// The app fetches each catalogue when its language is first used; tests start with both, so a language switch
// takes effect at once instead of after a fetch.
initI18n({ en, ur });

// Responses are checked against the contracts in tests; loaded up front, the check never waits on an import.
await loadContractChecks();

// A lazy route's first render can take more than the default second on a loaded 2-core machine (CI runs the API's
// suites beside these): findBy* waits up to five seconds for what must appear. Nothing waits longer when it is there.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
