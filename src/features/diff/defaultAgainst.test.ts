import { describe, expect, it } from 'vitest';
import { gallery } from '../fixtures/gallery.ts';
import { defaultAgainst } from './defaultAgainst.ts';

describe('defaultAgainst', () => {
  const ids = gallery.entries.map((e) => e.id);

  it('pairs each capture with its variant or its base', () => {
    expect(defaultAgainst('myweb2', ids)).toBe('myweb2-sharepid');
    expect(defaultAgainst('myweb2-hostnet', ids)).toBe('myweb2');
    expect(defaultAgainst('podman-default', ids)).toBe('podman-hostnet');
    expect(defaultAgainst('podman-sharepid', ids)).toBe('podman-default');
    expect(defaultAgainst('unshare-hostnet', ids)).toBe('unshare-default');
  });

  it('falls back to another capture, never the same one', () => {
    expect(defaultAgainst('nginx', ids)).toBe('myweb2');
    expect(defaultAgainst('paste', ids)).toBe('myweb2');
    expect(defaultAgainst('a', ['a'])).toBeUndefined();
  });
});
