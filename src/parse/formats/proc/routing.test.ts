import { describe, expect, it } from 'vitest';
import { procFormats } from './index.ts';
import { RECORDINGS, recording } from './test-helpers.ts';

/** Which parser should read each real recording. */
function expectedFormat(file: string): string {
  if (file.startsWith('ls') || file === 'busybox-ls.txt') return 'proc-ns-ls';
  if (file.startsWith('readlink')) return 'proc-ns-readlink';
  if (file.startsWith('status')) return 'proc-status';
  if (file.startsWith('stat')) return 'proc-ns-stat';
  if (file.startsWith('cgroup')) return 'proc-cgroup';
  if (file.startsWith('ps') || file === 'busybox-ps.txt') return 'ps';
  if (file.startsWith('ip-j')) return 'ip-addr-json';
  return 'ip-addr';
}

const best = (scores: [string, number][]): string =>
  scores.reduce((a, b) => (b[1] > a[1] ? b : a))[0];

describe('routing real recordings', () => {
  it.each(RECORDINGS)('%s: forCommand and detect pick the right parser', (file) => {
    const { text, ctx } = recording(file);
    const want = expectedFormat(file);
    const byCommand = best(procFormats.map((f) => [f.id, f.forCommand?.(ctx.argv ?? []) ?? 0]));
    expect(byCommand).toBe(want);
    const byText = best(procFormats.map((f) => [f.id, f.detect(text, ctx)]));
    expect(byText).toBe(want);
  });
});
