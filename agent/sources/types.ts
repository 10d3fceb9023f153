/**
 * The source abstraction of the agent: anything that can produce a snapshot on request. The
 * server offers every source under `/api/sources` and reads one per `/api/snapshot` (and per
 * SSE poll). Implemented by the bundled fixtures, this machine (live), exec sources (a recorder
 * run through a command prefix) and the multi-node hub. Keep this interface stable: other
 * sources are written against it.
 */
import type { Snapshot } from '../../src/protocol/snapshot.ts';

export interface SourceInfo {
  id: string;
  title: string;
  kind: 'fixture' | 'live' | 'exec' | 'hub';
}

export interface SourceResult {
  snapshot: Snapshot;
  /** non-fatal problems, e.g. vanished processes */
  warnings: string[];
}

export interface Source extends SourceInfo {
  read(signal: AbortSignal): Promise<SourceResult>;
  /**
   * Optional: calls `onChange` when a read would probably differ from the last one (the live
   * source: a namespace appeared or vanished), so an event stream can read before its next
   * interval. A hint only; streams still read every interval. Returns the unsubscribe.
   */
  watch?(onChange: () => void): () => void;
}
