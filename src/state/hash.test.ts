import { describe, expect, it } from 'vitest';
import { parseHash, withHashParam } from './hash.ts';

describe('parseHash', () => {
  it('reads key=value pairs with or without the leading #', () => {
    expect(parseHash('#src=nginx&theme=dark')).toEqual(
      new Map([
        ['src', 'nginx'],
        ['theme', 'dark'],
      ]),
    );
    expect(parseHash('src=a%20b').get('src')).toBe('a b');
    expect(parseHash('').size).toBe(0);
  });
});

describe('withHashParam', () => {
  it('replaces one key and keeps the others in order', () => {
    expect(withHashParam('#src=a&view=matrix', 'src', 'b')).toBe('#src=b&view=matrix');
    expect(withHashParam('', 'src', 'myweb2')).toBe('#src=myweb2');
  });
  it('removes a key, and gives an empty hash when nothing is left', () => {
    expect(withHashParam('#src=a&view=matrix', 'src', undefined)).toBe('#view=matrix');
    expect(withHashParam('#src=a', 'src', undefined)).toBe('');
  });
});
