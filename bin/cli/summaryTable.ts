import { NS_TYPES, type Scope, type Snapshot, type Summary } from '../../src/protocol/snapshot.ts';
import { findHostNamespaces } from '../../src/model/host.ts';

const SCOPE_MARK: Readonly<Record<Scope, string>> = {
  host: 'host',
  pod: 'pod',
  container: 'ctr',
  'cross-pod': 'x-pod',
  unattributed: '?',
};

/**
 * Renders the classification as the table a study group draws from `lsns -p`: per node, per
 * pod, one row per container (sandbox first) and one column per namespace type, each cell the
 * inode and its scope.
 */
export function renderSummary(snapshot: Snapshot, summary: Summary): string {
  const lines: string[] = [];
  const nodes = snapshot.nodes.map((n) => n.name);
  for (const node of nodes) {
    const host = findHostNamespaces(snapshot, node);
    lines.push(safe(`node ${node}`));
    const hostCells = NS_TYPES.map((t) => `${t} ${host.inodes[t] ?? '-'}`).join('  ');
    const methods = new Set(Object.values(host.method));
    const how = methods.has('largest')
      ? ' (some guessed: the namespace with most processes outside containers)'
      : methods.has('initial-inode')
        ? ' (from the kernel’s fixed initial inodes)'
        : methods.size > 0
          ? ' (PID 1)'
          : '';
    lines.push(`  host namespaces${how}: ${hostCells}`);
    const pods = summary.pods.filter((p) => p.node === node);
    if (pods.length === 0) lines.push('  no pods found');
    for (const pod of pods) {
      lines.push(safe(`  pod ${pod.name ?? '(unnamed)'}  [${pod.key}]`));
      const header = ['CONTAINER', 'PIDS', ...NS_TYPES];
      const rows = pod.containers.map((c) => [
        `${c.sandbox ? '* ' : ''}${c.name ?? (c.sandbox ? `pause ${c.id.slice(0, 12)}` : c.id.slice(0, 13))}`,
        c.pids.length === 0
          ? '-'
          : c.pids.length > 3
            ? `${c.pids.slice(0, 3).join(',')},…`
            : c.pids.join(','),
        ...NS_TYPES.map((t) => {
          const n = c.namespaces[t];
          return n ? `${n.inode} ${SCOPE_MARK[n.scope]}` : '-';
        }),
      ]);
      lines.push(...table([header, ...rows]).map((l) => `    ${l}`));
    }
    const loose = summary.namespaces.filter(
      (n) => n.node === node && n.scope === 'unattributed',
    ).length;
    if (loose > 0) lines.push(`  ${loose} namespace(s) not attributed to any container`);
    lines.push('');
  }
  lines.push(
    '* = sandbox (pause) container; scopes: host, pod (shared in the pod), ctr (one container), x-pod (across pods), ? (unattributed)',
  );
  return lines.join('\n') + '\n';
}

/** Names come from untrusted input: control characters would drive the terminal. */
const safe = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

function table(input: string[][]): string[] {
  const rows = input.map((r) => r.map(safe));
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
