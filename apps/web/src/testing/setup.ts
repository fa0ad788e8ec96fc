import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadContractChecks } from '@/lib/api-client';
import '@/lib/i18n';

// Responses are checked against the contracts in tests; loaded up front, the check never waits on an import.
await loadContractChecks();

afterEach(() => {
  cleanup();
});
