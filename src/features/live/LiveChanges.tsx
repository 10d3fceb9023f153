import { useEffect, useMemo, useState, type RefObject } from 'react';
import { HOLD_MS, recentMarks, type ChangeBatch } from '../../api/liveSnapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import type { DiffEntry } from '../../model/diff.ts';
import { liveText } from './messages.ts';
import { useChangeMarks } from './useChangeMarks.ts';

/** Entries listed; the rest are counted. */
const LISTED = 12;
const KIND_ORDER = { pod: 0, container: 1, namespace: 2, process: 3 } as const;

/**
 * Marks the drawn entities under `root` that changed in the last `HOLD_MS` (useChangeMarks);
 * the marks fade on their own when their time is up. Draws nothing itself.
 */
export function ChangeMarker({
  changes,
  root,
}: {
  changes: readonly ChangeBatch[];
  root: RefObject<HTMLElement | null>;
}) {
  const now = useExpiryClock(changes);
  const marks = useMemo(() => recentMarks(changes, now), [changes, now]);
  useChangeMarks(root, marks);
  return null;
}

/**
 * What changed in the last `HOLD_MS`, as a small panel, newest first. Each item carries
 * `data-key`, so hovering it lights the entity up in the view (useHighlight), and a click
 * selects it.
 */
export function LiveChanges({ changes }: { changes: readonly ChangeBatch[] }) {
  const t = useMessages(liveText);
  const now = useExpiryClock(changes);
  const marks = useMemo(() => recentMarks(changes, now), [changes, now]);
  const [open, setOpen] = useState(true);

  const items = useMemo(() => listed(changes, now), [changes, now]);
  const tally = { added: 0, removed: 0, changed: 0 };
  for (const mark of marks.values()) tally[mark]++;
  const seconds = Math.round(HOLD_MS / 1000);
  return (
    <aside className="live-changes" data-testid="live-changes" aria-label={t.changesTitle}>
      <header>
        <strong>{t.changesTitle}</strong>{' '}
        <span className="muted">
          {items.length === 0
            ? t.noChanges(seconds)
            : t.tally(tally.added, tally.removed, tally.changed)}
        </span>
        {items.length > 0 && (
          <button
            type="button"
            className="link"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t.hide : t.show}
          </button>
        )}
      </header>
      {open && items.length > 0 && (
        <>
          <p className="muted hint">{t.changesHint(seconds)}</p>
          <ul>
            {items.slice(0, LISTED).map(({ entry, at }) => (
              <li
                key={`${entry.mark}:${entry.key}`}
                data-key={entry.key}
                data-kind={entry.kind}
                data-change={entry.mark}
                tabIndex={0}
              >
                <span className="change-mark">{t.mark(entry.mark)}</span>{' '}
                <span className="change-kind">{t.kind(entry.kind)}</span>{' '}
                <span className="change-label">{entry.label}</span>{' '}
                <time className="muted" dateTime={new Date(at).toISOString()}>
                  {t.at(at)}
                </time>
              </li>
            ))}
          </ul>
          {items.length > LISTED && <p className="muted">{t.more(items.length - LISTED)}</p>}
        </>
      )}
    </aside>
  );
}

/** Changes still held, newest update first, one line per key; pods before processes. */
function listed(changes: readonly ChangeBatch[], now: number): { entry: DiffEntry; at: number }[] {
  const seen = new Map<string, number>();
  const out: { entry: DiffEntry; at: number }[] = [];
  for (const batch of changes) {
    if (now - batch.at >= HOLD_MS) break;
    const entries = [...batch.entries].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    for (const entry of entries) {
      const i = seen.get(entry.key);
      // As recentMarks: a later `changed` does not hide that it is new.
      if (i !== undefined) {
        if (out[i]!.entry.mark === 'changed' && entry.mark === 'added')
          out[i] = { entry, at: batch.at };
        continue;
      }
      seen.set(entry.key, out.length);
      out.push({ entry, at: batch.at });
    }
  }
  return out;
}

/** The time, moved on when the oldest held change is due to fade (not on a fixed tick). */
function useExpiryClock(changes: readonly ChangeBatch[]): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
  }, [changes]);
  useEffect(() => {
    const due = changes
      .map((b) => b.at + HOLD_MS)
      .filter((at) => at > now)
      .sort((a, b) => a - b)[0];
    if (due === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), due - now + 50);
    return () => clearTimeout(timer);
  }, [changes, now]);
  return now;
}
