/**
 * Snapshots as the server hands them out: each source's latest result serialized once, with its
 * ETag (a hash of the snapshot JSON without `capturedAt`, so an unchanged host revalidates as
 * 304) and a gzip body made on first demand. Reads of one source are coalesced: every request
 * that arrives while a scan runs waits for that scan instead of starting its own, so 200
 * clients cost one scan, not 200.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import type { Source } from '../sources/types.ts';
import { redactSnapshot } from './redact.ts';

const gzip = promisify(gzipCb);

export interface Prepared {
  etag: string;
  body: Buffer;
  /** Finished (ms since the epoch). */
  at: number;
  warnings: string[];
  gzipped(): Promise<Buffer>;
}

export interface StoreOptions {
  redact: boolean;
  /** A finished live read younger than this is reused; default 250 ms. */
  reuseMs?: number;
  /** A read taking longer fails with 504; default 60 s. */
  readTimeoutMs?: number;
}

/** Serializes a snapshot and hashes it; see the module comment. */
export function prepare(snapshot: Snapshot, warnings: string[], redact: boolean): Prepared {
  const s = redact ? redactSnapshot(snapshot) : snapshot;
  const { capturedAt, ...rest } = s;
  const canonical = JSON.stringify(rest);
  const etag = `"${createHash('sha256').update(canonical).digest('base64url').slice(0, 32)}"`;
  const text =
    capturedAt === undefined
      ? canonical
      : `${canonical.slice(0, -1)},"capturedAt":${JSON.stringify(capturedAt)}}`;
  const body = Buffer.from(text);
  let z: Promise<Buffer> | undefined;
  return { etag, body, at: Date.now(), warnings, gzipped: () => (z ??= gzip(body, { level: 6 })) };
}

interface Slot {
  inflight?: Promise<Prepared>;
  last?: Prepared;
  /** When the running read and the one that gave `last` started (ms since the epoch). */
  inflightStarted?: number;
  lastStarted?: number;
}

export class SnapshotStore {
  private readonly slots = new Map<string, Slot>();
  /** Every read started (for tests and the load test's "scans" figure). */
  reads = 0;

  constructor(
    private readonly sources: readonly Source[],
    private readonly options: StoreOptions,
  ) {}

  source(id: string): Source | undefined {
    return this.sources.find((s) => s.id === id);
  }

  /** The last prepared snapshot of a source, without reading. */
  last(id: string): Prepared | undefined {
    return this.slots.get(id)?.last;
  }

  /**
   * The current snapshot of `source`: fixtures are read once; other sources are read afresh
   * unless a read is running (then that one is shared) or one finished within `reuseMs`.
   * `notBefore` (ms since the epoch): only a read started then or later will do — an event
   * stream told of a change at that time must not be answered with a scan from before it.
   */
  get(source: Source, notBefore = -Infinity): Promise<Prepared> {
    let slot = this.slots.get(source.id);
    if (!slot) this.slots.set(source.id, (slot = {}));
    if (slot.inflight) {
      if ((slot.inflightStarted ?? -Infinity) >= notBefore) return slot.inflight;
      // Started too early: wait for it (one read at a time), then read again.
      return slot.inflight.then(
        () => this.get(source, notBefore),
        () => this.get(source, notBefore),
      );
    }
    const reuse = source.kind === 'fixture' ? Infinity : (this.options.reuseMs ?? 250);
    if (
      slot.last &&
      Date.now() - slot.last.at <= reuse &&
      (source.kind === 'fixture' || (slot.lastStarted ?? -Infinity) >= notBefore)
    )
      return Promise.resolve(slot.last);
    const s = slot;
    this.reads++;
    const started = Date.now();
    s.inflightStarted = started;
    const signal = AbortSignal.timeout(this.options.readTimeoutMs ?? 60000);
    s.inflight = source
      .read(signal)
      .then((r) => {
        const p = prepare(r.snapshot, r.warnings, this.options.redact);
        // Unchanged content keeps the previous body (and its gzip) alive, not a copy.
        s.last = s.last?.etag === p.etag ? { ...s.last, at: p.at, warnings: p.warnings } : p;
        s.lastStarted = started;
        return s.last;
      })
      .finally(() => {
        delete s.inflight;
      });
    return s.inflight;
  }
}
