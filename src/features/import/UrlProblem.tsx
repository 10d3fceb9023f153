import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { openGallery } from '../fixtures/galleryStore.ts';
import { FailureText } from './FailureText.tsx';
import { openImportDialog } from './importStore.ts';
import { importText } from './messages.ts';

interface Props {
  url: string;
  title: string;
  /** The fetch's error message, when the fetch failed. */
  message?: string;
  retrying: boolean;
  onRetry: () => void;
  children?: ReactNode;
}

/**
 * Why `#src=<url>` shows nothing: the URL, the reason in the UI's language, what the server
 * must do, and ways on (retry, a bundled capture, one's own files).
 */
export function UrlProblem({ url, title, message, retrying, onRetry, children }: Props) {
  const t = useMessages(importText);
  return (
    <section className="url-problem" aria-labelledby="url-problem-title" data-testid="url-problem">
      <div role="alert" className="alert">
        <h2 id="url-problem-title">{title}</h2>
        <p className="url">
          <code>{url}</code>
        </p>
        {message !== undefined && (
          <p>
            <strong>{t.reason}:</strong> <FailureText message={message} url={url} />
          </p>
        )}
        {children}
      </div>
      <p className="muted">{t.urlHelp}</p>
      <p className="notice-actions">
        <button type="button" className="primary" onClick={onRetry} disabled={retrying}>
          {t.retry}
        </button>
        <button type="button" className="secondary" onClick={openGallery}>
          {t.showGallery}
        </button>
        <button type="button" className="secondary" onClick={openImportDialog}>
          {t.openOwn}
        </button>
      </p>
    </section>
  );
}
