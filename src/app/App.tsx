import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { queryClient } from '../api/queryClient.ts';
import { FixturePage } from '../features/fixtures/FixturePage.tsx';
import { FixturePicker } from '../features/fixtures/FixturePicker.tsx';
import { gallery } from '../features/fixtures/gallery.ts';
import type { ShownWarning } from '../features/fixtures/load.ts';
import { defaultEntry } from '../features/fixtures/manifest.ts';
import { TopologyPage } from '../features/topology/TopologyPage.tsx';
import { viewOf, ViewSwitch } from '../features/topology/ViewSwitch.tsx';
import { ImportedSource } from '../features/import/ImportedSource.tsx';
import { ImportPanel } from '../features/import/ImportPanel.tsx';
import { sourceKind } from '../features/import/sources.ts';
import { useHashParam } from '../state/useHashParam.ts';
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
  const [src, setSrc] = useHashParam('src');
  const [theme] = useHashParam('theme');
  const [viewParam, setView] = useHashParam('view');
  const view = viewOf(viewParam);
  useTheme(theme);
  const found = gallery.entries.find((e) => e.id === src);
  const entry = found ?? defaultEntry(gallery.entries);
  // `#src=paste|files|<url>`: the user's own input (src/features/import).
  const imported = found ? undefined : sourceKind(src);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>nsviz</h1>
          <p>Which Linux namespaces do the containers of a pod share?</p>
        </div>
        <ViewSwitch view={view} onSelect={(v) => setView(v === 'matrix' ? undefined : v)} />
        {entry && (
          <FixturePicker
            entries={gallery.entries}
            selected={imported ? '' : entry.id}
            onSelect={setSrc}
          />
        )}
      </header>
      <ImportPanel />
      <main>
        {src !== undefined && !found && !imported && (
          <p role="alert" className="alert">
            There is no bundled capture named <code>{src}</code>
            {entry ? `; showing ${entry.title}.` : '.'}
          </p>
        )}
        {imported && src !== undefined ? (
          <ImportedSource src={src} />
        ) : entry ? (
          <ErrorBoundary key={entry.id} what={entry.title}>
            <Suspense fallback={<p className="muted">Loading {entry.title}…</p>}>
              {view === 'topology' ? (
                <TopologyPage entry={entry} extraWarnings={manifestWarnings} />
              ) : (
                <FixturePage entry={entry} extraWarnings={manifestWarnings} />
              )}
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
