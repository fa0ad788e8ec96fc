/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The web app compiles the shared schemas from their TypeScript source. The zod-free vocabulary has its own
      // path, so screens that need only the lists never reach the schemas (see src/lib/contract-boundaries.test.ts).
      '@firstline/contracts/vocabulary': here('../../libs/contracts/src/vocabulary.ts'),
      '@firstline/contracts': here('../../libs/contracts/src/index.ts'),
      '@': here('./src'),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
