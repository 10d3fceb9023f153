import { NS_TYPES, type Snapshot } from '../protocol/snapshot.ts';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Position of a type in NS_TYPES, 0 for an unknown one. The comparator asks this twice per
 * comparison on lists of 100,000 rows: eight identity comparisons beat a map lookup.
 */
function typeRank(type: string): number {
  for (let i = 0; i < NS_TYPES.length; i++) if (NS_TYPES[i] === type) return i;
  return 0;
}

/**
 * Puts every row list in one canonical order (nodes by name; namespaces by type then inode;
 * processes by PID; containers by pod, sandbox first, then name), so the same input always
 * gives the same bytes and the same picture.
 */
export function sortSnapshot(s: Snapshot): Snapshot {
  s.nodes.sort((a, b) => cmp(a.name, b.name));
  s.namespaces.sort(
    (a, b) => cmp(a.node, b.node) || typeRank(a.type) - typeRank(b.type) || a.inode - b.inode,
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
