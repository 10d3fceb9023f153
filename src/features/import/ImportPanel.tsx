import { useRef, type FormEvent } from 'react';
import type { SourceInput } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import { inputsFromFileList } from './collectFiles.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { importText } from './messages.ts';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import type { ImportKind } from './sources.ts';
import type { ImportState } from './useImport.ts';

/** Sets the non-standard folder-picker attribute, which React's typings do not know. */
const folderPicker = (el: HTMLInputElement | null) => el?.setAttribute('webkitdirectory', '');

interface Props extends Pick<ImportState, 'busy' | 'outcome'> {
  /** Whether the progress shows here (the dialog is open) rather than in the corner. */
  showProgress: boolean;
  onInputs: (kind: ImportKind, inputs: readonly SourceInput[]) => void;
  /** Closes the dialog (offered after a partial import, whose drawing is behind it). */
  onDone: () => void;
}

/**
 * The import dialog's content (contract §5): files, a folder, or a pasted transcript. The
 * textarea is uncontrolled, so typing into a large paste never re-renders or parses anything;
 * parsing starts on submit. Its text stays after a failure, and while the dialog is closed.
 */
export function ImportPanel({ busy, outcome, showProgress, onInputs, onDone }: Props) {
  const t = useMessages(importText);
  const paste = useRef<HTMLTextAreaElement>(null);

  const onFiles = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const inputs = input.files ? inputsFromFileList(input.files) : [];
    // Cleared so choosing the same files again still fires a change.
    input.value = '';
    if (inputs.length > 0) onInputs('files', inputs);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = paste.current?.value ?? '';
    if (text.trim() !== '') onInputs('paste', [{ name: 'paste', text }]);
  };

  return (
    <div className="import" data-testid="import-panel">
      <p className="muted import-what">{t.whatToPaste}</p>
      <div className="import-files">
        <label className="button">
          {t.chooseFiles}
          <input type="file" multiple data-testid="import-file" onChange={onFiles} />
        </label>
        <label className="button">
          {t.chooseFolder}
          <input type="file" ref={folderPicker} data-testid="import-folder" onChange={onFiles} />
        </label>
        <span className="muted">{t.dropHint}</span>
      </div>
      <form className="import-paste" onSubmit={onSubmit}>
        <label htmlFor="import-paste">{t.pasteLabel}</label>
        <textarea
          id="import-paste"
          ref={paste}
          data-testid="import-paste"
          data-autofocus=""
          rows={8}
          spellCheck={false}
          autoComplete="off"
          placeholder={
            'root@node:~# lsns -p 2814\n        NS TYPE   NPROCS   PID USER  COMMAND\n4026532264 net         6  2814 65535 /pause\n…'
          }
        />
        <div className="import-actions">
          <button
            type="submit"
            className="primary"
            data-testid="import-submit"
            disabled={busy !== undefined}
          >
            {t.submit}
          </button>
          {busy && showProgress && <ParseProgressBar progress={busy.progress} />}
        </div>
      </form>
      {outcome && <ImportProblems outcome={outcome} />}
      {outcome?.type === 'partial' && (
        <button type="button" className="secondary" onClick={onDone}>
          {t.seeDrawing}
        </button>
      )}
    </div>
  );
}
