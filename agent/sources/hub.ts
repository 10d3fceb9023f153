/**
 * The hub (`nsviz serve --peer URL… | --peers-dns NAME`): one source, kind `hub`, that polls
 * every peer agent's `/api/snapshot` and merges their snapshots into one multi-node snapshot
 * (rows keyed by node, as each agent names its node) with the model's merge.
 *
 * Each peer has at most one request in flight. A read starts the peers' requests and waits
 * for them up to `waitMs`; a peer that has not answered by then, or that failed, is reported
 * stale with its last good data, and its request goes on in the background (up to
 * `timeoutMs`) for the next read. A failed peer is retried with backoff (1 s doubling to 30 s)
 * so a dead one does not slow every read. Peer status goes into the result's `warnings` and
 * into the snapshot's `warnings` (source `hub:URL`); the snapshot format has no per-node
 * status field yet.
 */
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { mergeFragments } from '../../src/model/merge.ts';
import { emptySnapshot, type Snapshot, type Warning } from '../../src/protocol/snapshot.ts';
import { newPeer, pollPeer, type PeerState } from './hubPeer.ts';
import { abortReason } from './singleFlight.ts';
import type { Source, SourceResult } from './types.ts';

export interface HubOptions {
  /** Peer URLs: `http://HOST:PORT`, `HOST:PORT`, optionally `?source=ID`. */
  peers: string[];
  /** `NAME[:PORT]`: a headless Service whose A records are the peers (port 8080 by default). */
  peersDns?: string;
  /** Bearer token sent to every peer. */
  token?: string;
  /** Limit for one request to a peer (10 s by default). */
  timeoutMs?: number;
  /** How long a read waits for slow peers before serving their last data (2 s by default). */
  waitMs?: number;
  /** Limit on one peer's response (64 MB by default). */
  maxBytes?: number;
  /** How long a peer that left DNS keeps showing its last data (5 min by default). */
  forgetAfterMs?: number;
  /** Source id (`cluster` by default) and title. */
  id?: string;
  title?: string;
  /** DNS servers to ask instead of the system's (`IP[:PORT]`). */
  dnsServers?: string[];
  /** For tests: DNS lookup and clock. */
  resolve4?: (name: string) => Promise<string[]>;
  now?: () => number;
}

export type PeerStatus = 'live' | 'stale' | 'unreachable';

export interface PeerReport {
  url: string;
  via: string;
  status: PeerStatus;
  nodes: string[];
  /** When its data was last confirmed (ms since the epoch). */
  updatedAt?: number;
  problem?: string;
}

/** The hub's source, with the status of each peer for whoever wants more than warnings. */
export interface HubSource extends Source {
  peerStatus(): PeerReport[];
}

export const HUB_DEFAULTS = {
  timeoutMs: 10_000,
  waitMs: 2_000,
  maxBytes: 64 * 1024 * 1024,
  forgetAfterMs: 5 * 60_000,
  dnsPort: 8080,
} as const;

/**
 * The hub sources for `serve`: none without peers, else one (`cluster`, kind `hub`). Throws
 * for a peer URL or DNS name that cannot work, so the CLI can say so at start.
 * @example hubSources({ peers: ['http://10.0.0.2:8080', '10.0.0.3:8080'], token: 't' }) // [{ id: 'cluster', kind: 'hub', … }]
 */
export function hubSources(opts: { peers: string[]; peersDns?: string; token?: string }): Source[] {
  if (opts.peers.length === 0 && opts.peersDns === undefined) return [];
  return [createHub(opts)];
}

