import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { changeMarks, diffSnapshots, type ChangeMark, type DiffEntry } from '../model/diff.ts';
import { processKeyOf } from '../model/entities.ts';
import { authHeaders } from './agentToken.ts';
import { agentKeys, apiUrl } from './liveSources.ts';
import { parseInWorker } from './parseWorker.ts';
import type { ParsedSource } from './types.ts';

/** A change stays marked this long, so one on a busy host outlives the next 2-second update. */
export const HOLD_MS = 15_000;
/** Updates remembered for the change list (each holds its diff entries). */
const MAX_BATCHES = 20;

/** The changes one update brought (a diff against the snapshot shown before it). */
export interface ChangeBatch {
  /** When the update arrived (ms since the epoch). */
  at: number;
  entries: DiffEntry[];
  marks: Map<string, ChangeMark>;
}

/** What is on screen: kept by reference while the agent only confirms it (no re-render). */
export interface LiveShown {
  data: ParsedSource;
  /** When this content arrived (ms since the epoch). */
  receivedAt: number;
  /** Recent updates with changes, newest first; none older than `HOLD_MS` when made. */
  changes: ChangeBatch[];
}

/** A live source as the app holds it in the query cache. */
export interface LiveSnapshot {
  shown: LiveShown;
  /** The agent's ETag of the shown content (SSE event id, or the header of /api/snapshot). */
  etag: string | undefined;
  /** When the agent last said the shown content is current (new content, a 304, the ETag). */
  confirmedAt: number;
}

