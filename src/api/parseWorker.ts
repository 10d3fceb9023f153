import type { ParsedSource, ParseProgress, SourceInput } from './types.ts';

export type { ParsedSource, ParseProgress, SourceInput } from './types.ts';

/** What the page sends the parse worker. */
export interface ParseRequest {
  inputs: SourceInput[];
}

/** What the parse worker sends back. */
export type WorkerMessage =
  | { type: 'progress'; progress: ParseProgress }
  | { type: 'result'; result: ParsedSource }
  | { type: 'error'; message: string };

export interface ParseInWorkerOptions {
  /** Aborting terminates the worker (a newer import replaces this one). */
  signal?: AbortSignal;
  /** Run on the main thread even when workers exist (tests). */
  mainThread?: boolean;
}

/**
 * Parses and classifies inputs in a module Web Worker, so a 50 MB capture never blocks the page;
 * progress arrives through `onProgress`. Files are handed to the worker as Blobs and read there.
 * Falls back to the main thread where there is no Worker (unit tests, old browsers) or the
 * worker cannot start (the single-file build opened from `file://`).
 *
 * `await parseInWorker([{ name: 'paste', text }], (p) => console.log(p.phase))`
 * logs reading/parsing/classifying/done and resolves to `{ snapshot, summary, warnings, … }`.
 */
export function parseInWorker(
  inputs: readonly SourceInput[],
  onProgress: (p: ParseProgress) => void = () => {},
  options: ParseInWorkerOptions = {},
): Promise<ParsedSource> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (options.mainThread || typeof Worker === 'undefined') {
    return parseOnMainThread(inputs, onProgress, signal);
  }
  const worker = takeWorker();
  if (!worker) return parseOnMainThread(inputs, onProgress, signal);
  return new Promise<ParsedSource>((resolve, reject) => {
    let heard = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message.progress);
        return;
      }
      finish();
      if (message.type === 'result') resolve(message.result);
      else reject(new Error(`Parsing failed: ${message.message}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // A worker that never answered could not start: parse here instead.
      if (!heard) parseOnMainThread(inputs, onProgress, signal).then(resolve, reject);
      else reject(new Error(`Parsing failed: ${event.message || 'the parse worker stopped'}`));
    };
    const request: ParseRequest = { inputs: [...inputs] };
    worker.postMessage(request);
  });
}

let spare: Worker | undefined;

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./parse.worker.ts', import.meta.url), {
      type: 'module',
      name: 'nsviz-parse',
    });
  } catch {
    return undefined;
  }
}

/** The pre-started worker if there is one, else a new one (undefined when none can start). */
function takeWorker(): Worker | undefined {
  const w = spare ?? startWorker();
  spare = undefined;
  return w;
}

/**
 * Starts a worker before anything needs it, so loading its code overlaps with fetching the
 * first capture: on page load the two would otherwise run one after the other. Each parse
 * ends its worker (freeing a large capture's memory), so only the first parse gets a warm one.
 */
export function prewarmParseWorker(): void {
  if (spare === undefined && typeof Worker !== 'undefined') spare = startWorker();
}

async function parseOnMainThread(
  inputs: readonly SourceInput[],
  onProgress: (p: ParseProgress) => void,
  signal: AbortSignal | undefined,
): Promise<ParsedSource> {
  // Loaded on demand, so the parser is not in the entry chunk.
  const { runParse } = await import('./parseCore.ts');
  const result = await runParse(inputs, onProgress);
  if (signal?.aborted) throw abortError(signal);
  return result;
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The parse was cancelled', 'AbortError');
}
