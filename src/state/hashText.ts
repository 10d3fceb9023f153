import type { HashPatch } from './viewState.ts';

/** How a text field reaches the hash: the live hash, and a writer (`patchHash`). */
export interface HashIo {
  hash: () => string;
  write: (patch: HashPatch, replace: boolean) => void;
}

export interface HashTextWriter {
  /** The field changed: write it to the hash. */
  change: (text: string) => void;
  /** The edit is over (the field lost focus, Enter): the next change starts a new entry. */
  commit: () => void;
}

/**
 * Writes a text field to one hash key with one history entry per *edit*, not per keystroke:
 * the first change of an edit pushes an entry, the changes after it replace that entry, and
 * `commit` (blur, Enter) ends the edit. So Back after typing "nginx" returns to the text before
 * it in one step, while the URL is current at every keystroke (a reload or a copied link keeps
 * what is typed). A debounce would do the same with a timer, but then where an entry ends would
 * depend on typing speed; ending it where the user ends the edit is what Back is expected to undo.
 *
 * An edit also ends when the hash moved under it (Back, Forward, a link): the next keystroke
 * then pushes, rather than overwriting the entry the user went back to.
 *
 * `change('n'); change('ng'); commit(); change('x')` → push `n`, replace `ng`, push `x`.
 */
export function hashTextWriter(key: string, io: HashIo): HashTextWriter {
  // The hash as this writer left it while an edit goes on; undefined between edits.
  let left: string | undefined;
  return {
    change(text) {
      const replace = left !== undefined && io.hash() === left;
      io.write({ [key]: text }, replace);
      left = io.hash();
    },
    commit() {
      left = undefined;
    },
  };
}
