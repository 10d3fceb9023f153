import { describe, expect, it } from 'vitest';
import { detectPs, parsePs, psForCommand } from './ps.ts';
import { defaultHeader, outputSpec, restColumn } from './ps-columns.ts';
import { cutRow, stripBusyboxComm, stripForest } from './ps-row.ts';
import { readTestdata, row } from './test-helpers.ts';

const ctx = (argv?: string[], extra: object = {}) => ({
  source: 't',
  ...(argv ? { argv } : {}),
  ...extra,
});

describe('ps variants (hand-made samples)', () => {
  it('ps -ef: numeric uid for /pause, truncated user names are not names, CMD keeps blanks', () => {
    const r = parsePs(readTestdata('handmade/ps-ef-numeric.txt'), ctx(['ps', '-ef']));
    expect(r.issues).toEqual([]);
    const procs = r.fragment.processes;
    expect(row(procs, 2814)).toEqual({
      node: '',
      pid: 2814,
      ppid: 2790,
      uid: 65535,
      command: '/pause',
      namespaces: {},
    });
    expect(row(procs, 612)?.user).toBeUndefined();
    expect(row(procs, 2871)).toMatchObject({
      uid: 101,
      command: 'nginx: master process nginx -g daemon off;',
    });
    expect(row(procs, 2)?.command).toBe('[kthreadd]');
  });

  it('ps -eo with - for unreadable namespaces', () => {
    const r = parsePs(
      readTestdata('handmade/ps-eo-dash.txt'),
      ctx(['ps', '-eo', 'pid,user,netns,pidns,comm']),
    );
    expect(r.issues).toEqual([]);
    expect(row(r.fragment.processes, 2814)).toMatchObject({
      uid: 65535,
      command: 'pause',
      namespaces: {},
    });
    expect(row(r.fragment.processes, 4242)).toMatchObject({
      user: 'alice',
      namespaces: { net: 4026531840, pid: 4026531836 },
    });
  });

  it('older busybox ps with TIME, {comm} prefixes stripped', () => {
    const r = parsePs(readTestdata('handmade/busybox-ps-time.txt'), ctx(['busybox', 'ps']));
    expect(r.issues).toEqual([]);
    expect(row(r.fragment.processes, 31)?.command).toBe('/bin/sh -c sleep 1000');
    expect(row(r.fragment.processes, 7)).toMatchObject({
      uid: 101,
      command: 'nginx: master process nginx -g daemon off;',
    });
  });

  it('ps -ef | grep x: no header, procps layout from the options', () => {
    const text = 'root        2530    2441  0 14:37 ?        00:00:00 nginx: master process\n';
    const r = parsePs(text, ctx(['ps', '-ef']));
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]).toMatchObject({
      pid: 2530,
      ppid: 2441,
      user: 'root',
      command: 'nginx: master process',
    });
  });

  it('-o with every header renamed to nothing prints no header', () => {
    const r = parsePs(
      '  7 4026532284 sleep 1\n',
      ctx(['ps', '-o', 'pid=', '-o', 'netns=', '-o', 'args=']),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]).toMatchObject({
      pid: 7,
      command: 'sleep 1',
      namespaces: { net: 4026532284 },
    });
  });

  it('args in the middle: columns on its right are read from the right', () => {
    const text =
      '  PID COMMAND                        NETNS\n    7 sleep 1 2 3                4026532284\n';
    const r = parsePs(text, ctx(['ps', '-o', 'pid,args,netns']));
    expect(r.fragment.processes[0]).toMatchObject({
      command: 'sleep 1 2 3',
      namespaces: { net: 4026532284 },
    });
  });

  it('inside kubectl exec the PIDs are the container’s: nothing recorded, one warning', () => {
    const r = parsePs(
      readTestdata('handmade/ps-ef-numeric.txt'),
      ctx(['ps', '-ef'], { via: { tool: 'kubectl', target: 'web' } }),
    );
    expect(r.fragment.processes).toEqual([]);
    expect(r.issues).toMatchObject([
      { level: 'warning', line: 2, message: expect.stringContaining('kubectl exec web') },
    ]);
  });

  it('bad rows and bad cells are errors on their lines; stderr is a warning', () => {
    const text = [
      '  PID  PPID NETNS COMMAND',
      '    x     1 4026532284 a',
      '    5     y 4026532284 b',
      '    6     1 banana c',
      'ps: error: unknown user',
      '    7',
    ].join('\n');
    const r = parsePs(text, ctx(['ps', '-eo', 'pid,ppid,netns,args']));
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['error', 2],
      ['error', 3],
      ['error', 4],
      ['warning', 5],
      ['error', 6],
    ]);
  });

  it('a -o list without pid cannot be keyed', () => {
    const r = parsePs('COMMAND\nsleep\n', ctx(['ps', '-o', 'args']));
    expect(r.fragment.processes).toEqual([]);
    expect(r.issues[0]).toMatchObject({ level: 'error', line: 1 });
  });
});

