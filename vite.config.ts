import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstFrame } from './scripts/vite/firstFrame.ts';
import { parsedFixtures } from './scripts/vite/parsedFixtures.ts';

/**
 * `npm start` on Linux runs a live agent (`nsviz serve --live`) on a loopback port and names it
 * here, so the dev server answers /api (sources, snapshots, SSE) from it, same-origin, as the
 * agent itself does when it serves the built app. Unset: no proxy, the app shows fixtures only.
 */
const agent = process.env.NSVIZ_AGENT_URL;

/**
 * The web app. Unit tests have their own vitest.config.ts, so nothing here is test-only.
 * Fixtures under /fixtures are bundled through import.meta.glob (see
 * docs/decisions/0002-fixture-bundling.md), so `dist/` works without a server API.
 */
export default defineConfig({
  plugins: [react(), parsedFixtures(import.meta.dirname), firstFrame(import.meta.dirname)],
  build: {
    target: 'es2022',
    // One stylesheet, linked by index.html: the first frame (docs/decisions/0011-first-frame.md)
    // is drawn before the app's chunk loads, and needs every style the app's first render uses.
    cssCodeSplit: false,
    // One lazy chunk per fixture file is expected; only the app shell is in the entry.
    chunkSizeWarningLimit: 300,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The Host header is passed on unchanged: the agent answers loopback names only, so a dev
    // server opened to the network (`--host`) does not open this machine's process list too.
    ...(agent ? { proxy: { '/api': { target: agent, changeOrigin: false } } } : {}),
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
