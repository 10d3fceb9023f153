import { defineConfig } from 'vitest/config';

export default defineConfig({
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
