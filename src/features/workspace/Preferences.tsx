import { useSyncExternalStore } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import type { Lang, Theme } from '../../state/viewState.ts';
import { workspaceText } from './messages.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the system prefers dark, followed live (the OS may switch at sunset). */
function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia?.(DARK_QUERY);
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(DARK_QUERY).matches ?? false,
    () => false,
  );
}

/**
 * Theme and language switches; both live in the hash so a shared link keeps them. Without
 * `theme=` the page follows the system's colour scheme, and the toggle offers the other one.
 */
export function Preferences({ lang, theme }: { lang: Lang; theme: Theme | undefined }) {
  const t = useMessages(workspaceText);
  const patch = usePatchHash();
  const prefersDark = usePrefersDark();
  const dark = theme === 'dark' || (theme === undefined && prefersDark);
  return (
    <div className="preferences">
      <button
        type="button"
        className="theme-toggle"
        data-testid="theme-toggle"
        data-theme-now={dark ? 'dark' : 'light'}
        aria-label={dark ? t.toLight : t.toDark}
        title={dark ? t.toLight : t.toDark}
        onClick={() => patch({ theme: dark ? 'light' : 'dark' })}
      >
        <span aria-hidden="true" className="theme-icon">
          {dark ? '☀' : '☾'}
        </span>{' '}
        {dark ? t.light : t.dark}
      </button>
      <div role="group" aria-label={t.language} className="lang-switch">
        {(['en', 'ko'] as const).map((l) => (
          <button
            key={l}
            type="button"
            data-testid={`lang-${l}`}
            aria-pressed={lang === l}
            lang={l}
            onClick={() => patch({ lang: l })}
          >
            {l === 'en' ? 'EN' : '한국어'}
          </button>
        ))}
      </div>
    </div>
  );
}
