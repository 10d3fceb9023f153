// Fixtures are real recordings and reconstructions shipped with the project: nothing of the
// machine they were made on may be in them (its paths, the tools and sessions that ran on it).
// Recordings are made in an isolated node (scripts/testbed/isolated-node.sh) so that they are
// clean as recorded; this test fails if a host process, path or name ever slips in. Fixtures
// are never scrubbed by hand: re-record instead (scripts/testbed/record-fixtures.sh).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * What must never appear in a fixture, and why. Generic patterns only: a whole-host capture of
 * a build machine is caught by the PID 1 check below, without naming that machine's tools.
 */
const FORBIDDEN: readonly { re: RegExp; why: string }[] = [
  { re: /\/work\//, why: 'a checkout path of the build machine' },
  { re: /\/tmp\/\S/, why: 'a /tmp path (the isolated node has an empty /tmp of its own)' },
  { re: /node_modules/, why: 'a node_modules path (our own tools)' },
  { re: /\bvitest\b|\bplaywright\b|vite preview/i, why: 'our own test tools running' },
  { re: /\/root\/\S|\/home\/\S/, why: "a user's home directory" },
  { re: /\.pyenv|\.cargo\//, why: "a user's tool installation" },
  { re: /\/dev\/fd\/\d/, why: 'a script run through /dev/fd (harness shells)' },
  { re: /nsviz-node-[0-9a-f]{8}/, why: "the isolated node's host-side cgroup name" },
];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const files = walk(FIXTURES).map((f) => relative(FIXTURES, f));

/** Each forbidden hit in TEXT as "line N: rule (why): excerpt". */
function findings(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { re, why } of FORBIDDEN) {
      const m = re.exec(line);
      if (!m) continue;
      const at = Math.max(0, m.index - 30);
      out.push(`line ${i + 1}: ${String(re)} (${why}): …${line.slice(at, m.index + 50)}…`);
    }
  });
  return out;
}

describe('fixture hygiene', () => {
  it('finds the fixtures', () => {
    expect(files).toContain('manifest.json');
    expect(files.filter((f) => f.startsWith('recordings/')).length).toBeGreaterThan(0);
  });

  it.each(files)('%s holds nothing of the build machine', (file) => {
    expect(findings(file), 'file name').toEqual([]);
    expect(findings(readFileSync(join(FIXTURES, file), 'utf8'))).toEqual([]);
  });

  const records = files.filter((f) => /^recordings\/[^/]+\/record\.txt$/.test(f));
  it.each(records)('%s is a recording of an isolated node, not of a whole host', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /^\$ ps /.test(l));
    expect(start, 'the ps step').toBeGreaterThanOrEqual(0);
    const ps = lines.slice(
      start + 2,
      lines.findIndex((l, i) => i > start && /^[$#] /.test(l)),
    );
    // PID 1 is the node's init (isolated-node.sh), not the build machine's.
    const pid1 = ps.find((l) => /^\s*1\s+0\s/.test(l));
    expect(pid1, 'PID 1').toMatch(/ sh -c "\$@"; exit \$\? node-init /);
    // No kernel threads: they live in the host's pid namespace only.
    expect(ps.filter((l) => /\s\[[^\]]+\]$/.test(l))).toEqual([]);
    expect(ps.length).toBeLessThan(40);
  });
});
