/**
 * "This machine (live)": a fresh /proc scan (`agent/scan`) merged with what the container
 * runtimes say (`crictl`, `podman`) through the core's merge, so pods and containers are
 * attributed exactly as an imported recording would be, plus net interfaces and uts host names.
 * Vanished processes, unreadable links, missing or failing runtimes are warnings; only an
 * unreadable /proc fails a read. The agent's own helper processes (the runtime CLIs, nsenter
 * and ip for the details) are left out: they exist only because the agent is looking, and
 * would make every scan differ from the one before.
 */
import { hostname } from 'node:os';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { mergeFragments } from '../../src/model/merge.ts';
import { scanProc } from '../scan/index.ts';
import { NamespaceDetails } from './details.ts';
import { queryRuntimes, type RuntimeQuery } from './runtime.ts';
import { helperPids } from './helperPids.ts';
import { ProcWatch, baselineOf } from './liveWatch.ts';
import type { Source, SourceResult } from './types.ts';

export interface LiveOptions {
  id?: string;
  title?: string;
  /** Where procfs is mounted; `/proc` by default. */
  procRoot?: string;
  /** Node name of every row; the host name by default. */
  node?: string;
  /** Keep argv[0] only. */
  redact?: boolean;
  /** Ask crictl/podman (default true). */
  runtimes?: boolean | readonly RuntimeQuery[];
  /** Read interfaces and host names (default true). */
  details?: boolean;
  /** Time limit of each helper command; default 5 s. */
  timeoutMs?: number;
  /** How long net/uts details are reused; default 15 s (60 s once two lookups agreed). */
  detailsTtlMs?: number;
  /**
   * How long a read waits for the details of namespaces it sees first; default 100 ms, then
   * they follow in a later read. `Infinity`: every read is complete (one-shot reads).
   */
  detailsWaitMs?: number;
}

/** The live source, plus what benchmarks and tests need to see of its background work. */
export interface LiveSource extends Source {
  /** Resolves when no net/uts detail lookup is queued or running. */
  detailsIdle(): Promise<void>;
  /**
   * Tells `onChange` when a namespace has appeared or vanished since the last read (a cheap
   * look at /proc every 200 ms while watched; see `liveWatch.ts`), and when net/uts details a
   * read answered without have all arrived.
   */
  watch(onChange: () => void): () => void;
}

/**
 * The live source of this host.
 * @example const { snapshot } = await liveSource().read(AbortSignal.timeout(10_000));
 */
export function liveSource(options: LiveOptions = {}): LiveSource {
  const node = options.node ?? hostname();
  const details = new NamespaceDetails({
    ...(options.procRoot !== undefined ? { procRoot: options.procRoot } : {}),
    ...(options.detailsTtlMs !== undefined ? { ttlMs: options.detailsTtlMs } : {}),
    ...(options.detailsWaitMs !== undefined ? { waitMs: options.detailsWaitMs } : {}),
  });
  const watchers = new Set<() => void>();
  const notify = (): void => {
    for (const w of [...watchers]) w();
  };
  const procWatch = new ProcWatch(notify, {
    ...(options.procRoot !== undefined ? { procRoot: options.procRoot } : {}),
  });
  let unwatchDetails: (() => void) | undefined;
  return {
    id: options.id ?? 'live',
    title: options.title ?? `this machine (live): ${node}`,
    kind: 'live',
    read: async (signal) => {
      const r = await readLive(node, details, options, signal);
      if (watchers.size > 0) procWatch.rebase(baselineOf(r.snapshot));
      return r;
    },
    detailsIdle: () => details.idle(),
    watch(onChange) {
      watchers.add(onChange);
      if (watchers.size === 1) {
        procWatch.start();
        unwatchDetails = details.watch(notify);
      }
      return () => {
        if (!watchers.delete(onChange) || watchers.size > 0) return;
        procWatch.stop();
        unwatchDetails?.();
      };
    },
  };
}

/**
 * Drops this agent's running helpers (children of `self` listed in `helpers`) and what they
 * run (a batch shell's nsenter and ip) from a scan, and the namespace rows only they were in.
 * `nprocs` counts follow.
 */
export function dropHelpers(
  scan: Snapshot,
  self: number,
  running: ReadonlySet<number> = helperPids,
): void {
  const dropped = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const p of scan.processes) {
      if (dropped.has(p.pid)) continue;
      if (
        (p.ppid === self && running.has(p.pid)) ||
        (p.ppid !== undefined && dropped.has(p.ppid))
      ) {
        dropped.add(p.pid);
        grew = true;
      }
    }
  }
  const isHelper = (p: { pid: number }) => dropped.has(p.pid);
  const helpers = scan.processes.filter(isHelper);
  if (helpers.length === 0) return;
  scan.processes = scan.processes.filter((p) => !isHelper(p));
  const rows = new Map(scan.namespaces.map((n) => [`${n.type}:${n.inode}`, n]));
  for (const p of helpers) {
    for (const [type, inode] of Object.entries(p.namespaces)) {
      const row = rows.get(`${type}:${inode}`);
      if (row?.nprocs !== undefined) row.nprocs -= 1;
    }
  }
  const held = new Set<string>();
  for (const p of scan.processes) {
    if (p.forChildren?.pid !== undefined) held.add(`pid:${p.forChildren.pid}`);
    if (p.forChildren?.time !== undefined) held.add(`time:${p.forChildren.time}`);
  }
  scan.namespaces = scan.namespaces.filter(
    (n) =>
      n.nprocs === undefined ||
      n.nprocs > 0 ||
      (n.nsfs?.length ?? 0) > 0 ||
      held.has(`${n.type}:${n.inode}`),
  );
}

async function readLive(
  node: string,
  details: NamespaceDetails,
  options: LiveOptions,
  signal: AbortSignal,
): Promise<SourceResult> {
  signal.throwIfAborted();
  // The runtime CLIs run in their own processes while this one reads /proc.
  const runtimes =
    options.runtimes === false
      ? Promise.resolve({ fragments: [], warnings: [], asked: [] })
      : queryRuntimes({
          node,
          signal,
          ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          ...(Array.isArray(options.runtimes) ? { queries: options.runtimes } : {}),
        });
  const scan = await scanProc({
    node,
    redact: options.redact ?? false,
    ...(options.procRoot !== undefined ? { procRoot: options.procRoot } : {}),
  });
  // Only on the real /proc: a test's fake tree has its own PIDs.
  if ((options.procRoot ?? '/proc') === '/proc') dropHelpers(scan, process.pid);
  const rt = await runtimes;
  signal.throwIfAborted();
  const warnings = scan.warnings.map((w) => w.message);
  scan.sources = [{ format: 'proc-scan', name: 'live', tool: 'nsviz serve' }];
  const { snapshot } = mergeFragments([{ source: 'proc', fragment: scan }, ...rt.fragments], {
    node,
    consume: true,
  });
  for (const w of rt.warnings) snapshot.warnings.push({ source: 'runtime', message: w });
  warnings.push(...rt.warnings);
  if (options.details !== false) {
    const d = await details.fill(snapshot, signal);
    for (const w of d.warnings) snapshot.warnings.push({ source: 'namespace details', message: w });
    warnings.push(...d.warnings);
  }
  if (scan.capturedAt !== undefined) snapshot.capturedAt = scan.capturedAt;
  return { snapshot, warnings };
}