/** Why the agent could not be read; `kind` picks the message shown. */
export class AgentError extends Error {
  override name = 'AgentError';
  constructor(
    /** `auth`: the agent wants its token (`--token`), or another one (401). */
    readonly kind: 'unreachable' | 'no-agent' | 'source' | 'auth',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * The live snapshot after an update arrives: the same content (by ETag) only refreshes
 * `confirmedAt`; new content is diffed against what was shown, and that diff is added to the
 * change log. Pure: `now` is passed in.
 * @example nextLive(undefined, parsed, '"a"', 1000) // { shown: { data: parsed, changes: [] … }, etag: '"a"', … }
 */
export function nextLive(
  prev: LiveSnapshot | undefined,
  data: ParsedSource,
  etag: string | undefined,
  now: number,
): LiveSnapshot {
  if (!prev) return { shown: { data, receivedAt: now, changes: [] }, etag, confirmedAt: now };
  if (etag !== undefined && etag === prev.etag) return { ...prev, confirmedAt: now };
  const diff = diffSnapshots(prev.shown.data, data);
  // Processes come and go all the time on a host: a namespace (or container) whose only change
  // is its member list would mark the whole host at every update. New and gone are what count.
  // Kernel worker threads rename themselves as they work: not a change anyone looks for.
  const kernel = new Set(
    data.snapshot.processes
      .filter((p) => p.pid === 2 || p.ppid === 2)
      .map((p) => processKeyOf(p.node, p.pid)),
  );
  diff.entries = diff.entries.filter(
    (e) =>
      e.mark !== 'changed' || (e.changes.some((c) => c.field !== 'members') && !kernel.has(e.key)),
  );
  const kept = prev.shown.changes.filter((b) => now - b.at < HOLD_MS);
  const changes =
    diff.entries.length === 0
      ? kept
      : [{ at: now, entries: diff.entries, marks: changeMarks(diff) }, ...kept];
  return {
    shown: { data, receivedAt: now, changes: changes.slice(0, MAX_BATCHES) },
    etag,
    confirmedAt: now,
  };
}

/**
 * What to mark now: every key changed by an update of the last `holdMs`. The newest update
 * says what a key is, except that `changed` does not hide a recent `added` (it is still new).
 * `recentMarks([{ at: 9000, marks: new Map([['ns:n:1', 'added']]) }], 10_000)` → `ns:n:1 → added`.
 */
export function recentMarks(
  changes: readonly Pick<ChangeBatch, 'at' | 'marks'>[],
  now: number,
  holdMs = HOLD_MS,
): Map<string, ChangeMark> {
  const out = new Map<string, ChangeMark>();
  for (const batch of changes) {
    if (now - batch.at >= holdMs) break;
    for (const [key, mark] of batch.marks) {
      const newer = out.get(key);
      if (newer === undefined || (newer === 'changed' && mark === 'added')) out.set(key, mark);
    }
  }
  return out;
}

/** Parses one snapshot document from the agent (validated and classified in the worker). */
export async function parseLive(
  id: string,
  text: string,
  signal?: AbortSignal,
): Promise<ParsedSource> {
  return parseInWorker([{ name: id, text }], undefined, signal ? { signal } : {});
}

/**
 * `GET /api/snapshot?source=ID` revalidated with the ETag shown: a 304 costs no parse. Rejects
 * with an `AgentError` when nothing answers, the answer is not the agent's, or the source fails.
 */
export async function fetchLive(
  id: string,
  prev: LiveSnapshot | undefined,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<LiveSnapshot> {
  let res: Response;
  try {
    res = await fetch(apiUrl('snapshot', { source: id }), {
      signal,
      // The ETag is handled here: the browser's cache would turn a 304 into a 200 to re-parse.
      cache: 'no-store',
      headers: { ...authHeaders(), ...(prev?.etag ? { 'If-None-Match': prev.etag } : {}) },
    });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new AgentError('unreachable', e instanceof Error ? e.message : String(e));
  }
  if (res.status === 304 && prev) return { ...prev, confirmedAt: now() };
  const type = res.headers.get('content-type') ?? '';
  if (!/json/.test(type)) throw new AgentError('no-agent', `${res.status} ${type}`, res.status);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    const message = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
    const kind = res.status === 404 ? 'no-agent' : res.status === 401 ? 'auth' : 'source';
    throw new AgentError(kind, message, res.status);
  }
  const etag = res.headers.get('etag') ?? undefined;
  if (prev && etag !== undefined && etag === prev.etag) return { ...prev, confirmedAt: now() };
  const data = await parseLive(id, await res.text(), signal);
  return nextLive(prev, data, etag, now());
}

/** The wait after the `attempt`-th failure in a row (0-based): 1, 2, 4, 8, 16, then 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}

export interface LiveQueryOptions {
  /** Poll every this many ms (while the event stream is down); false: no polling. */
  pollMs: number | false;
  /** Told each failed attempt's wait before the next one (for the status badge). */
  onRetry?: (failures: number, waitMs: number, error: unknown) => void;
}

/**
 * A live source in the query cache. The event stream (useLiveFeed) writes into this entry with
 * `setQueryData`; the query function is the fallback: `/api/snapshot` with the ETag, polled
 * while the stream is down, retried forever with exponential backoff while the agent is away.
 * The last good snapshot stays as `data` the whole time.
 */
export function liveSnapshotQuery(id: string, options: LiveQueryOptions) {
  return queryOptions({
    queryKey: agentKeys.snapshot(id),
    queryFn: ({ signal, client }: { signal: AbortSignal; client: QueryClient }) =>
      fetchLive(id, client.getQueryData<LiveSnapshot>(agentKeys.snapshot(id)), signal),
    refetchInterval: options.pollMs,
    refetchIntervalInBackground: false,
    staleTime: 0,
    gcTime: 60_000,
    retry: true,
    // react-query passes the failures before this one (0 after the first).
    retryDelay: (attempt: number, error: unknown) => {
      const wait = backoffMs(attempt);
      options.onRetry?.(attempt + 1, wait, error);
      return wait;
    },
    // A loopback agent answers even when the browser thinks it is offline.
    networkMode: 'always',
    // Snapshots are large and replaced whole: deep comparison would cost more than it saves.
    structuralSharing: false,
  });
}
