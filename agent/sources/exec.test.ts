import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/model/classify.ts';
import { ExecCommandError, ExecRunError, execSource, parseExecCommand } from './exec.ts';

const live = () => new AbortController().signal;
const RECORDING = new URL('../../fixtures/recordings/unshare-default/record.txt', import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), 'nsviz-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script standing in for the recorder: counts its runs, then prints a real recording. */
function countingScript(): { path: string; runs: () => number } {
  const counter = join(dir, `runs-${Math.random().toString(36).slice(2)}`);
  const path = `${counter}.sh`;
  writeFileSync(counter, '');
  writeFileSync(path, `echo run >>'${counter}'\nsleep 0.2\ncat '${RECORDING}'\n`);
  return { path, runs: () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length };
}

/** Host pids whose command line holds `marker`. */
function pidsWith(marker: string): string[] {
  return readdirSync('/proc').filter((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('parseExecCommand', () => {
  it('splits like sh, without a shell', () => {
    expect(parseExecCommand(`ssh -o 'BatchMode yes' node sh`)).toEqual([
      'ssh',
      '-o',
      'BatchMode yes',
      'node',
      'sh',
    ]);
    expect(parseExecCommand('podman exec -i "my node" sh -s -- --no-ip')).toEqual([
      'podman',
      'exec',
      '-i',
      'my node',
      'sh',
      '-s',
      '--',
      '--no-ip',
    ]);
    expect(parseExecCommand("sh -c 'echo a | cat'")).toEqual(['sh', '-c', 'echo a | cat']);
  });

  it('refuses pipes, redirects, lists and an empty command', () => {
    for (const c of ['ssh node sh | tee x', 'sh < x', 'a; b', 'a && b', 'sh >out'])
      expect(() => parseExecCommand(c), c).toThrow(/without a shell/);
    expect(() => parseExecCommand('   ')).toThrow(ExecCommandError);
    expect(() => execSource('bad name', 'sh')).toThrow(/source name/);
  });
});

describe('execSource', () => {
  it('records this host through `sh` and names the node after the source', async () => {
    const src = execSource('here', 'sh');
    expect(src).toMatchObject({ id: 'here', kind: 'exec', title: 'here (sh)' });
    const { snapshot, warnings } = await src.read(live());
    expect(snapshot.nodes).toEqual([
      expect.objectContaining({ name: 'here', hostname: hostname() }),
    ]);
    const me = snapshot.processes.find((p) => p.pid === process.pid);
    expect(me?.node).toBe('here');
    const inode = (t: string) => Number(/\[(\d+)\]/.exec(readlinkSync(`/proc/self/ns/${t}`))?.[1]);
    expect(me?.namespaces).toMatchObject({
      net: inode('net'),
      mnt: inode('mnt'),
      pid: inode('pid'),
    });
    expect(warnings.every((w) => typeof w === 'string')).toBe(true);
  });

  it('parses the transcript like the CLI and classifies the pod', async () => {
    const script = countingScript();
    const { snapshot } = await execSource('rec', 'sh', { scriptPath: script.path }).read(live());
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['rec']);
    const [pod] = classify(snapshot).pods;
    expect(pod?.containers[0]?.sandbox).toBe(true);
    for (const c of pod?.containers ?? []) {
      for (const t of ['net', 'ipc', 'uts'] as const) expect(c.namespaces[t]?.scope).toBe('pod');
      expect(c.namespaces.mnt?.scope).toBe('container');
    }
  });

  it('shares one run among concurrent reads, and runs again afterwards', async () => {
    const script = countingScript();
    const src = execSource('once', 'sh', { scriptPath: script.path });
    const [a, b] = await Promise.all([src.read(live()), src.read(live())]);
    expect(a.snapshot).toBe(b.snapshot);
    expect(script.runs()).toBe(1);
    await src.read(live());
    expect(script.runs()).toBe(2);
  });

  it('says so when the command is missing, fails, or prints no transcript', async () => {
    const missing = await failure(execSource('x', 'nsviz-no-such-command -i sh').read(live()));
    expect(missing).toBeInstanceOf(ExecRunError);
    expect(missing.message).toBe(
      'command not found: nsviz-no-such-command (in `nsviz-no-such-command -i sh`)',
    );
    const exit = await failure(
      execSource('x', `sh -c 'echo "no such container" >&2; exit 125'`).read(live()),
    );
    expect(exit.message).toBe(
      '`sh -c \'echo "no such container" >&2; exit 125\'` exited with status 125: no such container',
    );
    expect((await failure(execSource('x', 'cat').read(live()))).message).toMatch(
      /did not print an nsviz-record transcript \(it begins "#!\/bin\/sh"\); it must end in a shell/,
    );
    expect((await failure(execSource('x', 'true').read(live()))).message).toMatch(
      /^`true` printed nothing; /,
    );
  });

  it('stops a command that runs too long, with everything it started', async () => {
    const marker = `${900 + (process.pid % 100)}.25`;
    const src = execSource('slow', `sh -c 'sleep ${marker} & sleep ${marker}; wait'`, {
      timeoutMs: 300,
    });
    const t0 = performance.now();
    const e = await failure(src.read(live()));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.message).toMatch(/did not finish within 0.3 s$/);
    expect((e as ExecRunError).kind).toBe('timeout');
    await new Promise((r) => setTimeout(r, 100));
    expect(pidsWith(`sleep\0${marker}`)).toEqual([]);
  });

  it('stops a command that prints too much', async () => {
    const e = await failure(execSource('big', 'yes', { maxOutputBytes: 100_000 }).read(live()));
    expect(e.message).toBe('`yes` printed more than 98 KB; stopped it');
    expect((e as ExecRunError).kind).toBe('too-big');
  });

  it('ends the run when every reader gives up', async () => {
    const marker = `${800 + (process.pid % 100)}.5`;
    const src = execSource('abort', `sh -c 'sleep ${marker}'`);
    const c1 = new AbortController();
    const c2 = new AbortController();
    const r1 = failure(src.read(c1.signal));
    const r2 = failure(src.read(c2.signal));
    await new Promise((r) => setTimeout(r, 150));
    c1.abort();
    expect((await r1).name).toBe('AbortError');
    expect(pidsWith(`sleep\0${marker}`)).toHaveLength(1);
    c2.abort(new Error('closed'));
    expect((await r2).message).toBe('closed');
    await new Promise((r) => setTimeout(r, 100));
    expect(pidsWith(`sleep\0${marker}`)).toEqual([]);
  });
});
