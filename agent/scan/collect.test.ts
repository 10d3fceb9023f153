import { describe, expect, it } from 'vitest';
import type { CollectContext } from './collect.ts';
import { Tally, toProcessRow } from './collect.ts';
import type { Got, RawProc } from './io.ts';
import { Fail, LINK_NAMES } from './io.ts';

const ctx = (): CollectContext => ({
  node: 'n',
  redact: false,
  users: new Map([[0, 'root']]),
  supported: new Set(LINK_NAMES),
  tally: new Tally(),
  targets: new Map(),
});

const raw = (pid: number, links: Got[], extra: Partial<RawProc> = {}): RawProc => ({
  pid,
  stat: `${pid} (x) S 1 ${'0 '.repeat(17)}5 0\n`,
  status: 'PPid:\t1\nUid:\t0\t0\t0\t0\n',
  cmdline: 'x\0',
  cgroup: '0::/\n',
  names: LINK_NAMES,
  links,
  ...extra,
});

describe('toProcessRow failures', () => {
  it('keeps processes whose links are unreadable and warns once per kind', () => {
    const c = ctx();
    const denied = LINK_NAMES.map(() => new Fail('EACCES'));
    for (const pid of [10, 11, 12, 13]) {
      expect(toProcessRow(raw(pid, denied), c)).toMatchObject({ pid, namespaces: {} });
    }
    expect(c.tally.warnings('/proc')).toEqual([
      {
        source: '/proc',
        message:
          'cannot read the mnt, net, pid, ipc, uts, user, cgroup, time, pid_for_children, time_for_children namespace links of 4 processes: permission denied',
      },
    ]);
  });

  it('reports different failures separately and names a few pids', () => {
    const c = ctx();
    const links: Got[] = LINK_NAMES.map((n) =>
      n === 'net' ? new Fail('EACCES') : `${n.replace(/_.*/, '')}:[1]`,
    );
    toProcessRow(raw(7, links), c);
    toProcessRow(raw(8, links, { cgroup: new Fail('EIO') }), c);
    expect(c.tally.warnings('/proc').map((w) => w.message)).toEqual([
      'cannot read cgroup of 1 process (pid 8): EIO',
      'cannot read the net namespace link of 2 processes (pid 7, 8): permission denied',
    ]);
  });

  it('counts ESRCH as an exit', () => {
    const c = ctx();
    expect(toProcessRow(raw(9, [], { stat: new Fail('ESRCH') }), c)).toBeUndefined();
    expect(c.tally.exited).toBe(1);
  });
});
