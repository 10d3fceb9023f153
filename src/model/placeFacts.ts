import type {
  NamespaceRow,
  NetInterface,
  NsType,
  ProcessRow,
  Snapshot,
} from '../protocol/snapshot.ts';
import { mainProcess } from './classify.ts';
import type { MergeIssue } from './merge.ts';

/**
 * Facts a parser could not tie to a namespace on its own travel on the fragment until the merge
 * step places them (the parsers' documented convention):
 * - `ProcessRow.netInterfaces`: `ip addr` run for a PID (`nsenter -t PID -n ip addr`);
 * - `ProcessRow.utsHostname`: `nsenter -t PID -u hostname`;
 * - `Snapshot.netInterfaces: [{ via, interfaces }]`: `ip addr` inside `kubectl exec POD -c C`,
 *   `crictl exec ID`, `docker exec ID`, with no PID known.
 */
export interface UnplacedInterfaces {
  node: string;
  via?: { tool: string; target: string };
  interfaces: NetInterface[];
}

type PendingProcess = ProcessRow & { netInterfaces?: NetInterface[]; utsHostname?: string };

/** Reads the fragment-level unplaced interfaces of one parsed fragment. */
export function unplacedOf(fragment: Snapshot, node: string): UnplacedInterfaces[] {
  const list = (fragment as Snapshot & { netInterfaces?: unknown }).netInterfaces;
  if (!Array.isArray(list)) return [];
  return list.map((e: { via?: { tool: string; target: string }; interfaces: NetInterface[] }) => {
    const out: UnplacedInterfaces = { node, interfaces: e.interfaces };
    if (e.via) out.via = e.via;
    return out;
  });
}

/** Moves pending interfaces and hostnames to the namespaces they describe, in place. */
export function placeFacts(s: Snapshot, unplaced: readonly UnplacedInterfaces[]): MergeIssue[] {
  const issues: MergeIssue[] = [];
  // Built on first use: most captures have no pending facts, and the index of every namespace
  // row of a large capture costs more than the rest of this step.
  let nsIndex: Map<string, NamespaceRow> | undefined;
  const nsOf = (p: ProcessRow | undefined, type: NsType): NamespaceRow | undefined => {
    const inode = p?.namespaces[type];
    if (!p || inode === undefined) return undefined;
    if (!nsIndex) {
      nsIndex = new Map();
      for (const n of s.namespaces) nsIndex.set(`${n.node}\u0000${n.type}\u0000${n.inode}`, n);
    }
    return nsIndex.get(`${p.node}\u0000${type}\u0000${inode}`);
  };
  const procs = s.processes as PendingProcess[];
  // Indexed: this runs once per parse, mostly unoptimized, where for…of allocates per element.
  for (let i = 0; i < procs.length; i++) {
    const p = procs[i]!;
    if (p.netInterfaces) {
      const ns = nsOf(p, 'net');
      if (ns) addInterfaces(ns, p.netInterfaces);
      else
        issues.push({
          level: 'warning',
          message: `interfaces seen from PID ${p.pid} are not shown: its net namespace is not in the input (add \`ls -l /proc/${p.pid}/ns\` or \`lsns -p ${p.pid}\`)`,
        });
      delete p.netInterfaces;
    }
    if (p.utsHostname !== undefined) {
      const ns = nsOf(p, 'uts');
      if (ns) ns.hostname ??= p.utsHostname;
      delete p.utsHostname;
    }
  }
  for (const u of unplaced) {
    const proc = u.via ? processFor(s, u.node, u.via) : undefined;
    const ns = nsOf(proc, 'net');
    if (ns) addInterfaces(ns, u.interfaces);
    else {
      const where = u.via
        ? `\`${u.via.tool} exec ${u.via.target}\``
        : 'a shell that the transcript does not name';
      issues.push({
        level: 'warning',
        message: `interfaces printed in ${where} are not shown: no process of that container or pod is in the input`,
      });
    }
  }
  return issues;
}

function addInterfaces(ns: NamespaceRow, list: readonly NetInterface[]): void {
  ns.interfaces ??= [];
  for (const i of list) if (!ns.interfaces.some((k) => k.name === i.name)) ns.interfaces.push(i);
}

/** The main process of the container (or pod) an exec targeted: by id prefix or by name. */
function processFor(
  s: Snapshot,
  node: string,
  via: { tool: string; target: string },
): ProcessRow | undefined {
  const [podPart, ctrPart] =
    via.tool === 'kubectl' ? splitPodTarget(via.target) : [undefined, via.target];
  const containers = s.containers.filter((c) => c.node === node);
  let ctr =
    ctrPart === undefined
      ? undefined
      : containers.find((c) => c.id.startsWith(ctrPart) || c.name === ctrPart);
  if (!ctr && podPart !== undefined) {
    const pod = s.pods.find((p) => p.node === node && (p.name === podPart || p.key === podPart));
    // Every container of a pod sees the pod's network: its sandbox will do.
    if (pod)
      ctr =
        containers.find((c) => c.pod === pod.key && c.sandbox) ??
        containers.find((c) => c.pod === pod.key);
  }
  if (!ctr) return undefined;
  return mainProcess(
    s.processes.filter((p) => p.node === node && p.container === ctr.id),
    ctr.pid,
  );
}

function splitPodTarget(target: string): [string, string | undefined] {
  const i = target.indexOf('/');
  return i < 0 ? [target, undefined] : [target.slice(0, i), target.slice(i + 1)];
}
