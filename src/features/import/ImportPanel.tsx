import { useCallback, useRef, type FormEvent } from 'react';
import { inputsFromDrop, inputsFromFileList } from './collectFiles.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { ParseProgressBar } from './ParseProgressBar.tsx';
import { useFileDrop } from './useFileDrop.ts';
import { useImport } from './useImport.ts';
import './import.css';

/** Sets the non-standard folder-picker attribute, which React's typings do not know. */
const folderPicker = (el: HTMLInputElement | null) => el?.setAttribute('webkitdirectory', '');

/**
 * Getting one's own data in (contract §5): files, a folder, a drop anywhere on the page, or a
 * pasted transcript. The textarea is uncontrolled, so typing into a large paste never
 * re-renders or parses anything; parsing starts on submit. Its text stays after a failure.
 */
export function ImportPanel() {
  const { busy, outcome, run } = useImport();
  const paste = useRef<HTMLTextAreaElement>(null);

  const onDrop = useCallback(
    (dt: DataTransfer) => {
      inputsFromDrop(dt).then(
        (inputs) => (inputs.length > 0 ? run('files', inputs) : undefined),
        () => run('files', inputsFromFileList(dt.files)),
      );
    },
    [run],
  );
  const dragging = useFileDrop(onDrop);

  const onFiles = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const inputs = input.files ? inputsFromFileList(input.files) : [];
    // Cleared so choosing the same files again still fires a change.
    input.value = '';
    if (inputs.length > 0) void run('files', inputs);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = paste.current?.value ?? '';
    if (text.trim() !== '') void run('paste', [{ name: 'paste', text }]);
  };

  return (
    <section className="import" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">Open your own capture</h2>
      <div className="import-sources">
        <div className="import-files">
          <label className="button">
            Choose files…
            <input type="file" multiple data-testid="import-file" onChange={onFiles} />
          </label>
          <label className="button">
            Choose a folder…
            <input type="file" ref={folderPicker} data-testid="import-folder" onChange={onFiles} />
          </label>
          <p className="muted">or drop files or a folder anywhere on this page.</p>
        </div>
        <form className="import-paste" onSubmit={onSubmit}>
          <label htmlFor="import-paste">Paste a terminal transcript or command output</label>
          <textarea
            id="import-paste"
            ref={paste}
            data-testid="import-paste"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            placeholder={
              'root@node:~# lsns -p 2814\n        NS TYPE   NPROCS   PID USER  COMMAND\n…'
            }
          />
          <button type="submit" data-testid="import-submit" disabled={busy !== undefined}>
            Show pasted text
          </button>
        </form>
      </div>
      {busy && <ParseProgressBar progress={busy.progress} />}
      {outcome && <ImportProblems outcome={outcome} />}
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <p>Drop files or a folder to open them</p>
        </div>
      )}
    </section>
  );
}
