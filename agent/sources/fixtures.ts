/**
 * The bundled fixtures (`fixtures/manifest.json`) as sources: each entry's files parsed together
 * with the core's `parseInputs`, once, on first read. The manifest is read leniently (an unusable
 * entry is skipped with a message) and file paths must stay inside the fixtures directory.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseInputs } from '../../src/parse/index.ts';
import type { Source, SourceResult } from './types.ts';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface FixtureSources {
  sources: Source[];
  /** One message per skipped manifest entry (or an unreadable manifest). */
  problems: string[];
}

/**
 * The fixtures in `dir` (default: the checkout's `fixtures/`), one source per manifest entry,
 * with the entry's id and title.
 * @example fixtureSources().sources.map((s) => s.id) // ['myweb2', 'metrics-server', …]
 */
export function fixtureSources(dir = defaultFixturesDir()): FixtureSources {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    return { sources: [], problems: [`${join(dir, 'manifest.json')}: ${(e as Error).message}`] };
  }
  if (!Array.isArray(raw)) return { sources: [], problems: ['manifest.json is not a JSON array'] };
  const root = realpathSync(dir);
  const sources: Source[] = [];
  const seen = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id : '';
    const files = Array.isArray(r.files) ? r.files.filter((f) => typeof f === 'string') : [];
    if (!ID.test(id) || typeof r.title !== 'string' || files.length === 0 || seen.has(id)) {
      problems.push(
        `manifest entry ${i + 1}${id ? ` (${id})` : ''}: skipped (needs a unique id, a title and files)`,
      );
      return;
    }
    const paths = files.map((f) => inside(root, f));
    if (paths.some((p) => p === undefined)) {
      problems.push(
        `manifest entry ${i + 1} (${id}): skipped (a file outside the fixtures directory)`,
      );
      return;
    }
    seen.add(id);
    sources.push(fixtureSource(id, r.title, files, paths as string[]));
  });
  return { sources, problems };
}

export function defaultFixturesDir(): string {
  return resolve(import.meta.dirname, '../../fixtures');
}

/** The absolute path of `rel` when it stays inside `root` (symbolic links resolved). */
function inside(root: string, rel: string): string | undefined {
  if (rel.startsWith('/') || rel.split(/[\\/]/).includes('..')) return undefined;
  try {
    const real = realpathSync(join(root, rel));
    return real.startsWith(root + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

function fixtureSource(id: string, title: string, names: string[], paths: string[]): Source {
  let parsed: SourceResult | undefined;
  return {
    id,
    title,
    kind: 'fixture',
    read: async (signal) => {
      signal.throwIfAborted();
      if (!parsed) {
        const inputs = paths.map((p, i) => ({ name: names[i]!, text: readFileSync(p, 'utf8') }));
        const { snapshot, issues } = parseInputs(inputs);
        parsed = { snapshot, warnings: issues.map((x) => `${x.source}: ${x.message}`) };
      }
      // Each reader gets its own copy: the server may redact what it is given.
      return structuredClone(parsed);
    },
  };
}
