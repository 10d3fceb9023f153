/**
 * "This machine (live)": a fresh /proc scan (`agent/scan`) merged with what the container
 * runtimes say (`crictl`, `podman`) through the core's merge, so pods and containers are
 * attributed exactly as an imported recording would be, plus net interfaces and uts host names.
 * Vanished processes, unreadable links, missing or failing runtimes are warnings; only an
 * unreadable /proc fails a read.
 */
import { hostname } from 'node:os';
import { mergeFragments } from '../../src/model/merge.ts';
import { scanProc } from '../scan/index.ts';
import { NamespaceDetails } from './details.ts';
import { queryRuntimes, type RuntimeQuery } from './runtime.ts';
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
  /** How long net/uts details are reused; default 15 s. */
  detailsTtlMs?: number;
}

/**
 * The live source of this host.
 * @example const { snapshot } = await liveSource().read(AbortSignal.timeout(10_000));
 */
export function liveSource(options: LiveOptions = {}): Source {
  const node = options.node ?? hostname();
  const details = new NamespaceDetails({
    ...(options.procRoot !== undefined ? { procRoot: options.procRoot } : {}),
    ...(options.detailsTtlMs !== undefined ? { ttlMs: options.detailsTtlMs } : {}),
  });
  return {
    id: options.id ?? 'live',
    title: options.title ?? `this machine (live): ${node}`,
    kind: 'live',
    read: (signal) => readLive(node, details, options, signal),
  };
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
