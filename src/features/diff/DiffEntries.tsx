import type { NsType } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import type { Change, ChangeMark, DiffEntry, NsRef, SnapshotDiff } from '../../model/diff.ts';
import type { EntityKind } from '../../model/entities.ts';
import { labelText } from '../matrix/labels.ts';
import { diffText } from './messages.ts';

const KINDS: readonly EntityKind[] = ['pod', 'container', 'namespace', 'process'];
/** Entries listed per kind at most (a live node may change thousands of processes). */
const LIMIT = 200;
const ICON: Readonly<Record<ChangeMark | 'replaced', string>> = {
  added: '+',
  removed: '−',
  changed: '~',
  replaced: '↻',
};

type Shown = DiffEntry & { replaced?: boolean };

/**
 * Every changed entity, per kind, under its key (`data-key`), so hovering one highlights it in
 * the other views. A removed and an added namespace under one inode are one row: the inode was
 * reused by a new namespace.
 */
export function DiffEntries({ diff, types }: { diff: SnapshotDiff; types: readonly NsType[] }) {
  const t = useMessages(diffText);
  return (
    <div className="diff-entries">
      {KINDS.map((kind) => {
        const list = shown(
          diff.entries.filter(
            (e) => e.kind === kind && (e.nsType === undefined || types.includes(e.nsType)),
          ),
        );
        if (list.length === 0) return null;
        return (
          <details key={kind} open={list.length <= 12} data-kind={kind}>
            <summary>
              <strong>{t.kind(kind)}</strong>{' '}
              <span className="muted">{t.entries(list.length)}</span>
            </summary>
            <ul>
              {list.slice(0, LIMIT).map((e, i) => (
                <Entry key={`${e.key}|${e.mark}|${i}`} e={e} />
              ))}
              {list.length > LIMIT && <li className="muted">… {list.length - LIMIT}</li>}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

function shown(list: readonly DiffEntry[]): Shown[] {
  const out: Shown[] = [];
  const removedAt = new Map<string, number>();
  for (const e of list) {
    const at = removedAt.get(e.key);
    if (e.mark === 'added' && at !== undefined && out[at]?.nsType === e.nsType) {
      out[at] = { ...e, mark: 'changed', before: out[at]!.before, replaced: true };
      continue;
    }
    if (e.mark === 'removed') removedAt.set(e.key, out.length);
    out.push(e);
  }
  return out;
}

function Entry({ e }: { e: Shown }) {
  const t = useMessages(diffText);
  const words = useMessages(labelText);
  const mark = e.replaced ? 'replaced' : e.mark;
  const ref = (r: NsRef | undefined) =>
    r ? `…${String(r.inode).slice(-4)}${r.scope ? ` ${words.scope(r.scope)}` : ''}` : '—';
  const describe = (c: Change): string => {
    switch (c.field) {
      case 'recreated':
        return t.recreated;
      case 'scope':
        return t.scopeChange('scope', words.scope(c.before), words.scope(c.after));
      case 'ns':
        return `${c.type}: ${ref(c.before)} → ${ref(c.after)}`;
      case 'members':
        return t.members(c.added.length, c.removed.length);
      default:
        return `${t.field(c.field)}: ${cut(c.before)} → ${cut(c.after)}`;
    }
  };
  return (
    <li data-key={e.before ?? e.after} data-kind={e.kind} data-mark={mark} tabIndex={0}>
      <span className={`diff-mark mark-${mark}`}>
        <span aria-hidden="true">{ICON[mark]}</span>{' '}
        {mark === 'replaced' ? t.cell('replaced') : t.mark(e.mark)}
      </span>{' '}
      <span className="entry-label">{e.label}</span>
      {e.replaced && <span className="muted"> · {t.reused}</span>}
      {e.changes.length > 0 && (
        <span className="entry-changes"> · {e.changes.map(describe).join(' · ')}</span>
      )}
    </li>
  );
}

function cut(s: string | undefined): string {
  if (s === undefined) return '—';
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
