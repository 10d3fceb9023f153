/**
 * Wire types of `nsviz/snapshot@1` (contract §2) and the classification (contract §3).
 * Shared by the app, the CLI and the agent; this module imports nothing.
 *
 * Fields marked "addition" are optional extensions beyond the contract's minimum: the contract
 * may only grow by adding, and readers must tolerate their absence.
 */

export const NS_TYPES = ['mnt', 'net', 'pid', 'ipc', 'uts', 'user', 'cgroup', 'time'] as const;
export type NsType = (typeof NS_TYPES)[number];

export const SNAPSHOT_SCHEMA = 'nsviz/snapshot@1';

export interface SourceInfo {
  /** Detected format id, e.g. `lsns-json`, `proc-ns-ls`, `transcript`. */
  format: string;
  name?: string;
  /** Tool and version when known, e.g. `util-linux 2.38.1`, or `reconstructed`. */
  tool?: string;
}

export interface NodeInfo {
  name: string;
  kernel?: string;
  hostname?: string;
}

export interface NetInterface {
  name: string;
  mac?: string;
  /** CIDR strings, e.g. `10.244.1.6/24`. */
  addresses: string[];
}

export interface NamespaceRow {
  node: string;
  type: NsType;
  inode: number;
  nprocs?: number;
  /** Owning user-namespace inode. */
  owner?: number;
  /** Parent namespace inode (pid, user). */
  parent?: number;
  nsfs?: string[];
  hostname?: string;
  interfaces?: NetInterface[];
  /** addition: lsns NETNSID as printed (`0`, `unassigned`). */
  netnsid?: string;
}

export interface ProcessRow {
  node: string;
  pid: number;
  ppid?: number;
  command?: string;
  user?: string;
  uid?: number;
  namespaces: Partial<Record<NsType, number>>;
  cgroup?: string;
  container?: string;
  /** addition: `pid_for_children` / `time_for_children` when they are known. */
  forChildren?: Partial<Record<'pid' | 'time', number>>;
  /** addition: start time in clock ticks since boot (/proc/PID/stat field 22). */
  startTime?: number;
  /** addition: the PID in the process's own (innermost) pid namespace, from `NSpid`. */
  nsPid?: number;
}

export interface ContainerRow {
  node: string;
  id: string;
  name?: string;
  /** Pod key. */
  pod?: string;
  sandbox?: boolean;
  runtime?: string;
  image?: string;
  /** addition: the container's init PID as the runtime reports it. */
  pid?: number;
  /** addition: runtime state, e.g. `running`, `CONTAINER_EXITED`. */
  state?: string;
}

export interface PodRow {
  node: string;
  key: string;
  uid?: string;
  name?: string;
  namespace?: string;
  qos?: string;
  /** addition: pod IP(s) as the runtime reports them. */
  ips?: string[];
  /** addition: the sandbox (pause / infra) container id. */
  sandboxId?: string;
}

export interface Warning {
  source?: string;
  line?: number;
  message: string;
}

export interface Snapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  capturedAt?: string;
  sources: SourceInfo[];
  nodes: NodeInfo[];
  namespaces: NamespaceRow[];
  processes: ProcessRow[];
  containers: ContainerRow[];
  pods: PodRow[];
  warnings: Warning[];
}

export type Scope = 'host' | 'pod' | 'container' | 'cross-pod' | 'unattributed';
export const SCOPES: readonly Scope[] = ['host', 'pod', 'container', 'cross-pod', 'unattributed'];

export interface SummaryNamespace {
  node: string;
  type: NsType;
  inode: number;
  scope: Scope;
  pods: string[];
  containers: string[];
  pids: number[];
}

export interface SummaryContainer {
  id: string;
  name?: string;
  sandbox: boolean;
  pids: number[];
  namespaces: Partial<Record<NsType, { inode: number; scope: Scope }>>;
}

export interface SummaryPod {
  node: string;
  key: string;
  name?: string;
  containers: SummaryContainer[];
}

export interface Summary {
  namespaces: SummaryNamespace[];
  pods: SummaryPod[];
}

export function isNsType(value: unknown): value is NsType {
  return typeof value === 'string' && (NS_TYPES as readonly string[]).includes(value);
}

/** An empty, valid snapshot. */
export function emptySnapshot(): Snapshot {
  return {
    schema: SNAPSHOT_SCHEMA,
    sources: [],
    nodes: [],
    namespaces: [],
    processes: [],
    containers: [],
    pods: [],
    warnings: [],
  };
}
