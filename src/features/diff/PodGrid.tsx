import type { NsType, Scope } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import type { CellDiff, ContainerDiff, PodDiff } from '../../model/diff.ts';
import { labelText } from '../matrix/labels.ts';
import { diffText } from './messages.ts';

const MARK_ICON = { same: '=', scope: '⇄', replaced: '↻', added: '+', removed: '−' } as const;

/**
 * One pod's containers (sandbox first) × namespace types, each cell the namespace before and
 * after with what happened to it in words: like two `lsns -p` tables laid over each other.
 */
export function PodGrid({ pod, types }: { pod: PodDiff; types: readonly NsType[] }) {
  const t = useMessages(diffText);
  const recreated = pod.before && pod.after && pod.before !== pod.after;
  return (
    <table
      className="diff-grid"
      data-testid="diff-pod"
      data-key={pod.before ?? pod.after}
      data-mark={pod.mark}
    >
      <caption>
        <span className="pod-title">{t.pod(pod.label)}</span>{' '}
        <span className={`diff-mark mark-${pod.mark}`}>{t.mark(pod.mark)}</span>
        {recreated && <span className="muted"> · {t.recreated}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="ctr-col">
            {t.container}
          </th>
          {types.map((type) => (
            <th key={type} scope="col">
              {type}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {pod.containers.map((c) => (
          <Row key={`${c.before}|${c.after}`} c={c} types={types} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ c, types }: { c: ContainerDiff; types: readonly NsType[] }) {
  const t = useMessages(diffText);
  return (
    <tr data-key={c.before ?? c.after} data-mark={c.mark} data-sandbox={c.sandbox}>
      <th scope="row" className="ctr">
        <span className="ctr-name">{c.label}</span>
        {c.sandbox && <span className="badge">{t.sandbox}</span>}{' '}
        {c.mark !== 'changed' && c.mark !== 'same' && (
          <span className={`diff-mark mark-${c.mark}`}>{t.mark(c.mark)}</span>
        )}
      </th>
      {types.map((type) => (
        <Cell key={type} type={type} cell={c.types[type]} />
      ))}
    </tr>
  );
}

function Cell({ type, cell }: { type: NsType; cell: CellDiff | undefined }) {
  const t = useMessages(diffText);
  const words = useMessages(labelText);
  if (!cell) return <td className="diff-cell empty-cell">—</td>;
  const scope = (s: Scope | undefined) => (s ? words.scope(s) : words.unknown);
  const { before: b, after: a, mark } = cell;
  const key = b?.key ?? a?.key;
  return (
    <td
      className={`diff-cell cell-${mark}`}
      data-key={key}
      data-ns-type={type}
      data-mark={mark}
      data-before-scope={b?.scope}
      data-after-scope={a?.scope}
      title={`${type}: ${b ? `${b.inode}` : '—'} → ${a ? `${a.inode}` : '—'}`}
    >
      <span className="cell-mark">
        <span aria-hidden="true">{MARK_ICON[mark]}</span> {t.cell(mark)}
      </span>
      <span className="cell-words">
        {mark === 'scope' ? (
          <>
            {scope(b?.scope)} → <strong>{scope(a?.scope)}</strong>
          </>
        ) : (
          scope((a ?? b)?.scope)
        )}
      </span>
      <span className="inode">
        {inodes(b?.inode, a?.inode, mark === 'replaced' ? t.reusedShort : undefined)}
      </span>
    </td>
  );
}

/** `…2339`, `…2344 → …2339`, or `…2336 reused` when a new namespace got the old number. */
function inodes(b: number | undefined, a: number | undefined, reused?: string): string {
  const short = (n: number) => `…${String(n).slice(-4)}`;
  if (b === undefined || a === undefined) return short((a ?? b)!);
  if (a === b) return reused ? `${short(a)} ${reused}` : short(a);
  return `${short(b)} → ${short(a)}`;
}
