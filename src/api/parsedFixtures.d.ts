/** Bundled fixtures parsed at build time (scripts/vite/parsedFixtures.ts). */
declare module 'virtual:parsed-fixtures' {
  import type { ParsedSource } from './types.ts';
  const fixtures: Readonly<
    Record<string, (() => Promise<{ default: ParsedSource | undefined }>) | undefined>
  >;
  export default fixtures;
}