describe('ps helpers', () => {
  it('outputSpec', () => {
    expect(outputSpec(['-eo', 'pid,comm,args'])?.columns.map((c) => c.kind)).toEqual([
      'pid',
      'comm',
      'args',
    ]);
    expect(outputSpec(['axo', 'pid,netns'])?.columns.map((c) => c.kind)).toEqual(['pid', 'ns']);
    expect(outputSpec(['-u', 'root', '-o', 'pid'])?.columns.map((c) => c.kind)).toEqual(['pid']);
    expect(outputSpec(['-o', 'pid,comm=Command Name'])).toMatchObject({ header: true });
    expect(outputSpec(['-o', 'pid=', '-o', 'comm='])).toMatchObject({ header: false });
    expect(outputSpec(['-p', '7', '-o', 'lstart,pid'])?.columns[0]?.words).toBe(5);
    expect(outputSpec(['-ef'])).toBeUndefined();
    expect(outputSpec(['-O', 'netns'])).toBeUndefined();
    expect(outputSpec(['--format', 'pid,uid'])?.columns.map((c) => c.kind)).toEqual(['pid', 'uid']);
  });

  it('defaultHeader', () => {
    expect(defaultHeader(['-ef', '--forest'])).toBe('UID PID PPID C STIME TTY TIME CMD');
    expect(defaultHeader(['auxf'])).toMatch(/^USER PID %CPU/);
    expect(defaultHeader([])).toBe('PID TTY TIME CMD');
  });

  it('cutRow, stripForest, stripBusyboxComm', () => {
    const cols = outputSpec(['-o', 'lstart,pid,args'])!.columns;
    expect(cutRow('Thu Nov 28 06:25:01 2024     7 sleep 1', cols, restColumn(cols))).toEqual([
      'Thu Nov 28 06:25:01 2024',
      '7',
      'sleep 1',
    ]);
    expect(cutRow('Thu Nov', cols, restColumn(cols))).toBeUndefined();
    expect(stripForest('  |   \\_ sleep 1')).toBe('sleep 1');
    expect(stripForest('|cmd')).toBe('|cmd');
    expect(stripBusyboxComm('{sleep} /pause x')).toBe('/pause x');
    expect(stripBusyboxComm('{broken')).toBe('{broken');
  });

  it('detect and forCommand', () => {
    expect(detectPs(readTestdata('handmade/ps-ef-numeric.txt'))).toBeGreaterThan(0.8);
    expect(detectPs('PID\n')).toBeLessThan(0.5);
    expect(detectPs('net:[1]\n')).toBe(0);
    expect(psForCommand(['ps', 'aux'])).toBeGreaterThan(0.9);
    expect(psForCommand(['busybox', 'ps'])).toBeGreaterThan(0.9);
    expect(psForCommand(['pstree'])).toBe(0);
  });
});
