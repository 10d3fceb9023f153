import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { inputsQuery, sourceKeys } from '../../api/queries.ts';
import type { ParsedSource, ParseProgress, ShownWarning, SourceInput } from '../../api/types.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import { useImportStore } from './importStore.ts';
import type { ImportKind } from './sources.ts';

/** How the last import ended, when it needs saying. */
export type ImportOutcome =
  /**
   * Nothing usable was read: the current source stays, the problems are listed (none when
   * the inputs, `names`, simply held nothing nsviz reads).
   */
  | { type: 'failed'; problems: ShownWarning[]; names: string[] }
  /** Shown, but some of it could not be read. */
  | { type: 'partial'; problems: ShownWarning[] }
  /** The parse itself broke (not the input). */
  | { type: 'error'; message: string };

export interface ImportState {
  /** Set while parsing; `progress` is undefined until the first report. */
  busy: { progress: ParseProgress | undefined } | undefined;
  outcome: ImportOutcome | undefined;
  /** Resolves to how it ended: shown, shown with problems, not shown, or replaced by a newer one. */
  run: (kind: ImportKind, inputs: readonly SourceInput[]) => Promise<RunResult>;
}

export type RunResult = 'shown' | 'partial' | 'failed' | 'superseded';

let sequence = 0;

/**
 * Parses the user's inputs (in the worker, through react-query) and, when anything was read,
 * makes them the current source (`#src=paste` / `#src=files`). A newer import cancels an older
 * one still running.
 */
export function useImport(): ImportState {
  const client = useQueryClient();
  const patch = usePatchHash();
  const setCurrent = useImportStore((s) => s.setCurrent);
  const [busy, setBusy] = useState<ImportState['busy']>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const running = useRef<string | undefined>(undefined);

  const run = useCallback(
    async (kind: ImportKind, inputs: readonly SourceInput[]): Promise<RunResult> => {
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
        if (running.current !== id) return 'superseded';
        running.current = undefined;
        setBusy(undefined);
        setOutcome({
          type: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
        return 'failed';
      }
      if (running.current !== id) return 'superseded';
      running.current = undefined;
      setBusy(undefined);
      const errors = result.warnings.filter((w) => w.level === 'error');
      if (isEmpty(result)) {
        client.removeQueries({ queryKey: sourceKeys.inputs(id) });
        setOutcome({ type: 'failed', problems: errors, names: result.names });
        return 'failed';
      }
      setOutcome(errors.length > 0 ? { type: 'partial', problems: errors } : undefined);
      setCurrent({ id, kind, inputs });
      // A new source: what was selected or searched in the previous one no longer applies.
      patch({
        src: kind,
        select: undefined,
        compare: undefined,
        q: undefined,
        focus: undefined,
        collapsed: undefined,
      });
      return errors.length > 0 ? 'partial' : 'shown';
    },
    [client, setCurrent, patch],
  );
  return { busy, outcome, run };
}

/** True when nothing at all was read: no namespace, process, container or pod. */
export function isEmpty({ snapshot: s }: ParsedSource): boolean {
  return (
    s.namespaces.length === 0 &&
    s.processes.length === 0 &&
    s.containers.length === 0 &&
    s.pods.length === 0
  );
}
