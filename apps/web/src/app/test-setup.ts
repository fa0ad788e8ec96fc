// A vitest setup file: gives the shared test helpers (src/testing/test-utils.tsx) the real app to render, since
// shared code may not import app/ or a feature itself.
import { resetOutboxSyncForTests } from '@/features/attempts/outbox/outbox-sync';
import { provideAppUnderTest } from '@/testing/test-utils';
import { AppProvider } from './provider';
import { createRoutes } from './router';

provideAppUnderTest({ AppProvider, createRoutes, resetState: resetOutboxSyncForTests });
