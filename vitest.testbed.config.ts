import { defineConfig } from 'vitest/config';

// Tests that build real namespaces and podman pods. They need root and Linux; each file
// skips itself (with the reason) where that is not available.
export default defineConfig({
  test: {
    include: ['**/*.testbed.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    testTimeout: 180000,
    hookTimeout: 300000,
    fileParallelism: false,
  },
});
