import { useCallback } from 'react';
import type { SourceInput } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { useMessages } from '../../i18n/index.ts';
import { inputsFromDrop, inputsFromFileList } from './collectFiles.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { useImportStore } from './importStore.ts';
import { importText } from './messages.ts';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import type { ImportKind } from './sources.ts';
import { useFileDrop } from './useFileDrop.ts';
import { useImport } from './useImport.ts';
import './import.css';

/**
 * Getting one's own data in: the "Open capture" dialog, and files dropped anywhere on the page
 * (open or not). A successful import closes the dialog and the drawing shows; problems open it
 * (with the failing lines). While a dropped capture parses with the dialog closed, a small
 * progress note shows in a corner.
 */
export function ImportController() {
  const t = useMessages(importText);
  const open = useImportStore((s) => s.dialogOpen);
  const setOpen = useImportStore((s) => s.setDialogOpen);
  const { busy, outcome, run } = useImport();

  const start = useCallback(
    (kind: ImportKind, inputs: readonly SourceInput[]) => {
      void run(kind, inputs).then((result) => {
        if (result === 'shown') setOpen(false);
        else if (result !== 'superseded') setOpen(true);
      });
    },
    [run, setOpen],
  );

  const onDrop = useCallback(
    (dt: DataTransfer) => {
      inputsFromDrop(dt).then(
        (inputs) => (inputs.length > 0 ? start('files', inputs) : undefined),
        () => start('files', inputsFromFileList(dt.files)),
      );
    },
    [start],
  );
  const dragging = useFileDrop(onDrop);
  // Over an open modal dialog only what is inside it shows (the top layer): the overlay goes
  // where it can be seen.
  const overlay = dragging && (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <p>{t.dropOverlay}</p>
    </div>
  );

  return (
    <>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t.title}
        closeLabel={t.close}
        className="import-dialog"
      >
        <ImportPanel
          busy={busy}
          outcome={outcome}
          onInputs={start}
          showProgress={open}
          onDone={() => setOpen(false)}
        />
        {open && overlay}
      </Dialog>
      {busy && !open && (
        <div className="import-toast">
          <ParseProgressBar progress={busy.progress} />
        </div>
      )}
      {!open && overlay}
    </>
  );
}
