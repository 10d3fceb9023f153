import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { queryClient } from '../api/queryClient.ts';
import { FixturePage } from '../features/fixtures/FixturePage.tsx';
import { Preferences } from '../features/workspace/Preferences.tsx';
import { FixturePicker } from '../features/fixtures/FixturePicker.tsx';
import { gallery } from '../features/fixtures/gallery.ts';
import type { ShownWarning } from '../features/fixtures/load.ts';
import { defaultEntry } from '../features/fixtures/manifest.ts';
import { ImportedSource } from '../features/import/ImportedSource.tsx';
import { ImportPanel } from '../features/import/ImportPanel.tsx';
import { sourceKind } from '../features/import/sources.ts';
import { usePatchHash, useViewState } from '../state/useViewState.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useTheme } from './useTheme.ts';

const manifestWarnings: ShownWarning[] = gallery.problems.map((message) => ({
  source: 'fixtures/manifest.json',
  level: 'error',
  message,
}));

/** The app with its providers: react-query holds the parsed sources (src/api). */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell />
    </QueryClientProvider>
  );
}

/** The skeleton app: pick a bundled capture, see its per-pod matrix or its topology. */
function AppShell() {
  const state = useViewState();
  const patch = usePatchHash();
  const { src } = state;
  useTheme(state.theme, state.lang, state.embed && state.transparent);
  const found = gallery.entries.find((e) => e.id === src);
  const entry = found ?? defaultEntry(gallery.entries);
  // `#src=paste|files|<url>`: the user's own input (src/features/import).
  const imported = found ? undefined : sourceKind(src);

  return (
    <div className={state.embed ? 'app embed' : 'app'}>
      {!state.embed && (
        <header className="app-header">
          <div className="brand">
            <h1>nsviz</h1>
            <p>Which Linux namespaces do the containers of a pod share?</p>
          </div>
          {entry && (
            <FixturePicker
              entries={gallery.entries}
              selected={imported ? '' : entry.id}
              onSelect={(id) =>
                patch({ src: id, select: undefined, compare: undefined, q: undefined })
              }
            />
          )}
          <Preferences lang={state.lang} theme={state.theme} />
        </header>
      )}
      {!state.embed && <ImportPanel />}
      <main>
        {src !== undefined && !found && !imported && (
          <p role="alert" className="alert">
            There is no bundled capture named <code>{src}</code>
            {entry ? `; showing ${entry.title}.` : '.'}
          </p>
        )}
        {imported && src !== undefined ? (
          <ImportedSource src={src} state={state} />
        ) : entry ? (
          <ErrorBoundary key={entry.id} what={entry.title}>
            <Suspense fallback={<p className="muted">Loading {entry.title}…</p>}>
              <FixturePage entry={entry} state={state} extraWarnings={manifestWarnings} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <p role="alert" className="alert">
            No captures are bundled: fixtures/manifest.json lists none.
          </p>
        )}
      </main>
    </div>
  );
}
