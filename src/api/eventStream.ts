/** One Server-Sent Event (`event:`, `data:`, `id:`). */
export interface StreamEvent {
  type: string;
  data: string;
  /** The last event id seen on the stream (it carries over, as in EventSource). */
  lastEventId: string;
}

/**
 * A `text/event-stream` parser fed text as it arrives, in chunks that may split lines (and a
 * CRLF) anywhere. The WHATWG rules EventSource follows: lines end in CRLF, LF or CR; `:` starts
 * a comment; one optional space after the field's colon; `data` lines join with LF; an empty
 * line dispatches (nothing when there is no data); `id` without NUL persists.
 */
export function createEventParser(onEvent: (e: StreamEvent) => void): {
  push(chunk: string): void;
} {
  let buffer = '';
  let pendingCr = false;
  let type = '';
  let data: string[] = [];
  let lastEventId = '';

  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onEvent({ type: type || 'message', data: data.join('\n'), lastEventId });
      type = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\u0000')) lastEventId = value;
  };

  return {
    push(chunk) {
      let text = chunk;
      // A CR ended the previous chunk: an LF starting this one belongs to it.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(buffer.slice(start, i));
        if (c === 13) {
          if (i + 1 === buffer.length) pendingCr = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

export interface EventStreamHandlers {
  onOpen(): void;
  onEvent(e: StreamEvent): void;
  /** The stream could not open, or ended or failed after opening; `status` if it answered. */
  onError(error: unknown, status?: number): void;
}

/**
 * Follows an SSE endpoint with fetch rather than EventSource, which cannot send an
 * `Authorization` header (an agent started with `--token` requires one on every request).
 * No reconnecting of its own: the caller decides (polling with backoff, then the stream again).
 * Returns the function that closes it.
 */
export function openEventStream(
  url: string,
  headers: Record<string, string>,
  handlers: EventStreamHandlers,
): () => void {
  const abort = new AbortController();
  void (async () => {
    let status: number | undefined;
    try {
      const res = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...headers },
        cache: 'no-store',
        signal: abort.signal,
      });
      status = res.status;
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !res.body || !type.startsWith('text/event-stream'))
        throw new Error(`HTTP ${res.status} ${type}`);
      handlers.onOpen();
      const parser = createEventParser(handlers.onEvent);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      throw new Error('the event stream ended');
    } catch (e) {
      if (!abort.signal.aborted) handlers.onError(e, status);
    }
  })();
  return () => abort.abort();
}
