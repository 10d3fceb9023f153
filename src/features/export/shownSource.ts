import type { QueryClient } from '@tanstack/react-query';
import { sourceKeys } from '../../api/queries.ts';
import type { ParsedSource } from '../../api/types.ts';
import { gallery } from '../fixtures/gallery.ts';
import { defaultEntry } from '../fixtures/manifest.ts';
import { useImportStore } from '../import/importStore.ts';
import { sourceKind } from '../import/sources.ts';

/** The source on screen: its id (`myweb2`, `paste`, a URL), a title, and the parsed data. */
export interface ShownSource {
  src: string;
  title: string;
  data: ParsedSource;
}

/**
 * The parsed source `#src=` shows, read from react-query's cache under the same key the page
 * loaded it with (src/api/queries.ts), the way App picks it: a bundled fixture (the default
 * one when `src` names none), a URL, or the current paste/file import. Undefined while it is
 * still loading. TODO(#3): drop this lookup if the Workspace hands ExportMenu its source.
 */
export function findShownSource(
  client: QueryClient,
  src: string | undefined,
): ShownSource | undefined {
  const fixture = gallery.entries.find((e) => e.id === src);
  const kind = fixture ? undefined : sourceKind(src);
  if (kind === 'url' && src !== undefined) {
    const data = client.getQueryData<ParsedSource>(sourceKeys.url(src));
    return data && { src, title: src, data };
  }
  if (kind === 'paste' || kind === 'files') {
    const current = useImportStore.getState().current;
    if (!current || current.kind !== kind) return undefined;
    const data = client.getQueryData<ParsedSource>(sourceKeys.inputs(current.id));
    const title = kind === 'paste' ? 'Pasted text' : 'Your files';
    return data && { src: kind, title, data };
  }
  const entry = fixture ?? defaultEntry(gallery.entries);
  if (!entry) return undefined;
  const data = client.getQueryData<ParsedSource>(sourceKeys.fixture(entry.id));
  return data && { src: entry.id, title: entry.title, data };
}
