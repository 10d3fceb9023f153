import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { authHeaders } from '../../api/agentToken.ts';
import { openEventStream } from '../../api/eventStream.ts';
import { agentKeys, apiUrl } from '../../api/liveSources.ts';
import {
  liveSnapshotQuery,
  nextLive,
  parseLive,
  type LiveSnapshot,
} from '../../api/liveSnapshot.ts';
import type { Trouble } from './status.ts';

/** Poll interval while the event stream is down (the agent's own default scan interval). */
export const POLL_MS = 2000;
/** First wait before the event stream is tried again after it failed; doubles to a minute. */
const STREAM_RETRY_MS = 2000;

export type Stream = 'connecting' | 'open' | 'down';

export interface Feed {
  stream: Stream;
  /** Set while the agent does not answer; cleared by the next answer. */
  trouble: Trouble | undefined;
  sourceError: string | undefined;
  hasData: boolean;
  /** When the agent last confirmed the shown snapshot. */
  confirmedAt: number | undefined;
  /** When the shown snapshot arrived. */
  receivedAt: number | undefined;
  retryNow: () => void;
}

/**
 * Keeps the query cache entry of live source `id` current: follows `/api/events` (SSE) and
 * writes each `snapshot` event into the cache (parsed in the worker, diffed against what is
 * shown); when the stream fails, polls `/api/snapshot` with the ETag, retrying with exponential
 * backoff while the agent is away, and opens the stream again once the agent answers. Nothing
 * here ever drops the last good snapshot. Mount it once per shown live source.
 */
export function useLiveFeed(id: string): Feed {
  const client = useQueryClient();
  const [stream, setStream] = useState<Stream>('connecting');
  const [attempt, setAttempt] = useState(0);
  const [trouble, setTrouble] = useState<Trouble>();
  const [sourceError, setSourceError] = useState<string>();
  const downAt = useRef(0);
  const streamWait = useRef(STREAM_RETRY_MS);

  const onRetry = useCallback((failures: number, waitMs: number, error: unknown) => {
    const now = Date.now();
    setTrouble((t) => ({ since: t?.since ?? now, failures, nextAt: now + waitMs, error }));
  }, []);
  const query = useQuery({
    ...liveSnapshotQuery(id, { pollMs: stream === 'down' ? POLL_MS : false, onRetry }),
    enabled: stream === 'down',
  });
  const { dataUpdatedAt } = query;

  // Any answer from the agent (new data or a 304) ends the trouble.
  useEffect(() => {
    if (dataUpdatedAt > 0) setTrouble(undefined);
  }, [dataUpdatedAt]);

  // The event stream. Each snapshot is parsed in order; a newer one waiting replaces an older.
  useEffect(() => {
    if (typeof ReadableStream === 'undefined' || typeof TextDecoderStream === 'undefined') {
      setStream('down');
      return;
    }
    const key = agentKeys.snapshot(id);
    const abort = new AbortController();
    let waiting: { text: string; etag: string | undefined } | undefined;
    let busy = false;
    const pump = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      while (waiting && !abort.signal.aborted) {
        const { text, etag } = waiting;
        waiting = undefined;
        const shown = client.getQueryData<LiveSnapshot>(key);
        if (shown && etag !== undefined && shown.etag === etag) {
          client.setQueryData<LiveSnapshot>(key, { ...shown, confirmedAt: Date.now() });
          continue;
        }
        try {
          const data = await parseLive(id, text, abort.signal);
          if (abort.signal.aborted) break;
          client.setQueryData<LiveSnapshot>(key, (prev) => nextLive(prev, data, etag, Date.now()));
          setSourceError(undefined);
          setTrouble(undefined);
        } catch (e) {
          if (!abort.signal.aborted) setSourceError(e instanceof Error ? e.message : String(e));
        }
      }
      busy = false;
    };
    // fetch, not EventSource: an agent started with `--token` wants the header on this too.
    // On any failure, polling takes over (it backs off and says so) and reopens the stream.
    const close = openEventStream(apiUrl('events', { source: id }), authHeaders(), {
      onOpen() {
        streamWait.current = STREAM_RETRY_MS;
        setStream('open');
      },
      onEvent(e) {
        if (e.type === 'snapshot') {
          waiting = { text: e.data, etag: e.lastEventId || undefined };
          void pump();
        } else if (e.type === 'source-error') setSourceError(readError(e.data));
      },
      onError() {
        if (abort.signal.aborted) return;
        downAt.current = Date.now();
        setStream('down');
      },
    });
    return () => {
      abort.abort();
      close();
    };
  }, [client, id, attempt]);

  // The stream is down but polls get answers again: try the stream again, less often each time
  // it fails (a proxy that buffers SSE keeps the app polling, and that works too).
  const answered = stream === 'down' && !trouble && dataUpdatedAt > downAt.current;
  useEffect(() => {
    if (!answered) return;
    const timer = setTimeout(() => {
      setStream('connecting');
      setAttempt((n) => n + 1);
    }, streamWait.current);
    streamWait.current = Math.min(60_000, streamWait.current * 2);
    return () => clearTimeout(timer);
  }, [answered]);

  const { refetch } = query;
  const retryNow = useCallback(() => {
    if (stream === 'down') void refetch({ cancelRefetch: true });
    else setAttempt((n) => n + 1);
  }, [refetch, stream]);

  const data = query.data;
  return {
    stream,
    trouble,
    sourceError,
    hasData: data !== undefined,
    confirmedAt: data?.confirmedAt,
    receivedAt: data?.shown.receivedAt,
    retryNow,
  };
}

function readError(data: string): string {
  try {
    const v = JSON.parse(data) as { error?: unknown };
    return typeof v.error === 'string' ? v.error : data;
  } catch {
    return data;
  }
}
