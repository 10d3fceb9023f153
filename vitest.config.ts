import { defineConfig } from 'vitest/config';
import { parsedFixtures } from './scripts/vite/parsedFixtures.ts';

export default defineConfig({
  // The app's modules import the build-time parsed fixtures.
  plugins: [parsedFixtures(import.meta.dirname)],
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'agent/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bin/**/*.test.ts',
    ],
    exclude: ['**/*.testbed.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});
