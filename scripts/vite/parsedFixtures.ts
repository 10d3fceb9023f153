import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type { runParse } from '../../src/api/parseCore.ts';

/**
 * Bundled fixtures parsed at build time (docs/decisions/0010-fixtures-parsed-at-build.md).
 * `virtual:parsed-fixtures` maps each manifest id to a lazy module holding the result of the
 * very same `runParse` the parse worker runs, so opening a bundled fixture costs a JSON.parse
 * instead of starting a worker and warming a cold parser (about 300 ms on page load). The raw
 * texts stay separate lazy chunks, for the input preview.
 */
const INDEX = 'virtual:parsed-fixtures';
const ONE = 'virtual:parsed-fixture/';

interface ManifestEntry {
  id: string;
  files: string[];
}

export function parsedFixtures(root: string): Plugin {
  const manifestPath = resolve(root, 'fixtures/manifest.json');
  const entries = (): ManifestEntry[] => {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as unknown;
      return Array.isArray(m)
        ? m.filter(
            (e): e is ManifestEntry =>
              typeof e?.id === 'string' &&
              Array.isArray(e?.files) &&
              e.files.every((f: unknown) => typeof f === 'string'),
          )
        : [];
    } catch {
      return []; // The app reports a broken manifest itself.
    }
  };
  return {
    name: 'nsviz-parsed-fixtures',
    resolveId(id) {
      return id === INDEX || id.startsWith(ONE) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (id === `\0${INDEX}`) {
        this.addWatchFile(manifestPath);
        const lines = entries().map(
          (e) => `  ${JSON.stringify(e.id)}: () => import(${JSON.stringify(ONE + e.id)}),`,
        );
        return `export default {\n${lines.join('\n')}\n};\n`;
      }
      if (!id.startsWith(`\0${ONE}`)) return undefined;
      const fixtureId = id.slice(ONE.length + 1);
      const entry = entries().find((e) => e.id === fixtureId);
      if (!entry) return 'export default undefined;';
      const inputs = [];
      for (const file of entry.files) {
        const path = resolve(root, 'fixtures', file);
        this.addWatchFile(path);
        try {
          inputs.push({ name: file, text: readFileSync(path, 'utf8') });
        } catch {
          return 'export default undefined;'; // Missing files: the app's loader says which.
        }
      }
      // The app's own parser, loaded through tsx (the config itself is bundled without src/).
      const { tsImport } = await import('tsx/esm/api');
      const core = (await tsImport(
        pathToFileURL(resolve(root, 'src/api/parseCore.ts')).href,
        import.meta.url,
      )) as { runParse: typeof runParse };
      const parsed = await core.runParse(inputs, () => {});
      // A JSON string parsed at run time is faster to load than the same object as JS.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(parsed))});\n`;
    },
  };
}
