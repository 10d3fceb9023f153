import { runParse } from './parseCore.ts';
import type { ParseRequest, WorkerMessage } from './parseWorker.ts';

/**
 * The parse worker: answers a request with progress messages, then a result or an error.
 * The app's types use the DOM lib, so the worker scope is typed here by what it uses.
 */
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
};

scope.onmessage = (event) => {
  runParse(event.data.inputs, (progress) => scope.postMessage({ type: 'progress', progress })).then(
    (result) => scope.postMessage({ type: 'result', result }),
    (error: unknown) =>
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
