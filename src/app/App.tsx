import { Suspense } from 'react';
import { FixturePage } from '../features/fixtures/FixturePage.tsx';
import { FixturePicker } from '../features/fixtures/FixturePicker.tsx';
import { gallery } from '../features/fixtures/gallery.ts';
import type { ShownWarning } from '../features/fixtures/load.ts';
import { defaultEntry } from '../features/fixtures/manifest.ts';
import { useHashParam } from '../state/useHashParam.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useTheme } from './useTheme.ts';

const manifestWarnings: ShownWarning[] = gallery.problems.map((message) => ({
  source: 'fixtures/manifest.json',
  level: 'error',
  message,
}));

/** The skeleton app: pick a bundled capture, see its per-pod namespace matrix. */
export function App() {
  const [src, setSrc] = useHashParam('src');
  const [theme] = useHashParam('theme');
  useTheme(theme);
  const found = gallery.entries.find((e) => e.id === src);
  const entry = found ?? defaultEntry(gallery.entries);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>nsviz</h1>
          <p>Which Linux namespaces do the containers of a pod share?</p>
        </div>
        {entry && <FixturePicker entries={gallery.entries} selected={entry.id} onSelect={setSrc} />}
      </header>
      <main>
        {src !== undefined && !found && (
          <p role="alert" className="alert">
            There is no bundled capture named <code>{src}</code>
            {entry ? `; showing ${entry.title}.` : '.'}
          </p>
        )}
        {entry ? (
          <ErrorBoundary key={entry.id} what={entry.title}>
            <Suspense fallback={<p className="muted">Loading {entry.title}…</p>}>
              <FixturePage entry={entry} extraWarnings={manifestWarnings} />
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
