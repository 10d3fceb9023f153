import { describe, expect, it } from 'vitest';
import { nameByOrder } from './linkorder.ts';
import { detectReadlink, parseReadlink, readlinkForCommand } from './readlink.ts';
import { detectStat, parseStat, statForCommand } from './stat.ts';
import { readTestdata } from './test-helpers.ts';

const ctx = (argv?: string[], extra: object = {}) => ({
  source: 't',
  ...(argv ? { argv } : {}),
  ...extra,
});

describe('readlink', () => {
  it('glob order names duplicate pid: lines (kernel 5.4 sample, hand-made)', () => {
    const r = parseReadlink(
      readTestdata('handmade/readlink-kernel-5.4.txt'),
      ctx(['readlink', '/proc/31/ns/*']),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]).toMatchObject({
      pid: 31,
      namespaces: { pid: 4026531836, net: 4026532284 },
      forChildren: { pid: 4026532282 },
    });
  });

  it('explicit links on the command line name every line', () => {
    const text = 'pid:[4026532282]\nnet:[4026532284]\n';
    const r = parseReadlink(
      text,
      ctx(['readlink', '/proc/8/ns/pid_for_children', '/proc/9/ns/net']),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes.map((p) => [p.pid, p.namespaces, p.forChildren])).toEqual([
      [8, {}, { pid: 4026532282 }],
      [9, { net: 4026532284 }, undefined],
    ]);
  });

  it('two globbed processes split by glob order', () => {
    const one = readTestdata('handmade/readlink-kernel-5.4.txt');
    const r = parseReadlink(one + one, ctx(['readlink', '/proc/3/ns/*', '/proc/4/ns/*']));
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes.map((p) => p.pid)).toEqual([3, 4]);
  });

  it('several processes without PIDs: namespaces only, one warning naming the first line', () => {
    const one = readTestdata('handmade/readlink-kernel-5.4.txt');
    const r = parseReadlink(one + one, ctx(['readlink', '/proc/[0-9]*/ns/*']));
    expect(r.fragment.processes).toEqual([]);
    expect(r.fragment.namespaces.length).toBeGreaterThan(5);
    expect(r.issues.every((i) => i.level === 'warning')).toBe(true);
    expect(r.issues[0]?.line).toBe(1);
  });

  it('explicit link whose target has another type', () => {
    const r = parseReadlink('ipc:[4026532281]\n', ctx(['readlink', '/proc/8/ns/net']));
    expect(r.issues).toMatchObject([{ level: 'error', line: 1 }]);
  });

  it('nameByOrder', () => {
    expect(nameByOrder(['pid', 'pid', 'time', 'time', 'user'])).toEqual([
      ['pid', 'pid_for_children', 'time', 'time_for_children', 'user'],
    ]);
    expect(nameByOrder(['net', 'uts', 'net', 'pid', 'pid', 'pid'])).toEqual([
      ['net', 'uts'],
      ['net', 'pid', 'pid_for_children'],
      ['pid'],
    ]);
  });

  it('detect and forCommand', () => {
    expect(detectReadlink('net:[4026532284]\nuts:[4026532280]\n')).toBeGreaterThan(0.8);
    expect(detectReadlink('net 4026532284\n')).toBe(0);
    expect(readlinkForCommand(['readlink', '/proc/1/ns/net'])).toBeGreaterThan(0.9);
    expect(readlinkForCommand(['ls'])).toBe(0);
  });
});

describe('stat', () => {
  it('bare %i on a 4.9 kernel (7 links, hand-made)', () => {
    const r = parseStat(
      readTestdata('handmade/stat-kernel-4.9.txt'),
      ctx(['stat', '-L', '-c', '%i', '/proc/12/ns/*']),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]).toMatchObject({
      pid: 12,
      namespaces: { pid: 4026532282, user: 4026531837 },
    });
    expect(r.fragment.processes[0]?.forChildren).toBeUndefined();
  });

  it('bare inodes without a command line are not guessed', () => {
    const r = parseStat(readTestdata('handmade/stat-kernel-4.9.txt'), ctx());
    expect(r.fragment.processes).toEqual([]);
    expect(r.fragment.namespaces).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
  });

  it('%i %n order and /proc/self under nsenter', () => {
    const r = parseStat(
      '4026532284 /proc/self/ns/net\n',
      ctx(['stat', '-L', '-c', '%i %n', '/proc/self/ns/net'], {
        pid: 5,
        via: { tool: 'nsenter', target: '5' },
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes[0]).toMatchObject({ pid: 5, namespaces: { net: 4026532284 } });
  });

  it('stat without -L reports the link inodes: skipped with one warning', () => {
    const text = '/proc/7/ns/net 81234\n/proc/7/ns/uts 81235\n';
    const r = parseStat(text, ctx(['stat', '-c', '%n %i', '/proc/7/ns/net', '/proc/7/ns/uts']));
    expect(r.fragment.processes).toEqual([]);
    expect(r.issues.map((i) => i.line)).toEqual([undefined, 1]);
  });

  it('paths that are not /proc/PID/ns links, and junk', () => {
    const r = parseStat('/run/netns/cni-1 4026532284\nnot stat output at all\n', ctx());
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['warning', 1],
      ['error', 2],
    ]);
  });

  it('detect and forCommand', () => {
    expect(detectStat('/proc/1/ns/net 4026531840\n/proc/1/ns/uts 4026531838\n')).toBeGreaterThan(
      0.9,
    );
    expect(detectStat('4026531840\n')).toBeGreaterThan(0.4);
    expect(detectStat('42\n')).toBe(0);
    expect(statForCommand(['stat', '-L', '-c', '%n %i', '/proc/1/ns/*'])).toBeGreaterThan(0.9);
    expect(statForCommand(['stat', '/etc/passwd'])).toBeLessThan(0.5);
  });
});
