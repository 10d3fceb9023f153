import { NS_TYPES, type Snapshot } from '../protocol/snapshot.ts';

const TYPE_ORDER = new Map(NS_TYPES.map((t, i) => [t, i]));
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Puts every row list in one canonical order (nodes by name; namespaces by type then inode;
 * processes by PID; containers by pod, sandbox first, then name), so the same input always
 * gives the same bytes and the same picture.
 */
export function sortSnapshot(s: Snapshot): Snapshot {
  s.nodes.sort((a, b) => cmp(a.name, b.name));
  s.namespaces.sort(
    (a, b) =>
      cmp(a.node, b.node) ||
      (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) ||
      a.inode - b.inode,
  );
  s.processes.sort((a, b) => cmp(a.node, b.node) || a.pid - b.pid);
  s.containers.sort(
    (a, b) =>
      cmp(a.node, b.node) ||
      cmp(a.pod ?? '\uffff', b.pod ?? '\uffff') ||
      Number(b.sandbox === true) - Number(a.sandbox === true) ||
      cmp(a.name ?? '', b.name ?? '') ||
      cmp(a.id, b.id),
  );
  s.pods.sort((a, b) => cmp(a.node, b.node) || cmp(a.key, b.key));
  return s;
}
