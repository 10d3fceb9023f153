// Test-bed helper (run as root, usually inside an isolated node): one read of the live source,
// then `lsns -J -l` and the ns links of every process as /proc shows them right after, written
// as JSON to the file named by argv[2]. live.testbed.test.ts compares them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { liveSource } from '../live.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: dumpLive.ts OUT.json');
// Complete on the first read: every net/uts detail is waited for (a server answers sooner).
const result = await liveSource({ detailsWaitMs: Infinity }).read(AbortSignal.timeout(60_000));
const lsns = JSON.parse(execFileSync('lsns', ['-J', '-l'], { encoding: 'utf8' })) as unknown;
const proc: Record<string, Record<string, number>> = {};
for (const name of readdirSync('/proc')) {
  if (!/^\d+$/.test(name)) continue;
  const links: Record<string, number> = {};
  try {
    for (const e of readdirSync(`/proc/${name}/ns`)) {
      const m = /\[(\d+)\]$/.exec(readlinkSync(`/proc/${name}/ns/${e}`));
      if (m?.[1]) links[e] = Number(m[1]);
    }
  } catch {
    continue; // exited
  }
  proc[name] = links;
}
writeFileSync(out, JSON.stringify({ result, lsns, proc, self: process.pid }));
