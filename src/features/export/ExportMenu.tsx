import { useQueryClient } from '@tanstack/react-query';
import type { ParsedSource } from '../../api/types.ts';
import { useEffect, useId, useRef, useState } from 'react';
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
 *
 * The group sits behind one "Export" button, so the toolbar fits one row at 1280 px in both
 * languages (the open group alone is about 500 px wide). It is a disclosure, not an ARIA menu:
 * its content is buttons, a checkbox and a status line, reached with Tab. It stays open after
 * an export, so its status says what was saved, and closes on Escape, a click elsewhere or the
 * button. It stays mounted while closed: the checkbox and the embed code keep their state.
 */
export function ExportMenu({ src, title, data }: Props) {
  const t = useMessages(exportText);
  const state = useViewState();
  const client = useQueryClient();
  const group = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [transparent, setTransparent] = useState(state.transparent);
  const [status, setStatus] = useState<Status>({ tone: 'idle' });

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (e.target instanceof Node && !group.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

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
      onKeyDown={(e) => {
        // The embed code's own popover closes first (CopyEmbed); then the group.
        if (e.key !== 'Escape' || !open) return;
        if (e.target instanceof Element && e.target.closest('.export-popover')) return;
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="export-toggle"
        data-testid="export-menu"
        aria-expanded={open}
        aria-controls={panelId}
        title={t.menuTitle}
        onClick={() => setOpen(!open)}
      >
        <DownloadIcon /> {t.group}
        <span className="export-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div
        id={panelId}
        className="export-panel"
        role="group"
        aria-label={t.group}
        aria-busy={busy || undefined}
        hidden={!open}
      >
        <div className="export-buttons">
          {button('svg', t.svg, t.svgTitle)}
          {button('png', t.png, t.pngTitle)}
          {button('json', t.json, t.jsonTitle)}
        </div>
        <CopyEmbed
          transparent={transparent}
          title={shown?.title ?? state.src ?? 'nsviz'}
          localOnly={kind === 'paste' || kind === 'files'}
        />
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
    </div>
  );
}

/** A tray with an arrow into it: "save a copy", drawn in the text colour. */
function DownloadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="export-icon">
      <path
        d="M8 1.5v8.5M4.5 6.5 8 10l3.5-3.5M2 11v3h12v-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
