/**
 * `GET /api/events?source=ID`: Server-Sent Events. A new client gets the current snapshot at
 * once (unless its `Last-Event-ID` is that snapshot's ETag), then one `snapshot` event each
 * time the content changes. One poll loop per source runs while it has subscribers, reading
 * through the shared store (so SSE and `/api/snapshot` share scans); each event is serialized
 * once for all its clients. A source that can tell when it has probably changed (`watch`: the
 * live source, when a namespace appears or vanishes) is read at once instead of at the next
 * interval (a quarter interval after the last read at least, as between any two reads). Comment
 * lines keep idle connections open; a client that stops reading is dropped rather than
 * buffered without bound.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Source } from '../sources/types.ts';
import type { SnapshotStore } from './snapshots.ts';

export interface EventOptions {
  intervalMs: number;
  /** Comment line interval; default 15 s. */
  heartbeatMs?: number;
  /** Queued bytes after which a client is dropped; default 16 MB. */
  maxBufferedBytes?: number;
  /** Subscribers across all sources; default 1000. */
  maxClients?: number;
}

interface Feed {
  /** Each client with the ETag of the last snapshot it was sent. */
  clients: Map<ServerResponse, string | undefined>;
  timer?: NodeJS.Timeout | undefined;
  /** When the timer fires (ms since the epoch). */
  due?: number | undefined;
  running: boolean;
  /** A read is under way. */
  busy?: boolean;
  /** When the last read ended. */
  lastEnd?: number;
  /** When the source said it changed, until a read started after that is sent. */
  changedAt?: number | undefined;
  unwatch?: (() => void) | undefined;
}

export class EventHub {
  private readonly feeds = new Map<string, Feed>();
  private readonly heartbeat: NodeJS.Timeout;
  private count = 0;
  private closed = false;

  constructor(
    private readonly store: SnapshotStore,
    private readonly options: EventOptions,
  ) {
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs ?? 15000);
    this.heartbeat.unref();
  }

  get clients(): number {
    return this.count;
  }

  /** Whether another subscriber is accepted. */
  full(): boolean {
    return this.count >= (this.options.maxClients ?? 1000);
  }

  /** Takes over `res` as an event stream of `source`. */
  subscribe(
    req: IncomingMessage,
    res: ServerResponse,
    source: Source,
    headers: Record<string, string>,
  ): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      ...headers,
    });
    res.write(`retry: ${Math.max(1000, this.options.intervalMs)}\n\n`);
    let feed = this.feeds.get(source.id);
    if (!feed) this.feeds.set(source.id, (feed = { clients: new Map(), running: false }));
    const f = feed;
    const raw = req.headers['last-event-id'];
    const lastId = typeof raw === 'string' ? raw : undefined;
    f.clients.set(res, lastId);
    this.count++;
    const drop = (): void => {
      if (!f.clients.delete(res)) return;
      this.count--;
      if (f.clients.size === 0) this.stop(source.id, f);
    };
    res.on('close', drop);
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    // The current state right away: a viewer should not wait one interval for its first picture.
    this.store.get(source).then(
      (p) => {
        if (!f.clients.has(res) || f.clients.get(res) === p.etag) return;
        f.clients.set(res, p.etag);
        this.send(res, snapshotEvent(p.etag, p.body));
      },
      (e: unknown) => this.send(res, problemEvent(e)),
    );
    if (!f.running) this.start(source, f);
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const [id, f] of this.feeds) {
      for (const res of f.clients.keys()) res.end();
      this.stop(id, f);
    }
  }

  private start(source: Source, f: Feed): void {
    f.running = true;
    const { intervalMs } = this.options;
    const tick = async (): Promise<void> => {
      f.timer = undefined;
      f.due = undefined;
      if (!f.running || this.closed) return;
      const started = Date.now();
      const notBefore = f.changedAt;
      f.changedAt = undefined;
      f.busy = true;
      try {
        const p = await this.store.get(source, notBefore);
        let message: string | undefined;
        for (const [res, sent] of f.clients) {
          if (sent === p.etag) continue;
          message ??= snapshotEvent(p.etag, p.body);
          f.clients.set(res, p.etag);
          this.send(res, message);
        }
      } catch (e) {
        const message = problemEvent(e);
        for (const res of f.clients.keys()) {
          this.send(res, message);
          // The client was told the source failed: the next good read is sent even when it
          // has the content the client saw last, so the client knows the failure is over.
          f.clients.set(res, undefined);
        }
      }
      f.busy = false;
      const ended = Date.now();
      f.lastEnd = ended;
      // Reads start every interval (a slow scan does not stretch it), with a pause of a
      // quarter interval at least, so a host slower than the interval is not scanned nonstop.
      // A read asked for by a change keeps that pause too: a host whose namespaces change all
      // the time is read as often as a host slower than the interval, no more.
      const wait =
        f.changedAt !== undefined
          ? intervalMs / 4
          : Math.max(intervalMs / 4, intervalMs - (ended - started));
      schedule(wait);
    };
    const schedule = (wait: number): void => {
      if (!f.running || this.closed) return;
      clearTimeout(f.timer);
      f.due = Date.now() + wait;
      f.timer = setTimeout(() => void tick(), wait);
    };
    // Told of a change: read as soon as the pause after the last read allows (a read under
    // way is followed by another one, which then starts after the change).
    const changed = (): void => {
      if (!f.running || this.closed) return;
      f.changedAt ??= Date.now();
      if (f.busy) return;
      const at = Math.max(Date.now(), (f.lastEnd ?? 0) + intervalMs / 4);
      if (f.due === undefined || at < f.due) schedule(at - Date.now());
    };
    f.unwatch = source.watch?.(changed);
    schedule(intervalMs);
  }

  private stop(id: string, f: Feed): void {
    f.running = false;
    f.unwatch?.();
    if (f.timer) clearTimeout(f.timer);
    this.feeds.delete(id);
  }

  private send(res: ServerResponse, text: string): void {
    if (res.writableEnded || res.destroyed) return;
    if (res.writableLength > (this.options.maxBufferedBytes ?? 16 * 1024 * 1024)) {
      res.destroy();
      return;
    }
    res.write(text);
  }

  private ping(): void {
    for (const f of this.feeds.values())
      for (const res of f.clients.keys()) this.send(res, ': ping\n\n');
  }
}

function snapshotEvent(etag: string, body: Buffer): string {
  return `id: ${etag}\nevent: snapshot\ndata: ${body.toString('utf8')}\n\n`;
}

/** A failed read as an event; the stream stays open and the next poll tries again. */
function problemEvent(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `event: source-error\ndata: ${JSON.stringify({ error: message })}\n\n`;
}
