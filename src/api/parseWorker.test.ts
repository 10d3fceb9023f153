import { afterEach, describe, expect, it, vi } from 'vitest';
import { lineAt } from './parseCore.ts';
import { parseInWorker, type WorkerMessage } from './parseWorker.ts';
import type { ParseProgress } from './types.ts';

const LSNS = `root@k8s:~# lsns -p 2814
        NS TYPE   NPROCS   PID USER  COMMAND
4026531834 time      196     1 root  /sbin/init
4026532264 net         6  2814 65535 /pause
`;

afterEach(() => vi.unstubAllGlobals());

describe('parseInWorker without Worker (main-thread fallback)', () => {
  it('parses, classifies and reports reading → parsing i of n → classifying → done', async () => {
    expect(typeof Worker).toBe('undefined');
    const seen: ParseProgress[] = [];
    const result = await parseInWorker(
      [
        { name: 'a.txt', text: LSNS },
        { name: 'b.txt', file: new Blob([LSNS.replace(/2814/g, '2903')]) },
      ],
      (p) => seen.push(p),
    );
    expect(seen.map((p) => p.phase)).toEqual([
      'reading',
      'parsing',
      'parsing',
      'classifying',
      'done',
    ]);
    expect(seen[0]).toEqual({ phase: 'reading', index: 2, total: 2, name: 'b.txt' });
    expect(seen[2]).toEqual({ phase: 'parsing', index: 2, total: 2, name: 'b.txt' });
    expect(result.names).toEqual(['a.txt', 'b.txt']);
    expect(result.snapshot.processes.map((p) => p.pid).sort()).toEqual([1, 2814, 2903]);
    expect(result.summary).toBeDefined();
  });

  it('never rejects for bad input: an error names the source and line, with its text', async () => {
    const result = await parseInWorker([{ name: 'paste', text: '<b>not a capture</b>\n' }]);
    const error = result.warnings.find((w) => w.level === 'error');
    expect(error).toMatchObject({ source: 'paste', line: 1, excerpt: '<b>not a capture</b>' });
  });

  it('rejects at once when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      parseInWorker([{ name: 'a', text: LSNS }], undefined, { signal: controller.signal }),
    ).rejects.toBeDefined();
  });
});

interface FakeWorker {
  terminated: boolean;
  send(data: WorkerMessage): void;
  fail(message: string): void;
}

/** A stand-in Worker: `behave` decides what it answers to the request. */
function stubWorker(behave: (w: FakeWorker) => void) {
  const made: FakeWorker[] = [];
  class Fake implements FakeWorker {
    onmessage: ((e: { data: WorkerMessage }) => void) | null = null;
    onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage() {
      queueMicrotask(() => behave(this));
    }
    terminate() {
      this.terminated = true;
    }
    send(data: WorkerMessage) {
      this.onmessage?.({ data });
    }
    fail(message: string) {
      this.onerror?.({ message, preventDefault() {} });
    }
  }
  vi.stubGlobal('Worker', Fake);
  return made;
}

describe('parseInWorker with a Worker', () => {
  it('relays progress and resolves with the result, then terminates the worker', async () => {
    const workers = stubWorker((w) => {
      w.send({ type: 'progress', progress: { phase: 'classifying' } });
      w.send({
        type: 'result',
        result: { names: ['x'], size: 1, warnings: [] } as never,
      });
    });
    const seen: string[] = [];
    const result = await parseInWorker([{ name: 'x', text: 'x' }], (p) => seen.push(p.phase));
    expect(seen).toEqual(['classifying']);
    expect(result.names).toEqual(['x']);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    stubWorker((w) => w.fail('could not load the worker script'));
    const result = await parseInWorker([{ name: 'a.txt', text: LSNS }]);
    expect(result.snapshot.namespaces).toHaveLength(2);
  });

  it('rejects when the worker dies after it started', async () => {
    stubWorker((w) => {
      w.send({ type: 'progress', progress: { phase: 'done' } });
      w.fail('out of memory');
    });
    await expect(parseInWorker([{ name: 'a', text: LSNS }])).rejects.toThrow(/out of memory/);
  });

  it('terminates the worker when aborted', async () => {
    const workers = stubWorker(() => {});
    const controller = new AbortController();
    const promise = parseInWorker([{ name: 'a', text: LSNS }], undefined, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(promise).rejects.toBeDefined();
    expect(workers[0]?.terminated).toBe(true);
  });
});

describe('lineAt', () => {
  it('returns a 1-based line without its line ending', () => {
    expect(lineAt('a\nb\r\nc', 2)).toBe('b');
    expect(lineAt('a\nb\r\nc', 3)).toBe('c');
    expect(lineAt('a\n', 3)).toBeUndefined();
  });
});
