import { describe, expect, it } from 'vitest';
import { withHashParam } from './hash.ts';
import { hashTextWriter, type HashIo } from './hashText.ts';

/** A browser history of hashes: push drops the forward entries, as the browser does. */
function fakeHistory(start = '#src=myweb2&view=table') {
  const entries = [start];
  let at = 0;
  const io: HashIo = {
    hash: () => entries[at]!,
    write: (patch, replace) => {
      let next = entries[at]!;
      for (const [key, value] of Object.entries(patch))
        next = withHashParam(
          next,
          key,
          typeof value === 'string' && value !== '' ? value : undefined,
        );
      if (next === entries[at]) return;
      if (replace) entries[at] = next;
      else {
        entries.splice(at + 1, entries.length, next);
        at++;
      }
    },
  };
  return {
    io,
    entries,
    back: () => (at = Math.max(0, at - 1)),
    forward: () => (at = Math.min(entries.length - 1, at + 1)),
  };
}

describe('hashTextWriter', () => {
  it('makes one history entry per edit, not per keystroke', () => {
    const h = fakeHistory();
    const w = hashTextWriter('filter', h.io);
    for (const text of ['n', 'ng', 'ngi', 'nginx']) w.change(text);
    expect(h.entries).toEqual(['#src=myweb2&view=table', '#src=myweb2&view=table&filter=nginx']);
    w.commit();
    w.change('1');
    w.change('10.244');
    expect(h.entries).toEqual([
      '#src=myweb2&view=table',
      '#src=myweb2&view=table&filter=nginx',
      '#src=myweb2&view=table&filter=10.244',
    ]);
    h.back();
    expect(h.io.hash()).toBe('#src=myweb2&view=table&filter=nginx');
    h.back();
    expect(h.io.hash()).toBe('#src=myweb2&view=table');
  });

  it('clearing the field removes the key', () => {
    const h = fakeHistory('#src=a&filter=x');
    const w = hashTextWriter('filter', h.io);
    w.change('');
    expect(h.entries).toEqual(['#src=a&filter=x', '#src=a']);
  });

  it('after Back, typing pushes instead of overwriting the entry gone back to', () => {
    const h = fakeHistory();
    const w = hashTextWriter('filter', h.io);
    w.change('pod');
    // Back while the field still has focus: the edit is not committed.
    h.back();
    w.change('net');
    expect(h.entries).toEqual(['#src=myweb2&view=table', '#src=myweb2&view=table&filter=net']);
    w.change('netns');
    expect(h.entries).toHaveLength(2);
    expect(h.io.hash()).toBe('#src=myweb2&view=table&filter=netns');
  });

  it('an edit also ends when another control changed the hash', () => {
    const h = fakeHistory();
    const w = hashTextWriter('filter', h.io);
    w.change('a');
    h.io.write({ types: 'net' }, false);
    w.change('ab');
    expect(h.entries).toEqual([
      '#src=myweb2&view=table',
      '#src=myweb2&view=table&filter=a',
      '#src=myweb2&view=table&filter=a&types=net',
      '#src=myweb2&view=table&filter=ab&types=net',
    ]);
  });
});
