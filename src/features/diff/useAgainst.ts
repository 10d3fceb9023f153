import { useQueries } from '@tanstack/react-query';
import { fixtureQuery, urlQuery } from '../../api/queries.ts';
import type { ParsedSource } from '../../api/types.ts';
import { gallery } from '../fixtures/gallery.ts';
import { sourceKind } from '../import/sources.ts';

export type AgainstSource =
  | { id: string; title: string; status: 'ready'; data: ParsedSource }
  | { id: string; title: string; status: 'loading' }
  | { id: string; title: string; status: 'error'; message: string };

/**
 * The sources a diff compares with, resolved as `#src=` is: a bundled fixture id or a URL,
 * each loaded and parsed (in the worker) through react-query, so a capture already open is
 * not parsed again.
 */
export function useAgainst(ids: readonly string[]): AgainstSource[] {
  const resolved = ids.map((id) => {
    const entry = gallery.entries.find((e) => e.id === id);
    return { id, entry, url: !entry && sourceKind(id) === 'url' };
  });
  const results = useQueries({
    queries: resolved.map(({ id, entry, url }) =>
      entry ? fixtureQuery(entry) : { ...urlQuery(id), enabled: url },
    ),
  });
  return resolved.map(({ id, entry, url }, i): AgainstSource => {
    const title = entry?.title ?? id;
    const r = results[i];
    if (!entry && !url) return { id, title, status: 'error', message: 'unknown' };
    if (r?.error) return { id, title, status: 'error', message: r.error.message };
    if (r?.data) return { id, title, status: 'ready', data: r.data };
    return { id, title, status: 'loading' };
  });
}
