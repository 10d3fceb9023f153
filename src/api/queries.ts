import { queryOptions } from '@tanstack/react-query';
import type { InputText } from '../parse/index.ts';
import { fetchText, nameOfUrl } from './fetchText.ts';
import { FIXTURE_FILES } from './fixtureFiles.ts';
import PARSED_FIXTURES from 'virtual:parsed-fixtures';
import { parseInWorker } from './parseWorker.ts';
import type { ParsedSource, ParseProgress, ShownWarning, SourceInput } from './types.ts';

type OnProgress = (p: ParseProgress) => void;

/** Query keys of every source: a bundled fixture, a URL, or inputs the user gave. */
export const sourceKeys = {
  all: ['source'] as const,
  fixture: (id: string) => ['source', 'fixture', id] as const,
  url: (url: string) => ['source', 'url', url] as const,
  /** Keyed by an id the importer assigns: hashing megabytes of text into a key would be slow. */
  inputs: (id: string) => ['source', 'inputs', id] as const,
};

/** A parsed fixture also keeps its texts, for the raw-input preview. */
export interface ParsedFixture extends ParsedSource {
  inputs: InputText[];
}

/** A bundled fixture: its lazily loaded files, parsed in the worker. */
export function fixtureQuery(
  entry: { id: string; files: readonly string[] },
  onProgress?: OnProgress,
) {
  return queryOptions({
    queryKey: sourceKeys.fixture(entry.id),
    queryFn: ({ signal }) => loadFixture(entry, signal, onProgress),
    staleTime: Infinity,
    retry: false,
  });
}

/** `#src=https://…`: a snapshot or capture downloaded (size-limited), then parsed. */
export function urlQuery(url: string, onProgress?: OnProgress) {
  return queryOptions({
    queryKey: sourceKeys.url(url),
    queryFn: async ({ signal }) => {
      const text = await fetchText(url, onProgress ? { signal, onProgress } : { signal });
      return parseInWorker([{ name: nameOfUrl(url), text }], onProgress, { signal });
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Pasted text or chosen files, under an id that names this one import. */
export function inputsQuery(id: string, inputs: readonly SourceInput[], onProgress?: OnProgress) {
  return queryOptions({
    queryKey: sourceKeys.inputs(id),
    queryFn: ({ signal }) => parseInWorker(inputs, onProgress, { signal }),
    staleTime: Infinity,
    // An import replaced by another is dropped soon: its snapshot may be large.
    gcTime: 30_000,
    retry: false,
  });
}

async function loadFixture(
  entry: { id: string; files: readonly string[] },
  signal: AbortSignal,
  onProgress: OnProgress | undefined,
): Promise<ParsedFixture> {
  const { files } = entry;
  // Parsed at build time by the same code as the worker (scripts/vite/parsedFixtures.ts).
  const parsedNow = PARSED_FIXTURES[entry.id]?.();
  const missing: ShownWarning[] = [];
  const texts = await Promise.all(
    files.map(async (path) => {
      const importer = FIXTURE_FILES[`/fixtures/${path}`];
      if (importer) return { name: path, text: await importer() };
      missing.push({
        source: path,
        level: 'error',
        message: 'listed in the manifest but not bundled',
      });
      return undefined;
    }),
  );
  const inputs = texts.filter((t): t is InputText => t !== undefined);
  const prebuilt = missing.length === 0 ? (await parsedNow)?.default : undefined;
  const parsed = prebuilt ?? (await parseInWorker(inputs, onProgress, { signal }));
  return { ...parsed, inputs, warnings: [...missing, ...parsed.warnings] };
}
