import { useMemo } from 'react';
import type { NsType, SummaryContainer, SummaryPod } from '../../protocol/snapshot.ts';
import {
  containerKeyOf,
  namespaceKeyOf,
  podKeyOf,
  processKeyOf,
  type EntityIndex,
  type ProcessEntity,
} from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { patchHash } from '../../state/useViewState.ts';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';
import { labelText } from './labels.ts';
import { toggleExpand } from './expand.ts';
import { ContainerHeader, NsCell, ProcessHeader } from './MatrixCells.tsx';
import { matrixText } from './messages.ts';
import type { MemberIndex, PodFacts } from './podInfo.ts';
import { spanRows, type HasNamespaces } from './spans.ts';

interface Props {
  pod: SummaryPod;
  facts: PodFacts;
  members: MemberIndex;
  types: readonly NsType[];
  /** Keys of the containers whose processes are listed (`expand=`, shared with the topology). */
  expand: readonly string[];
}

/** A matrix row: a container, or (expanded beneath it) one of its processes. */
type Line = HasNamespaces &
  (
    | { kind: 'container'; container: SummaryContainer }
    | { kind: 'process'; pid: number; process: ProcessEntity | undefined; container: string }
  );

/** A process's namespaces with their scopes, as the classification gives them. */
function processLine(index: EntityIndex, node: string, pid: number, container: string): Line {
  const e = index.byKey.get(processKeyOf(node, pid));
  const process = e?.kind === 'process' ? e : undefined;
  const namespaces: Line['namespaces'] = {};
  for (const [type, inode] of Object.entries(process?.row.namespaces ?? {}) as [NsType, number][]) {
    const ns = index.byKey.get(namespaceKeyOf(node, inode));
    if (ns?.kind === 'namespace') namespaces[type] = { inode, scope: ns.scope };
  }
  return { kind: 'process', pid, process, container, namespaces };
}

/**
 * One pod as an HTML table: containers (sandbox first) × the chosen namespace types. Each
 * container's processes can be expanded beneath it; a process in its container's namespace
 * continues the container's cell, one that left it (an `unshare`) gets a cell of its own.
 */
export function PodTable({ pod, facts, members, types, expand }: Props) {
  const t = useMessages(matrixText);
  const words = useMessages(labelText);
  const index = useEntityIndex();
  // Ids of this pod's containers whose processes are listed. Keyed by the list's text: any hash
  // change (a selection) gives a new array, and the rows need redoing only when this changed.
  // Each toggle is a history entry, so Back folds what was just opened.
  const openKeys = expand.join(',');
  const expanded = useMemo(() => {
    const keys = new Set(openKeys.split(','));
    return new Set(
      pod.containers.filter((c) => keys.has(containerKeyOf(pod.node, c.id))).map((c) => c.id),
    );
  }, [openKeys, pod]);
  const toggle = (id: string) => patchHash(toggleExpand(expand, pod.node, id));

  const rows = useMemo(() => {
    const lines: Line[] = [];
    for (const container of pod.containers) {
      lines.push({ kind: 'container', container, namespaces: container.namespaces });
      if (!expanded.has(container.id)) continue;
      for (const pid of [...container.pids].sort((a, b) => a - b))
        lines.push(processLine(index, pod.node, pid, container.id));
    }
    return spanRows(lines, types);
  }, [pod, expanded, index, types]);

  return (
    <table
      className="pod-matrix"
      data-pod-key={pod.key}
      data-node={pod.node}
      data-kind="pod"
      data-key={podKeyOf(pod.node, pod.key)}
    >
      <caption>
        <span className="pod-title">
          {t.pod} {facts.title}
        </span>
        <span className="pod-meta">
          {t.node} {pod.node || t.unnamedNode}
          {facts.title !== pod.key && (
            <>
              {' '}
              · {t.key} <code>{pod.key}</code>
            </>
          )}
          {facts.addresses.length > 0 && <> · {facts.addresses.join(', ')}</>}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="ctr-col">
            {t.container}
          </th>
          {types.map((type) => (
            <th scope="col" key={type} title={words.isolates(type)}>
              {type}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ item, cells }) => {
          const drawn = cells.map((cell) => (
            <NsCell key={cell.type} cell={cell} node={pod.node} members={members} />
          ));
          if (item.kind === 'process') {
            return (
              <tr
                key={`p${item.pid}`}
                className="proc-row"
                data-kind="process"
                data-key={processKeyOf(pod.node, item.pid)}
                data-pid={item.pid}
                data-parent-container={item.container}
                tabIndex={0}
              >
                <ProcessHeader process={item.process} pid={item.pid} />
                {drawn}
              </tr>
            );
          }
          const { container } = item;
          return (
            <tr
              key={container.id}
              data-container-id={container.id}
              data-kind="container"
              data-key={containerKeyOf(pod.node, container.id)}
              tabIndex={0}
              data-sandbox={container.sandbox ? 'true' : undefined}
              data-expanded={expanded.has(container.id) ? 'true' : undefined}
              className={container.sandbox ? 'sandbox' : undefined}
            >
              <ContainerHeader
                container={container}
                expanded={expanded.has(container.id)}
                onToggle={container.pids.length > 0 ? () => toggle(container.id) : undefined}
              />
              {drawn}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
