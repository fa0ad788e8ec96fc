/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * src/boot.ts is an entry of its own (so it stays ~1 KB and runs before the app has downloaded), loaded from the
 * top of index.html; Vite would merge a second <script> of index.html into the app's entry.
 */
function bootScript(): Plugin {
  return {
    name: 'firstline-boot-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        const src = ctx.bundle ? (chunk ? `/${chunk.fileName}` : null) : '/src/boot.ts';
        if (!src) throw new Error('the boot entry is missing from the bundle');
        return [{ tag: 'script', attrs: { type: 'module', async: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), bootScript()],
  resolve: {
    alias: {
      // The web app compiles the shared schemas from their TypeScript source. The zod-free vocabulary has its own
      // path, so screens that need only the lists never reach the schemas (see src/lib/contract-boundaries.test.ts).
      '@firstline/contracts/vocabulary': here('../../libs/contracts/src/vocabulary.ts'),
      '@firstline/contracts': here('../../libs/contracts/src/index.ts'),
      // Only the normal distribution (no imports of its own), for the iso-d′ curves of the decision-space chart.
      '@firstline/scoring/normal': here('../../libs/scoring/src/normal.ts'),
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
    rolldownOptions: { input: { index: here('./index.html'), boot: here('./src/boot.ts') } },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/testing/setup.ts', './src/app/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
