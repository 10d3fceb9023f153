import { useState } from 'react';
import { hashTextWriter, type HashTextWriter } from './hashText.ts';
import { useHashParam } from './useHashParam.ts';
import { patchHash } from './useViewState.ts';

const io = { hash: () => window.location.hash, write: patchHash };

export interface HashText extends HashTextWriter {
  /** What the field shows. */
  text: string;
}

/**
 * A text field kept in one hash key (`filter=`), with one history entry per edit (see
 * `hashTextWriter`). The field shows its own draft, so typing never waits for the hash; when
 * the hash changes to something else than the draft (Back, Forward, a link) the draft follows.
 * `onExternal` runs then too, e.g. to go back to the first page of results.
 */
export function useHashText(key: string, onExternal?: () => void): HashText {
  const [param] = useHashParam(key);
  const value = param ?? '';
  const [writer] = useState(() => hashTextWriter(key, io));
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // React's "adjust state when a prop changes": typing writes the hash, so after our own writes
  // the hash equals the draft; a hash that differs was changed by someone else.
  if (value !== seen) {
    setSeen(value);
    if (value !== text) {
      setText(value);
      onExternal?.();
    }
  }
  return {
    text,
    change: (next: string) => {
      setText(next);
      writer.change(next);
    },
    commit: writer.commit,
  };
}
