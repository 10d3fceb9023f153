import { NS_TYPES, type NsType, type Scope } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import type { ChangeMark, SnapshotDiff } from '../../model/diff.ts';
import type { EntityKind } from '../../model/entities.ts';
import { labelText } from '../matrix/labels.ts';
import { DiffEntries } from './DiffEntries.tsx';
import { diffText } from './messages.ts';
import { PodGrid } from './PodGrid.tsx';

interface Props {
  from: string;
  to: string;
  toTitle: string;
  diff: SnapshotDiff;
  types: readonly NsType[];
}

const KINDS: readonly EntityKind[] = ['pod', 'container', 'namespace', 'process'];
const MARKS: readonly ChangeMark[] = ['changed', 'added', 'removed'];
/** Pod grids drawn at most; the entity lists below still name every change. */
const MAX_PODS = 12;

/** One comparison: the headline scope changes, per-pod grids, per-type counts, the entities. */
export function DiffPair({ from, to, toTitle, diff, types }: Props) {
  const t = useMessages(diffText);
  const changedPods = diff.pods.filter((p) => p.mark !== 'same');
  const headlines = scopeHeadlines(diff, types);
  return (
    <article
      className="diff-pair"
      data-testid="diff-pair"
      data-from={from}
      data-to={to}
      aria-labelledby={`diff-${to}`}
    >
      <header className="diff-pair-head">
        <h3 id={`diff-${to}`} title={toTitle}>
          {t.arrow(from, to)}
        </h3>
        <p className="diff-counts" data-testid="diff-counts">
          {KINDS.map((k) => (
            <span key={k} data-kind={k}>
              <strong>{t.kind(k)}</strong>{' '}
              {MARKS.filter((m) => diff.counts[k][m] > 0).map((m) => (
                <span key={m} className={`diff-mark mark-${m}`} data-mark={m}>
                  {diff.counts[k][m]} {t.mark(m)}
                </span>
              ))}
              {MARKS.every((m) => diff.counts[k][m] === 0) && (
                <span className="diff-mark mark-same">{t.mark('same')}</span>
              )}
            </span>
          ))}
        </p>
        {diff.renamedNodes.map((r) => (
          <p key={r.before} className="muted">
            {t.renamedNode(r.before, r.after)}
          </p>
        ))}
      </header>
      {diff.entries.length === 0 ? (
        <p className="diff-nothing">{t.nothing}</p>
      ) : (
        <>
          <Headlines headlines={headlines} />
          {changedPods.slice(0, MAX_PODS).map((p) => (
            <PodGrid key={`${p.before}|${p.after}`} pod={p} types={types} />
          ))}
          <TypeTable diff={diff} types={types} />
          <DiffEntries diff={diff} types={types} />
        </>
      )}
    </article>
  );
}

interface Headline {
  type: NsType;
  before: Scope | undefined;
  after: Scope | undefined;
  count: number;
}

/** `pid: container → pod` with how many containers: what a study group wants to see first. */
function scopeHeadlines(diff: SnapshotDiff, types: readonly NsType[]): Headline[] {
  const by = new Map<string, Headline>();
  for (const pod of diff.pods) {
    for (const c of pod.containers) {
      for (const type of types) {
        const cell = c.types[type];
        if (cell?.mark !== 'scope') continue;
        const k = `${type}|${cell.before?.scope}|${cell.after?.scope}`;
        const h = by.get(k) ?? {
          type,
          before: cell.before?.scope,
          after: cell.after?.scope,
          count: 0,
        };
        h.count++;
        by.set(k, h);
      }
    }
  }
  return [...by.values()].sort(
    (a, b) => NS_TYPES.indexOf(a.type) - NS_TYPES.indexOf(b.type) || b.count - a.count,
  );
}

function Headlines({ headlines }: { headlines: Headline[] }) {
  const t = useMessages(diffText);
  const words = useMessages(labelText);
  if (headlines.length === 0) return <p className="muted">{t.noScopeChange}</p>;
  const scope = (s: Scope | undefined) => (s ? words.scope(s) : words.unknown);
  return (
    <ul className="diff-headlines">
      {headlines.map((h) => (
        <li
          key={`${h.type}|${h.before}|${h.after}`}
          data-testid="diff-headline"
          data-ns-type={h.type}
          data-before={h.before}
          data-after={h.after}
        >
          <span className="diff-mark mark-scope">⇄</span>{' '}
          <strong>{t.scopeChange(h.type, scope(h.before), scope(h.after))}</strong>{' '}
          <span className="muted">{t.inContainers(h.count)}</span>
        </li>
      ))}
    </ul>
  );
}

function TypeTable({ diff, types }: { diff: SnapshotDiff; types: readonly NsType[] }) {
  const t = useMessages(diffText);
  return (
    <table className="diff-types" data-testid="diff-types">
      <caption>{t.perType}</caption>
      <thead>
        <tr>
          <th scope="col">{t.type}</th>
          {MARKS.map((m) => (
            <th key={m} scope="col" className={`mark-${m}`}>
              {t.mark(m)}
            </th>
          ))}
          <th scope="col">{t.mark('same')}</th>
        </tr>
      </thead>
      <tbody>
        {types.map((type) => (
          <tr key={type} data-ns-type={type}>
            <th scope="row">{type}</th>
            {(['changed', 'added', 'removed', 'same'] as const).map((m) => (
              <td key={m} data-mark={m} className={diff.byType[type][m] > 0 ? `mark-${m}` : 'zero'}>
                {diff.byType[type][m]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
