import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { inputsQuery, sourceKeys } from '../../api/queries.ts';
import type { ParsedSource, ParseProgress, ShownWarning, SourceInput } from '../../api/types.ts';
import { useHashParam } from '../../state/useHashParam.ts';
import { useImportStore } from './importStore.ts';
import type { ImportKind } from './sources.ts';

/** How the last import ended, when it needs saying. */
export type ImportOutcome =
  /** Nothing usable was read: the current source stays, the problems are listed. */
  | { type: 'failed'; problems: ShownWarning[] }
  /** Shown, but some of it could not be read. */
  | { type: 'partial'; problems: ShownWarning[] }
  /** The parse itself broke (not the input). */
  | { type: 'error'; message: string };

export interface ImportState {
  /** Set while parsing; `progress` is undefined until the first report. */
  busy: { progress: ParseProgress | undefined } | undefined;
  outcome: ImportOutcome | undefined;
  run: (kind: ImportKind, inputs: readonly SourceInput[]) => Promise<void>;
}

let sequence = 0;

/**
 * Parses the user's inputs (in the worker, through react-query) and, when anything was read,
 * makes them the current source (`#src=paste` / `#src=files`). A newer import cancels an older
 * one still running.
 */
export function useImport(): ImportState {
  const client = useQueryClient();
  const [, setSrc] = useHashParam('src');
  const setCurrent = useImportStore((s) => s.setCurrent);
  const [busy, setBusy] = useState<ImportState['busy']>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const running = useRef<string | undefined>(undefined);

  const run = useCallback(
    async (kind: ImportKind, inputs: readonly SourceInput[]) => {
      if (running.current)
        void client.cancelQueries({ queryKey: sourceKeys.inputs(running.current) });
      const id = `${kind}-${++sequence}`;
      running.current = id;
      setOutcome(undefined);
      setBusy({ progress: undefined });
      const onProgress = (progress: ParseProgress) => {
        if (running.current === id) setBusy({ progress });
      };
      let result: ParsedSource;
      try {
        result = await client.fetchQuery(inputsQuery(id, inputs, onProgress));
      } catch (error) {
        if (running.current !== id) return;
        running.current = undefined;
        setBusy(undefined);
        setOutcome({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      if (running.current !== id) return;
      running.current = undefined;
      setBusy(undefined);
      const errors = result.warnings.filter((w) => w.level === 'error');
      if (isEmpty(result)) {
        client.removeQueries({ queryKey: sourceKeys.inputs(id) });
        setOutcome({
          type: 'failed',
          problems:
            errors.length > 0
              ? errors
              : [
                  {
                    source: result.names.join(', '),
                    level: 'error',
                    message: 'nothing nsviz reads was found',
                  },
                ],
        });
        return;
      }
      setOutcome(errors.length > 0 ? { type: 'partial', problems: errors } : undefined);
      setCurrent({ id, kind, inputs });
      setSrc(kind);
    },
    [client, setCurrent, setSrc],
  );
  return { busy, outcome, run };
}

function isEmpty({ snapshot: s }: ParsedSource): boolean {
  return (
    s.namespaces.length === 0 &&
    s.processes.length === 0 &&
    s.containers.length === 0 &&
    s.pods.length === 0
  );
}
