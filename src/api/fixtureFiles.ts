/**
 * Every file under /fixtures as a lazy raw-text import: each becomes its own chunk, fetched
 * only when a fixture that lists it is opened, and the same code works from `file://` once the
 * single-file build inlines the chunks (docs/decisions/0002-fixture-bundling.md).
 */
export const FIXTURE_FILES = import.meta.glob<string>(
  ['/fixtures/**/*', '!/fixtures/manifest.json'],
  { query: '?raw', import: 'default' },
);
