import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { queryClient } from '../api/queryClient.ts';
import { FixtureGallery } from '../features/fixtures/FixtureGallery.tsx';
import { FixturePage } from '../features/fixtures/FixturePage.tsx';
import { gallery } from '../features/fixtures/gallery.ts';
import type { ShownWarning } from '../features/fixtures/load.ts';
import { defaultEntry } from '../features/fixtures/manifest.ts';
import { fixtureText } from '../features/fixtures/messages.ts';
import { ImportController } from '../features/import/ImportController.tsx';
import { ImportedSource } from '../features/import/ImportedSource.tsx';
import { sourceKind } from '../features/import/sources.ts';
import { LiveSource } from '../features/live/LiveSource.tsx';
import { useIsLiveSrc } from '../features/live/useLiveSources.ts';
import { Tours } from '../features/tours/Tours.tsx';
import { useMessages } from '../i18n/index.ts';
import { useViewState } from '../state/useViewState.ts';
import { AppHeader } from './AppHeader.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { appText } from './messages.ts';
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

/**
 * The page: a one-row header, then the shown source (a bundled fixture, the user's own input,
 * or a URL) filling the rest. The gallery and the import dialog open over it; files dropped
 * anywhere are opened. `embed=1` leaves only the view.
 */
function AppShell() {
  const state = useViewState();
  const t = useMessages(appText);
  const { src, lang } = state;
  useTheme(state.theme, lang, state.embed && state.transparent, t.documentTitle);
  const found = gallery.entries.find((e) => e.id === src);
  const live = useIsLiveSrc(found ? undefined : src);
  const entry = found ?? defaultEntry(gallery.entries);
  const title = entry && fixtureText(entry, lang).title;
  // `#src=paste|files|<url>`: the user's own input (src/features/import).
  const imported = found || live ? undefined : sourceKind(src);

  return (
    <div className={state.embed ? 'app embed' : 'app'}>
      {!state.embed && (
        <>
          <AppHeader
            entries={gallery.entries}
            selected={live ? src : entry && (imported ? '' : entry.id)}
            lang={lang}
            theme={state.theme}
          />
          <FixtureGallery entries={gallery.entries} current={imported ? undefined : entry?.id} />
          <ImportController />
          <Tours />
        </>
      )}
      <main id="main">
        {src !== undefined && !found && !imported && !live && (
          <p role="alert" className="alert">
            {t.unknownSource(src, title)}
          </p>
        )}
        {live && src !== undefined ? (
          <LiveSource src={src} state={state} />
        ) : imported && src !== undefined ? (
          <ImportedSource src={src} state={state} />
        ) : entry && title ? (
          <ErrorBoundary key={entry.id} what={title}>
            <Suspense fallback={<p className="muted loading">{t.loading(title)}</p>}>
              <FixturePage entry={entry} state={state} extraWarnings={manifestWarnings} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <p role="alert" className="alert">
            {t.noCaptures}
          </p>
        )}
      </main>
    </div>
  );
}