/** A hub source over `opts.peers` and the A records of `opts.peersDns`. */
export function createHub(opts: HubOptions): HubSource {
  const now = opts.now ?? Date.now;
  const fetchOpts = {
    timeoutMs: opts.timeoutMs ?? HUB_DEFAULTS.timeoutMs,
    maxBytes: opts.maxBytes ?? HUB_DEFAULTS.maxBytes,
    ...(opts.token !== undefined ? { token: opts.token } : {}),
  };
  const waitMs = opts.waitMs ?? HUB_DEFAULTS.waitMs;
  const forgetAfterMs = opts.forgetAfterMs ?? HUB_DEFAULTS.forgetAfterMs;
  const resolve4 = opts.resolve4 ?? resolverFor(opts.dnsServers);

  const fixed = opts.peers.map((p) => newPeer(p, '--peer'));
  const dnsTarget = opts.peersDns === undefined ? undefined : parseDnsTarget(opts.peersDns);
  /** Peers found in DNS, by URL; kept for a while after they leave it. */
  const fromDns = new Map<string, PeerState>();
  let dnsProblem: string | undefined;
  let merged: { key: readonly Snapshot[]; snapshot: Snapshot } | undefined;

  const refreshDns = async (): Promise<void> => {
    if (!dnsTarget) return;
    let ips: string[];
    try {
      ips = await resolve4(dnsTarget.name);
      dnsProblem = undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      // No records: no peers now. Any other failure (timeout, no server): keep the last list.
      if (code === 'ENOTFOUND' || code === 'ENODATA') ips = [];
      else {
        dnsProblem = `DNS ${dnsTarget.name}: ${code}; using the last known peers`;
        return;
      }
      dnsProblem = `DNS ${dnsTarget.name}: no A records (${code})`;
    }
    const t = now();
    const seen = new Set<string>();
    for (const ip of ips.sort(compareIp)) {
      const url = `http://${ip}:${dnsTarget.port}`;
      seen.add(url);
      const p = fromDns.get(url);
      if (p) delete p.goneSince;
      else fromDns.set(url, newPeer(url, dnsTarget.name));
    }
    for (const [url, p] of fromDns) {
      if (seen.has(url)) continue;
      p.goneSince ??= t;
      if (t - p.goneSince >= forgetAfterMs || !p.good) fromDns.delete(url);
    }
  };

  const due = (p: PeerState, t: number): boolean => {
    if (p.inflight || p.goneSince !== undefined) return false;
    const f = p.failure;
    if (!f) return true;
    return t - f.at >= Math.min(30_000, 1000 * 2 ** (f.count - 1));
  };

  const peers = (): PeerState[] => {
    const byUrl = new Map<string, PeerState>();
    for (const p of [...fixed, ...fromDns.values()]) if (!byUrl.has(p.url)) byUrl.set(p.url, p);
    return [...byUrl.values()];
  };

  const report = (p: PeerState, waited: boolean): PeerReport => {
    const r: PeerReport = {
      url: p.url,
      via: p.via,
      status: !p.good ? 'unreachable' : p.failure || p.goneSince || waited ? 'stale' : 'live',
      nodes: p.good ? p.good.snapshot.nodes.map((n) => n.name) : [],
    };
    if (p.good) r.updatedAt = p.good.at;
    if (p.failure) r.problem = p.failure.message;
    else if (p.goneSince !== undefined) r.problem = `no longer in DNS ${p.via}`;
    else if (waited) r.problem = `no answer within ${waitMs / 1000} s`;
    else if (!p.good) r.problem = 'no answer yet';
    return r;
  };

  const read = async (signal: AbortSignal): Promise<SourceResult> => {
    if (signal.aborted) throw abortReason(signal);
    await refreshDns();
    const list = peers();
    const t = now();
    for (const p of list) {
      if (!due(p, t)) continue;
      p.inflight = pollPeer(p, fetchOpts, now).finally(() => delete p.inflight);
    }
    const pending = list.flatMap((p) => (p.inflight ? [p.inflight] : []));
    await waitFor(Promise.all(pending), waitMs, signal);

    const reports = list.map((p) => report(p, p.inflight !== undefined));
    const warnings: Warning[] = [];
    if (dnsProblem) warnings.push({ source: 'hub', message: dnsProblem });
    for (const r of reports) {
      if (r.status === 'live') continue;
      const nodes = r.nodes.length ? ` (node ${r.nodes.join(', ')})` : '';
      const data =
        r.updatedAt !== undefined
          ? `; showing its last good data, from ${new Date(r.updatedAt).toISOString()}`
          : '; no data from it yet';
      warnings.push({
        source: `hub:${r.url}`,
        message: `peer ${r.url}${nodes} is ${r.status}: ${r.problem ?? 'unknown'}${data}`,
      });
    }
    const withData = list.filter((p) => p.good);
    if (withData.length === 0) {
      const why = reports.map((r) => `${r.url}: ${r.problem ?? r.status}`).join('; ');
      throw new Error(
        list.length === 0
          ? `no peers${dnsProblem ? `: ${dnsProblem}` : ''}`
          : `no peer has answered yet (${why})`,
      );
    }
    warnings.push(...duplicateNodes(withData));
    const key = withData.map((p) => p.good!.snapshot);
    if (!merged || !sameList(merged.key, key)) merged = { key, snapshot: mergePeers(withData) };
    const snapshot: Snapshot = {
      ...merged.snapshot,
      warnings: [...merged.snapshot.warnings, ...warnings],
    };
    return { snapshot, warnings: warnings.map((w) => w.message) };
  };

  return {
    id: opts.id ?? 'cluster',
    title: opts.title ?? `cluster (${describePeers(fixed, dnsTarget)})`,
    kind: 'hub',
    read,
    peerStatus: () => peers().map((p) => report(p, p.inflight !== undefined)),
  };
}

