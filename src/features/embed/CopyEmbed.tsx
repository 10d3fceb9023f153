import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { exportText } from '../export/messages.ts';
import { embedSnippet, embedUrl } from './embedCode.ts';

interface Props {
  transparent: boolean;
  /** The frame's accessible name, e.g. the capture's title. */
  title: string;
  /** The source lives only in this tab (paste, files): an embed cannot show it. */
  localOnly: boolean;
}

type State =
  { phase: 'idle' } | { phase: 'copied'; code: string } | { phase: 'fallback'; code: string };

/**
 * "Copy embed code": writes an `<iframe>` of this view in embed mode to the clipboard and says
 * so; where the clipboard is denied or missing, shows the code selected in a text field.
 */
export function CopyEmbed({ transparent, title, localOnly }: Props) {
  const t = useMessages(exportText);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const field = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setState({ phase: 'idle' });
    button.current?.focus();
  };

  useEffect(() => {
    if (state.phase === 'fallback') field.current?.select();
    if (state.phase !== 'copied') return;
    const timer = setTimeout(() => setState({ phase: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const code = embedSnippet(embedUrl(window.location.href, transparent), {
      transparent,
      title: `nsviz: ${title}`,
    });
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      setState({ phase: 'copied', code });
    } catch {
      setState({ phase: 'fallback', code });
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        data-testid="copy-embed"
        title={t.embedTitle}
        onClick={() => void copy()}
      >
        {t.embed}
      </button>
      {state.phase === 'copied' && (
        <div className="export-popover" role="status" data-testid="embed-copied">
          {t.copied}
          {localOnly && <p className="export-note">{t.localOnly}</p>}
        </div>
      )}
      {state.phase === 'fallback' && (
        <div
          className="export-popover"
          role="dialog"
          aria-label={t.embedCode}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p role="status">{t.copyFallback}</p>
          {localOnly && <p className="export-note">{t.localOnly}</p>}
          <textarea
            ref={field}
            data-testid="embed-code"
            aria-label={t.embedCode}
            readOnly
            rows={5}
            value={state.code}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={close}>
            {t.close}
          </button>
        </div>
      )}
    </>
  );
}
