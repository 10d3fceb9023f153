/** What the live badge says (contract §5 `[data-testid=live-status]` `data-state`). */
export type LiveState = 'live' | 'stale' | 'offline';

/** After this long without an answer a stale source is called offline. */
export const OFFLINE_AFTER_MS = 30_000;

export interface Trouble {
  /** When the first failure of this run of failures happened (ms since the epoch). */
  since: number;
  /** Failures in a row. */
  failures: number;
  /** When the next attempt is due. */
  nextAt: number | undefined;
  error: unknown;
}

export interface StatusInput {
  hasData: boolean;
  trouble: Trouble | undefined;
  /** The agent answers but reading the source failed (an SSE `source-error`). */
  sourceError: string | undefined;
  now: number;
}

/**
 * `live` while the agent answers and the source reads; `stale` when it stopped (the last good
 * snapshot stays shown); `offline` when that has lasted `OFFLINE_AFTER_MS`, or before any
 * snapshot arrived. `liveState({ hasData: true, trouble: { since: 0, … }, now: 5000 })` → `stale`.
 */
export function liveState({ hasData, trouble, sourceError, now }: StatusInput): LiveState {
  if (!hasData) return 'offline';
  if (trouble) return now - trouble.since >= OFFLINE_AFTER_MS ? 'offline' : 'stale';
  return sourceError === undefined ? 'live' : 'stale';
}