/** The peers' last good snapshots as one snapshot (the model's merge; inputs are not changed). */
function mergePeers(peers: readonly PeerState[]): Snapshot {
  if (peers.length === 0) return emptySnapshot();
  const { snapshot } = mergeFragments(
    peers.map((p) => ({ source: p.url, fragment: p.good!.snapshot })),
  );
  return snapshot;
}

/** Two peers naming the same node get merged into one node: worth a warning. */
function duplicateNodes(peers: readonly PeerState[]): Warning[] {
  const owner = new Map<string, string>();
  const out: Warning[] = [];
  for (const p of peers) {
    for (const n of p.good!.snapshot.nodes) {
      const first = owner.get(n.name);
      if (first === undefined) owner.set(n.name, p.url);
      else
        out.push({
          source: `hub:${p.url}`,
          message: `peers ${first} and ${p.url} both report node ${n.name}; their rows are merged as one node (start each agent with its own node name)`,
        });
    }
  }
  return out;
}

/** A resolve4 on the system's DNS servers, or on the given ones. */
function resolverFor(servers?: string[]): (name: string) => Promise<string[]> {
  if (servers === undefined) return (name) => dns.resolve4(name);
  const r = new dns.Resolver({ timeout: 2000, tries: 2 });
  r.setServers(servers);
  return (name) => r.resolve4(name);
}

/** `NAME[:PORT]` of `--peers-dns`. */
export function parseDnsTarget(given: string): { name: string; port: number } {
  const m = /^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)\.?(?::(\d{1,5}))?$/.exec(given);
  const port = m?.[3] === undefined ? HUB_DEFAULTS.dnsPort : Number(m[3]);
  if (!m || port < 1 || port > 65535 || isIP(m[1]!) !== 0)
    throw new Error(`--peers-dns "${given}": expected a DNS name with an optional :PORT`);
  return { name: m[1]!, port };
}

/** Resolves after `p` settles or `ms` passes; rejects only when `signal` aborts. */
function waitFor(p: Promise<unknown>, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(done, done);
  });
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function compareIp(a: string, b: string): number {
  const n = (ip: string) => ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return n(a) - n(b);
}

function describePeers(fixed: readonly PeerState[], dnsTarget?: { name: string }): string {
  const parts = fixed.map((p) => p.url.replace(/^https?:\/\//, ''));
  if (dnsTarget) parts.push(`DNS ${dnsTarget.name}`);
  return parts.length > 3
    ? `${parts.slice(0, 3).join(', ')} +${parts.length - 3}`
    : parts.join(', ');
}
