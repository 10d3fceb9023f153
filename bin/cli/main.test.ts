import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

async function run(
  args: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    stdin: () => stdin,
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'nsviz-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const LSNS_P = `root@k8s-w1:~# lsns -p 2814
        NS TYPE   NPROCS   PID USER  COMMAND
4026531834 time      130     1 root  /sbin/init
4026531835 cgroup    128     1 root  /sbin/init
4026531837 user      130     1 root  /sbin/init
4026532263 mnt         1  2814 65535 /pause
4026532264 net         3  2814 65535 /pause
4026532265 uts         3  2814 65535 /pause
4026532266 ipc         3  2814 65535 /pause
4026532267 pid         1  2814 65535 /pause
`;

describe('nsviz CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/convert/);
    expect((await run(['convert', '--help'])).out).toMatch(/--node NAME/);
  });

  it('converts a pasted lsns -p session into a snapshot', async () => {
    const r = await run(['convert', '-'], LSNS_P);
    expect(r.code).toBe(0);
    const snap = JSON.parse(r.out);
    expect(snap.schema).toBe('nsviz/snapshot@1');
    expect(snap.nodes.map((n: { name: string }) => n.name)).toEqual(['k8s-w1']);
    const pause = snap.processes.find((p: { pid: number }) => p.pid === 2814);
    expect(pause.namespaces).toMatchObject({ net: 4026532264, mnt: 4026532263, time: 4026531834 });
  });

  it.each([
    ['empty.txt', '', /empty/],
    ['binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]), /binary/],
    ['truncated.json', '{"schema":"nsviz/snapshot@1","processes":[{"node":"n",', /truncated/],
    [
      'unknown.txt',
      'hello world\nthis is not a known format\n',
      /unknown format: expected one of: .*lsns/,
    ],
  ])('refuses %s with exit 2, naming the file and line', async (name, content, pattern) => {
    const p = file(name, content);
    const r = await run(['convert', p]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${p}:1`);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('survives a line of a megabyte', async () => {
    const p = file(
      'long.txt',
      `$ lsns\n        NS TYPE   NPROCS   PID USER COMMAND\n4026531834 time 1 1 root ${'x'.repeat(1 << 20)}\n`,
    );
    const r = await run(['summary', p]);
    expect([0, 2]).toContain(r.code);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses inputs from different unnamed machines, and accepts them named', async () => {
    const a = file(
      'a.txt',
      '$ ls -l /proc/7/ns\nlrwxrwxrwx 1 root root 0 Nov 28 06:00 net -> net:[4026532001]\n',
    );
    const b = file(
      'b.txt',
      '$ ls -l /proc/7/ns\nlrwxrwxrwx 1 root root 0 Nov 28 06:00 net -> net:[4026532999]\n',
    );
    const r = await run(['convert', a, b]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/different machines/);
    expect(r.err).toContain(b);
  });

  it('reads a directory, skipping files in no known format', async () => {
    const r = await run(['summary', 'fixtures/recordings/unshare-default']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/truth\.json: skipped/);
    expect(r.out).toMatch(/\* pause/);
    const only = mkdtempSync(join(tmpdir(), 'nsviz-notes-'));
    writeFileSync(join(only, 'notes.txt'), 'just some notes\n');
    const none = await run(['summary', only]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/none of the inputs/);
  });

  it('reports unknown commands and missing files as usage errors', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const missing = await run(['summary', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    expect((await run(['convert', '--bogus', 'x'])).code).toBe(2);
  });

  it('prints the summary table with the sandbox first', async () => {
    const r = await run(['summary', 'fixtures/reconstructed/myweb2.txt']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const header = lines.findIndex((l) => l.trim().startsWith('CONTAINER'));
    expect(lines[header + 1]).toMatch(/^\s+\* /);
    expect(r.out).toMatch(/pod default\/myweb2/);
  });
});
