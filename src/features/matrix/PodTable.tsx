import type { NsType, SummaryContainer, SummaryPod } from '../../protocol/snapshot.ts';
import { containerKeyOf, namespaceKeyOf, podKeyOf } from '../../model/entities.ts';
import { SCOPE_TEXT, TYPE_ISOLATES } from './labels.ts';
import { memberKey, type MemberIndex, type PodFacts } from './podInfo.ts';
import { matrixRows, type MatrixCell } from './spans.ts';

interface Props {
  pod: SummaryPod;
  facts: PodFacts;
  members: MemberIndex;
  types: readonly NsType[];
}

/** One pod as an HTML table: containers (sandbox first) × the eight namespace types. */
export function PodTable({ pod, facts, members, types }: Props) {
  const rows = matrixRows(pod.containers);
  return (
    <table
      className="pod-matrix"
      data-pod-key={pod.key}
      data-node={pod.node}
      data-kind="pod"
      data-key={podKeyOf(pod.node, pod.key)}
    >
      <caption>
        <span className="pod-title">pod {facts.title}</span>
        <span className="pod-meta">
          node {pod.node || '(unnamed)'}
          {facts.title !== pod.key && (
            <>
              {' '}
              · key <code>{pod.key}</code>
            </>
          )}
          {facts.addresses.length > 0 && <> · {facts.addresses.join(', ')}</>}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="ctr-col">
            container
          </th>
          {types.map((type) => (
            <th scope="col" key={type} title={TYPE_ISOLATES[type]}>
              {type}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ container, cells }) => (
          <tr
            key={container.id}
            data-container-id={container.id}
            data-kind="container"
            data-key={containerKeyOf(pod.node, container.id)}
            tabIndex={0}
            data-sandbox={container.sandbox ? 'true' : undefined}
            className={container.sandbox ? 'sandbox' : undefined}
          >
            <ContainerHeader container={container} />
            {cells
              .filter((cell) => types.includes(cell.type))
              .map((cell) => (
                <NsCell key={cell.type} cell={cell} node={pod.node} members={members} />
              ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ContainerHeader({ container }: { container: SummaryContainer }) {
  const shortId = container.id.slice(0, 13);
  const pids = [...container.pids].sort((a, b) => a - b);
  const meta = [
    container.name !== undefined && shortId,
    pids.length > 0 && `PID ${pids[0]}${pids.length > 1 ? ` +${pids.length - 1}` : ''}`,
  ].filter((m): m is string => typeof m === 'string');
  return (
    <th
      scope="row"
      className="ctr"
      title={`${container.id}${pids.length ? `\nPIDs ${pids.join(' ')}` : ''}`}
    >
      <span className="ctr-name">{container.name ?? shortId}</span>
      {container.sandbox && <span className="badge">pause</span>}
      {meta.length > 0 && <span className="ctr-meta">{meta.join(' · ')}</span>}
    </th>
  );
}

function NsCell({ cell, node, members }: { cell: MatrixCell; node: string; members: MemberIndex }) {
  if (cell.inode === undefined || cell.scope === undefined) {
    return (
      <td
        rowSpan={cell.rowSpan}
        data-ns-type={cell.type}
        className="ns unknown"
        title="not in the input"
      >
        <span className="scope-word">unknown</span>
      </td>
    );
  }
  const m = members.get(memberKey(node, cell.type, cell.inode));
  const who = m
    ? ` · ${m.pids} process${m.pids === 1 ? '' : 'es'}, ${m.containers} container${m.containers === 1 ? '' : 's'}`
    : '';
  return (
    <td
      rowSpan={cell.rowSpan}
      data-ns-type={cell.type}
      data-inode={cell.inode}
      data-kind="namespace"
      data-key={namespaceKeyOf(node, cell.inode)}
      data-scope={cell.scope}
      className={`ns scope-${cell.scope}`}
      title={`${cell.type}:[${cell.inode}] · ${SCOPE_TEXT[cell.scope].meaning}${who}`}
    >
      <span className="inode">{cell.inode}</span>
      <span className="scope-word">{SCOPE_TEXT[cell.scope].label}</span>
    </td>
  );
}
