import type { MouseEvent } from 'react';
import { useMessages } from '../i18n/index.ts';
import { usePatchHash } from '../state/useViewState.ts';
import type { Lang, Theme } from '../state/viewState.ts';
import { FixturePicker } from '../features/fixtures/FixturePicker.tsx';
import { openGallery } from '../features/fixtures/galleryStore.ts';
import type { FixtureEntry } from '../features/fixtures/manifest.ts';
import { openImportDialog } from '../features/import/importStore.ts';
import { TourMenu } from '../features/tours/TourMenu.tsx';
import { Preferences } from '../features/workspace/Preferences.tsx';
import { appText } from './messages.ts';

interface Props {
  entries: readonly FixtureEntry[];
  /** The shown fixture's id; '' while the user's own input is shown. */
  selected: string | undefined;
  lang: Lang;
  theme: Theme | undefined;
}

/**
 * One compact row, so the drawing starts near the top of a 1280×720 projector: the brand, the
 * captures (gallery, a compact picker, "Open capture…"), then theme and language.
 */
export function AppHeader({ entries, selected, lang, theme }: Props) {
  const t = useMessages(appText);
  const patch = usePatchHash();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={skipToView}>
        {t.skip}
      </a>
      <h1 className="brand">
        <span className="brand-name" translate="no">
          nsviz
        </span>{' '}
        <span className="brand-tagline">{t.tagline}</span>
      </h1>
      <nav className="captures" aria-label={t.captures}>
        <button type="button" className="secondary" onClick={openGallery} title={t.galleryHint}>
          <GalleryIcon /> {t.gallery}
        </button>
        {selected !== undefined && (
          <FixturePicker
            entries={entries}
            selected={selected}
            onSelect={(id) =>
              patch({
                src: id,
                select: undefined,
                compare: undefined,
                q: undefined,
                focus: undefined,
                collapsed: undefined,
              })
            }
          />
        )}
        <button
          type="button"
          className="primary"
          data-testid="import-open"
          onClick={openImportDialog}
          title={t.openHint}
        >
          <OpenIcon /> {t.open}
        </button>
      </nav>
      <TourMenu />
      <Preferences lang={lang} theme={theme} />
    </header>
  );
}

/**
 * The skip link moves focus to the shown view (or the main region before one is drawn). The
 * hash holds the app's state, so the link must not navigate.
 */
function skipToView(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const target =
    document.querySelector<HTMLElement>('main .view-area > *') ??
    document.querySelector<HTMLElement>('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'start' });
}

const GalleryIcon = () => (
  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="icon">
    <rect x="1" y="1" width="5" height="5" rx="1" />
    <rect x="8" y="1" width="5" height="5" rx="1" />
    <rect x="1" y="8" width="5" height="5" rx="1" />
    <rect x="8" y="8" width="5" height="5" rx="1" />
  </svg>
);

const OpenIcon = () => (
  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="icon">
    <path d="M7 9V1.5M3.5 5 7 1.5 10.5 5M1.5 9.5v3h11v-3" fill="none" strokeWidth="1.6" />
  </svg>
);
