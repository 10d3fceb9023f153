import { useMessages } from '../../i18n/index.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import type { Lang, Theme } from '../../state/viewState.ts';
import { workspaceText } from './messages.ts';

/** Theme and language switches; both live in the hash so a shared link keeps them. */
export function Preferences({ lang, theme }: { lang: Lang; theme: Theme | undefined }) {
  const t = useMessages(workspaceText);
  const patch = usePatchHash();
  const dark =
    theme === 'dark' ||
    (theme === undefined && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  return (
    <div className="preferences">
      <button
        type="button"
        data-testid="theme-toggle"
        aria-label={t.theme}
        title={t.theme}
        onClick={() => patch({ theme: dark ? 'light' : 'dark' })}
      >
        {dark ? `☀ ${t.light}` : `☾ ${t.dark}`}
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
