import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. Unit tests have their own vitest.config.ts, so nothing here is test-only.
 * Fixtures under /fixtures are bundled through import.meta.glob (see
 * docs/decisions/0002-fixture-bundling.md), so `dist/` works without a server API.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // One lazy chunk per fixture file is expected; only the app shell is in the entry.
    chunkSizeWarningLimit: 300,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
