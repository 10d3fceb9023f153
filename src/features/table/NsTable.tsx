import type { Summary } from '../../protocol/snapshot.ts';

/** TODO(ns table): every namespace, sortable and filterable. */
export function NsTable({ summary }: { summary: Summary }) {
  return (
    <section className="ns-table-view">
      <table data-testid="ns-table">
        <tbody>
          {summary.namespaces.map((n) => (
            <tr key={`${n.node}:${n.inode}`} data-key={`ns:${n.node}:${n.inode}`}>
              <td>{n.type}</td>
              <td>{n.inode}</td>
              <td>{n.scope}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
