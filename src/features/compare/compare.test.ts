import { describe, expect, it } from 'vitest';
import { loadFixture } from '../table/testFixture.ts';
import {
  comparePicks,
  pickCandidates,
  togglePick,
  verdictOf,
  type CompareCell,
} from './compare.ts';

const NODE = 'k8s-w1';
const PAUSE = `ctr:${NODE}:55b0ba3f658668d629c3afcebf3bf38f51ffea26e18a2eeb22f3feb558157ad3`;
const NGINX = `ctr:${NODE}:bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f`;
const SHOOT = `ctr:${NODE}:7f616141384dba9c189e35109d64363635b7445afb9a1d3bff5be68b1dd07481`;

const cell = (group: number): CompareCell => ({
  key: `k${group}`,
  inode: group,
  scope: 'pod',
  group,
});

describe('verdictOf', () => {
  it('says same, different, partial or unknown', () => {
    expect(verdictOf([cell(0), cell(0)])).toBe('same');
    expect(verdictOf([cell(0), cell(1)])).toBe('different');
    expect(verdictOf([cell(0), cell(0), cell(1)])).toBe('partial');
    expect(verdictOf([cell(0), undefined])).toBe('unknown');
    expect(verdictOf([cell(0), cell(0), undefined])).toBe('unknown');
    expect(verdictOf([cell(0), cell(1), undefined])).toBe('different');
  });
});

describe('comparePicks on myweb2', () => {
  const { index } = loadFixture('myweb2');

  it("the two app containers share net, ipc, uts, keep the host's user and time, differ in mnt, pid, cgroup", () => {
    const c = comparePicks(index, [NGINX, SHOOT]);
    expect(c.picks.map((p) => p.label)).toEqual(['myweb2-nginx', 'myweb2-netshoot']);
    expect(c.shared).toEqual(['net', 'ipc', 'uts']);
    expect(c.host).toEqual(['user', 'time']);
    expect(c.differ).toEqual(['mnt', 'pid', 'cgroup']);
    expect(c.unknown).toEqual([]);
    const net = c.rows.find((r) => r.type === 'net')!;
    expect(net.cells.map((x) => x?.inode)).toEqual([4026532264, 4026532264]);
    expect(net.cells[0]?.scope).toBe('pod');
  });

  it('a process compares like its container; pause against an app keeps cgroup apart', () => {
    const c = comparePicks(index, [`proc:${NODE}:2903`, PAUSE]);
    expect(c.shared).toEqual(['net', 'ipc', 'uts']);
    expect(c.differ).toEqual(['mnt', 'pid', 'cgroup']);
  });

  it('three picks: partial where two of three share', () => {
    const c = comparePicks(index, [PAUSE, NGINX, `proc:${NODE}:2903`]);
    const mnt = c.rows.find((r) => r.type === 'mnt')!;
    expect(mnt.verdict).toBe('partial');
    expect(mnt.cells.map((x) => x?.group)).toEqual([0, 1, 1]);
  });

  it('honours the type filter and ignores keys that are not processes or containers', () => {
    const c = comparePicks(index, [NGINX, 'pod:x:y', SHOOT, NGINX], ['pid', 'net']);
    expect(c.rows.map((r) => r.type)).toEqual(['net', 'pid']);
    expect(c.missing).toEqual(['pod:x:y']);
    expect(c.picks).toHaveLength(2);
  });

  it('a process with no namespace facts is unknown, not different', () => {
    const c = comparePicks(index, [`proc:${NODE}:2794`, NGINX]);
    expect(c.unknown).toHaveLength(8);
  });
});

describe('togglePick and pickCandidates', () => {
  const { index } = loadFixture('myweb2');
  it('toggles a key', () => {
    expect(togglePick(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
  });
  it('lists containers (sandbox first) before processes, and searches names and pods', () => {
    const all = pickCandidates(index, '');
    expect(all.slice(0, 3).map((e) => e.key)).toEqual([PAUSE, SHOOT, NGINX]);
    expect(all.slice(3).map((e) => e.label)).toEqual([
      'PID 1 init',
      'PID 2794 containerd-shim-runc-v2',
      'PID 2814 pause',
      'PID 2903 nginx',
      'PID 3012 bash',
    ]);
    expect(pickCandidates(index, 'pause').map((e) => e.key)).toEqual([PAUSE, `proc:${NODE}:2814`]);
    expect(pickCandidates(index, 'nginx').map((e) => e.key)).toEqual([NGINX, `proc:${NODE}:2903`]);
  });
});
