import { useMemo } from 'react';
import './matrix.css';
import type { NsType, Snapshot, Summary } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import { matrixText } from './messages.ts';
import { PodTable } from './PodTable.tsx';
import { memberKey, podFacts, type MemberIndex } from './podInfo.ts';
import { ScopeLegend } from './ScopeLegend.tsx';

interface Props {
  /** Id of the shown source, so tests and embedders can tell which capture is drawn. */
  src: string;
  snapshot: Snapshot;
  summary: Summary;
  /** The namespace types shown as columns (the type filter). */
  types: readonly NsType[];
  /** Containers whose processes are listed beneath them (`expand=`). */
  expand: readonly string[];
}

/** The per-pod matrices of one snapshot (contract §5 `[data-testid=matrix]`). */
export function MatrixView({ src, snapshot, summary, types, expand }: Props) {
  const t = useMessages(matrixText);
  const members = useMemo<MemberIndex>(
    () =>
      new Map(
        summary.namespaces.map((n) => [
          memberKey(n.node, n.type, n.inode),
          { pids: n.pids.length, containers: n.containers.length },
        ]),
      ),
    [summary],
  );
  return (
    <section
      className="matrix"
      data-testid="matrix"
      data-src={src}
      data-pods={summary.pods.length}
      aria-labelledby="matrix-title"
    >
      <div className="section-head">
        <h2 id="matrix-title">{t.title}</h2>
        <ScopeLegend />
      </div>
      {summary.pods.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        summary.pods.map((pod) => (
          <PodTable
            key={`${pod.node}\u0000${pod.key}`}
            pod={pod}
            facts={podFacts(snapshot, pod)}
            members={members}
            types={types}
            expand={expand}
          />
        ))
      )}
    </section>
  );
}
