import { useQueryClient } from '@tanstack/react-query';
import type { ParsedSource } from '../../api/types.ts';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { useViewState } from '../../state/useViewState.ts';
import { CopyEmbed } from '../embed/CopyEmbed.tsx';
import { sourceKind } from '../import/sources.ts';
import './export.css';
import type { ExportKind } from './exportView.ts';
import { exportText } from './messages.ts';
import { findShownSource, type ShownSource } from './shownSource.ts';

type Status = { tone: 'idle' } | { tone: 'busy' } | { tone: 'done' | 'error'; text: string };

interface Props {
  /** The shown source's id, title and data, as the Workspace has them. */
  src?: string;
  title?: string;
  data?: ParsedSource;
}

/**
 * The toolbar's export group (contract §5): the current view as SVG or PNG (2×), the snapshot
 * as JSON, and "copy embed code". One "transparent background" switch serves the pictures and
 * the embed code alike. Without props it finds the shown source in react-query's cache.
 */
export function ExportMenu({ src, title, data }: Props) {
  const t = useMessages(exportText);
  const state = useViewState();
  const client = useQueryClient();
  const group = useRef<HTMLDivElement>(null);
  const [transparent, setTransparent] = useState(state.transparent);
  const [status, setStatus] = useState<Status>({ tone: 'idle' });

  useEffect(() => {
    if (status.tone !== 'done') return;
    const timer = setTimeout(() => setStatus({ tone: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const given: ShownSource | undefined =
    data && src !== undefined ? { src, title: title ?? src, data } : undefined;
  const shown = given ?? findShownSource(client, state.src);
  const run = async (kind: ExportKind) => {
    const source = given ?? findShownSource(client, state.src);
    if (!source) {
      setStatus({ tone: 'error', text: t.noData });
      return;
    }
    setStatus({ tone: 'busy' });
    try {
      const area = group.current?.closest('[data-testid=workspace]')?.querySelector('.view-area');
      const viewElement = area?.firstElementChild;
      // The export code (fonts, canvas, SVG serialising) loads on the first export only.
      const { runExport } = await import('./exportView.ts');
      const result = await runExport({
        kind,
        source,
        state,
        viewElement: viewElement instanceof HTMLElement ? viewElement : null,
        transparent,
      });
      setStatus({
        tone: 'done',
        text:
          result.scale === undefined ? t.saved(result.name) : t.scaled(result.name, result.scale),
      });
    } catch (e) {
      setStatus({ tone: 'error', text: t.failed(e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = status.tone === 'busy';
  const button = (kind: ExportKind, label: string, title: string) => (
    <button
      type="button"
      data-testid={`export-${kind}`}
      title={title}
      disabled={busy}
      onClick={() => void run(kind)}
    >
      {label}
    </button>
  );
  const kind = sourceKind(state.src);

  return (
    <div
      ref={group}
      className="export-menu"
      role="group"
      aria-label={t.group}
      aria-busy={busy || undefined}
    >
      <span className="export-label" aria-hidden="true">
        {t.group}
      </span>
      <div className="export-buttons">
        {button('svg', t.svg, t.svgTitle)}
        {button('png', t.png, t.pngTitle)}
        {button('json', t.json, t.jsonTitle)}
        <CopyEmbed
          transparent={transparent}
          title={shown?.title ?? state.src ?? 'nsviz'}
          localOnly={kind === 'paste' || kind === 'files'}
        />
      </div>
      <label className="export-option" title={t.transparentTitle}>
        <input
          type="checkbox"
          data-testid="export-transparent"
          checked={transparent}
          onChange={(e) => setTransparent(e.currentTarget.checked)}
        />{' '}
        {t.transparent}
      </label>
      <div
        className="export-status"
        role="status"
        data-testid="export-status"
        data-tone={status.tone}
      >
        {status.tone === 'busy' ? t.working : status.tone === 'idle' ? '' : status.text}
      </div>
    </div>
  );
}
