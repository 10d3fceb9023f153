import type { SummaryContainer } from '../../protocol/snapshot.ts';
import { namespaceKeyOf, type ProcessEntity } from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { labelText } from './labels.ts';
import { matrixText } from './messages.ts';
import { memberKey, type MemberIndex } from './podInfo.ts';
import type { MatrixCell } from './spans.ts';

/** The row header of a container: name, pause badge, short id, PIDs, the process toggle. */
export function ContainerHeader({
  container,
  expanded,
  onToggle,
}: {
  container: SummaryContainer;
  expanded: boolean;
  onToggle: (() => void) | undefined;
}) {
  const t = useMessages(matrixText);
  const shortId = container.id.slice(0, 13);
  const pids = [...container.pids].sort((a, b) => a - b);
  const name = container.name ?? shortId;
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
      {onToggle && (
        <button
          type="button"
          className="expand"
          data-testid="expand-processes"
          aria-expanded={expanded}
          aria-label={
            expanded ? t.hideProcesses(name) : t.showProcesses(container.pids.length, name)
          }
          title={expanded ? t.hideProcesses(name) : t.showProcesses(container.pids.length, name)}
          onClick={onToggle}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
      )}
      <span className="ctr-name">{name}</span>
      {container.sandbox && <span className="badge">{t.pause}</span>}
      {meta.length > 0 && <span className="ctr-meta">{meta.join(' · ')}</span>}
    </th>
  );
}

/** The row header of a process under its container: PID and command, as text. */
export function ProcessHeader({
  process,
  pid,
}: {
  process: ProcessEntity | undefined;
  pid: number;
}) {
  const command = process?.row.command;
  return (
    <th scope="row" className="proc" title={command}>
      <span className="proc-pid">PID {pid}</span>
      {command !== undefined && <span className="proc-cmd">{command}</span>}
    </th>
  );
}

/** One namespace cell: inode and scope word, coloured by scope, spanning its rows. */
export function NsCell({
  cell,
  node,
  members,
}: {
  cell: MatrixCell;
  node: string;
  members: MemberIndex;
}) {
  const t = useMessages(matrixText);
  const words = useMessages(labelText);
  if (cell.inode === undefined || cell.scope === undefined) {
    return (
      <td
        rowSpan={cell.rowSpan}
        data-ns-type={cell.type}
        className="ns unknown"
        title={words.notInInput}
      >
        <span className="scope-word">{words.unknown}</span>
      </td>
    );
  }
  const m = members.get(memberKey(node, cell.type, cell.inode));
  const who = m ? ` · ${t.members(m.pids, m.containers)}` : '';
  return (
    <td
      rowSpan={cell.rowSpan}
      data-ns-type={cell.type}
      data-inode={cell.inode}
      data-kind="namespace"
      data-key={namespaceKeyOf(node, cell.inode)}
      data-scope={cell.scope}
      className={`ns scope-${cell.scope}`}
      title={`${cell.type}:[${cell.inode}] · ${words.meaning(cell.scope)}${who}`}
    >
      <span className="inode">{cell.inode}</span>
      <span className="scope-word">{words.scope(cell.scope)}</span>
    </td>
  );
}
