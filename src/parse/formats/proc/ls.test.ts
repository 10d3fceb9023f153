import { describe, expect, it } from 'vitest';
import { detectLs, lsForCommand, modeType, parseLs, splitLsRow } from './ls.ts';
import { readTestdata } from './test-helpers.ts';

const ctx = (argv?: string[], extra: object = {}) => ({
  source: 't',
  ...(argv ? { argv } : {}),
  ...extra,
});

describe('ls -l /proc/PID/ns variants (hand-made samples)', () => {
  it('SELinux dots, quoted targets, CRLF', () => {
    const r = parseLs(
      readTestdata('handmade/ls-selinux-quoted.txt'),
      ctx(['ls', '-l', '/proc/2814/ns']),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes).toEqual([
      {
        node: '',
        pid: 2814,
        namespaces: {
          cgroup: 4026531835,
          ipc: 4026532601,
          mnt: 4026532599,
          net: 4026532604,
          pid: 4026532602,
          time: 4026531834,
          user: 4026531837,
          uts: 4026532600,
        },
        forChildren: { pid: 4026532602, time: 4026531834 },
      },
    ]);
  });

  it('localized dates and total line', () => {
    const r = parseLs(readTestdata('handmade/ls-localized.txt'), ctx(['ls', '-l', '/proc/42/ns']));
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]?.namespaces.net).toBe(4026532284);
  });

  it('long-iso dates with the ls -i inode column, kernel without time namespaces', () => {
    const r = parseLs(readTestdata('handmade/ls-long-iso.txt'), ctx(['ls', '-li', '/proc/42/ns']));
    expect(r.issues).toEqual([]);
    expect(Object.keys(r.fragment.processes[0]?.namespaces ?? {})).toHaveLength(7);
    expect(r.fragment.processes[0]?.forChildren).toEqual({ pid: 4026532282 });
  });

  it('permission denied: stderr lines become warnings with their line, target-less rows are skipped', () => {
    const r = parseLs(readTestdata('handmade/ls-denied.txt'), ctx(['ls', '-l', '/proc/1/ns']));
    expect(r.fragment.processes).toEqual([]);
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['warning', 1],
      ['warning', 2],
      ['warning', 3],
      ['warning', 4],
    ]);
  });

  it('rows without targets and no stderr say so per row', () => {
    const text = 'lrwxrwxrwx 1 root root 0 Nov 28 06:19 net\n';
    const r = parseLs(text, ctx(['ls', '-l', '/proc/1/ns']));
    expect(r.issues).toMatchObject([
      { level: 'warning', line: 1, message: expect.stringContaining('no link target') },
    ]);
  });

  it('ANSI colours of a terminal paste', () => {
    const r = parseLs(readTestdata('handmade/ls-color.txt'), ctx(['ls', '-l', '/proc/9/ns']));
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]?.namespaces).toEqual({ net: 4026532284, uts: 4026532280 });
  });

  it('PID from ctx.pid when the command line has none; unknown PID keeps namespaces and warns once', () => {
    const text = readTestdata('handmade/ls-localized.txt');
    expect(parseLs(text, ctx(undefined, { pid: 77 })).fragment.processes[0]?.pid).toBe(77);
    const r = parseLs(text, ctx(['ls', '-l', '/proc/self/ns']));
    expect(r.fragment.processes).toEqual([]);
    expect(r.fragment.namespaces).toHaveLength(8);
    expect(r.issues).toMatchObject([
      { level: 'warning', line: 2, message: expect.stringContaining('/proc/self') },
    ]);
  });

  it('inside kubectl exec, /proc/1 is the container init, not node PID 1', () => {
    const text = 'lrwxrwxrwx 1 root root 0 Nov 28 06:19 net -> net:[4026532284]\n';
    const r = parseLs(
      text,
      ctx(['ls', '-l', '/proc/1/ns'], { via: { tool: 'kubectl', target: 'web' } }),
    );
    expect(r.fragment.processes).toEqual([]);
    expect(r.fragment.namespaces).toMatchObject([{ type: 'net', inode: 4026532284 }]);
    expect(r.issues[0]?.message).toContain('kubectl exec web');
  });

  it('a link pointing to the wrong type, an unknown link and a broken target are errors/warnings on their lines', () => {
    const text = [
      'lrwxrwxrwx 1 root root 0 Nov 28 06:19 net -> ipc:[4026532284]',
      'lrwxrwxrwx 1 root root 0 Nov 28 06:19 foo -> foo:[1]',
      'lrwxrwxrwx 1 root root 0 Nov 28 06:19 uts -> uts:[x]',
      'this is not ls',
    ].join('\n');
    const r = parseLs(text, ctx(['ls', '-l', '/proc/5/ns']));
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['error', 1],
      ['warning', 2],
      ['error', 3],
      ['error', 4],
    ]);
    expect(r.fragment.processes).toEqual([]);
  });

  it('line numbers include the transcript offset', () => {
    const r = parseLs('garbage\n', ctx(undefined, { lineOffset: 40 }));
    expect(r.issues[0]?.line).toBe(41);
  });

  it('two *_for_children values for one PID keep the first and warn', () => {
    const row = (v: number) =>
      `lrwxrwxrwx 1 root root 0 Nov 28 06:19 /proc/3/ns/pid_for_children -> pid:[${v}]`;
    const r = parseLs(`${row(4026532001)}\n${row(4026532002)}\n`, ctx());
    expect(r.fragment.processes[0]?.forChildren).toEqual({ pid: 4026532001 });
    expect(r.issues).toMatchObject([{ level: 'warning', line: 2 }]);
  });
});

describe('ls helpers', () => {
  it('modeType', () => {
    expect(modeType('lrwxrwxrwx')).toBe('l');
    expect(modeType('lrwxrwxrwx.')).toBe('l');
    expect(modeType('dr-x--x--x')).toBe('d');
    expect(modeType('lrwxrwxrwx!')).toBeUndefined();
    expect(modeType('total')).toBeUndefined();
  });

  it('splitLsRow', () => {
    expect(splitLsRow("lrwxrwxrwx 1 root root 0 Nov 28 06:25 net -> 'net:[1]'")).toMatchObject({
      type: 'l',
      name: 'net',
    });
    expect(splitLsRow('lrwxrwxrwx')).toBeUndefined();
  });

  it('detect and forCommand', () => {
    expect(detectLs(readTestdata('handmade/ls-selinux-quoted.txt'))).toBeGreaterThan(0.9);
    expect(detectLs(readTestdata('handmade/ls-denied.txt'))).toBeGreaterThan(0.5);
    expect(detectLs('0::/\n')).toBe(0);
    expect(lsForCommand(['ls', '-l', '/proc/1/ns'])).toBeGreaterThan(0.9);
    expect(lsForCommand(['busybox', 'ls', '-l', '/proc/1/ns/net'])).toBeGreaterThan(0.9);
    expect(lsForCommand(['ls', '-l', '/etc'])).toBeLessThan(0.5);
    expect(lsForCommand(['cat', '/proc/1/ns'])).toBe(0);
  });
});
