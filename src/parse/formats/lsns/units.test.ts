/**
 * Unit tests of the building blocks. Inputs are short strings written here (hand-made); the
 * real recordings are exercised in recordings.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectedColumns, isLsnsCommand, parseLsnsArgs } from './argv.ts';
import { DEFAULT_LIST, DEFAULT_NET, DEFAULT_PROCS } from './columns.ts';
import { artLength, stripTree } from './glyphs.ts';
import { matchTokens } from './grammar.ts';
import { lsnsFormats } from './index.ts';
import { scanJson } from './jsonScan.ts';
import { forEachLine } from './lines.ts';
import { continuation, cutLine, guessDelta, readHeader } from './positional.ts';
import { rawHeader, unescapeCell } from './raw.ts';
import { cellInt } from './row.ts';
import { VersionRange } from './version.ts';

describe('argv', () => {
  it('reads short clusters, attached values, long options and prefixes like getopt_long', () => {
    expect(parseLsnsArgs(['lsns', '-Jlp42'])).toMatchObject({ json: true, list: true, pid: 42 });
    // `--out` would be ambiguous (output, output-all); `--outp`… too: getopt_long refuses both
    expect(parseLsnsArgs(['lsns', '--out', 'NS']).output).toBeUndefined();
    expect(
      parseLsnsArgs(['/usr/bin/lsns', '--task=7', '--output', 'NS,TYPE', '--ty', 'net']),
    ).toMatchObject({
      pid: 7,
      output: 'NS,TYPE',
      types: ['net'],
    });
    expect(parseLsnsArgs(['lsns', '-r', '-n']).noWrap).toBe(true);
    expect(parseLsnsArgs(['lsns', '4026532264']).inode).toBe(4026532264);
    expect(parseLsnsArgs(['lsns', '-Towner']).tree).toBe('owner');
    expect(parseLsnsArgs(['lsns', '--tree=parent']).tree).toBe('parent');
    // `-T owner` is -T plus a namespace argument, which lsns rejects; owner is not an inode
    expect(parseLsnsArgs(['lsns', '-T', 'owner']).tree).toBe('owner');
    expect(parseLsnsArgs(['lsns', '-T', 'owner']).inode).toBeUndefined();
    expect(parseLsnsArgs(['LC_ALL=C', 'lsns', '-V']).info).toBe(true);
    expect(parseLsnsArgs(['lsblk', '-J']).json).toBe(false);
    expect(isLsnsCommand(['sudo'])).toBe(false);
  });

  it('knows the columns of every mode', () => {
    const cols = (...a: string[]) => expectedColumns(parseLsnsArgs(['lsns', ...a]));
    expect(cols()).toEqual(DEFAULT_LIST);
    expect(cols('-t', 'net')).toEqual(DEFAULT_NET);
    expect(cols('4026532264')).toEqual(DEFAULT_PROCS);
    expect(cols('-o', '+path')).toEqual([...DEFAULT_LIST, 'PATH']);
    expect(cols('-o', 'ns,type', '-o', 'pid')).toEqual(['PID']);
    expect(cols('--output-all')).toHaveLength(13);
    expect(cols('-o', 'NS,BOGUS')).toBeUndefined();
    expect(parseLsnsArgs(['lsns', '-T']).tree).toBe('owner');
  });
});

describe('tree art', () => {
  it('measures UTF-8 and C-locale art, two characters a level', () => {
    expect(stripTree('│ └─4026532254')).toEqual({ text: '4026532254', depth: 2 });
    expect(stripTree('  ├─sleep 1')).toEqual({ text: 'sleep 1', depth: 2 });
    expect(stripTree('| `-4026532611')).toEqual({ text: '4026532611', depth: 2 });
    expect(stripTree('|-x')).toEqual({ text: 'x', depth: 1 });
    expect(artLength('kthreadd')).toBe(0);
    expect(artLength('  two leading blanks')).toBe(0);
    expect(artLength('│ x')).toBe(0);
  });
});

describe('positional cutting', () => {
  const header = readHeader(
    `        NS TYPE   NPROCS   PID USER  ${'COMMAND'.padEnd(26)} PATH`,
    false,
  )!;

  it('finds right- and left-aligned header words', () => {
    expect(header.map((c) => [c.name, c.start, c.end, c.right])).toEqual([
      ['NS', 8, 10, true],
      ['TYPE', 11, 15, false],
      ['NPROCS', 18, 24, true],
      ['PID', 27, 30, true],
      ['USER', 31, 35, false],
      ['COMMAND', 37, 44, false],
      ['PATH', 64, 68, false],
    ]);
    expect(readHeader('NSID NSTYPE', false)).toBeUndefined();
  });

  /** A row laid out under that header: NS, TYPE, NPROCS, PID, USER, COMMAND, PATH. */
  const row = (...c: string[]) =>
    [
      c[0]!.padStart(10),
      c[1]!.padEnd(6),
      c[2]!.padStart(6),
      c[3]!.padStart(5),
      c[4]!.padEnd(5),
      c[5]!.padEnd(26),
      c[6],
    ]
      .join(' ')
      .trimEnd();

  it('cuts numbers as numbers, keeps blanks inside COMMAND, and empties blank cells', () => {
    const line = row(
      '4026532179',
      'net',
      '6',
      '10382',
      'root',
      'unshare --net --fork sleep',
      '/proc/10382/ns/net',
    );
    expect(cutLine(line, header, 0)).toEqual([
      4026532179,
      'net',
      6,
      10382,
      'root',
      'unshare --net --fork sleep',
      '/proc/10382/ns/net',
    ]);
    expect(cutLine(row('4026532500', 'net', '0', '', 'root', '', ''), header, 0)).toEqual([
      4026532500,
      'net',
      0,
      '',
      'root',
      '',
      '',
    ]);
  });

  it('refuses lines that do not line up, and finds their shift', () => {
    const shifted = `  ${row('4026532179', 'net', '6', '10382', 'root', 'sleep', '')}`;
    expect(cutLine(shifted, header, 0)).toBeUndefined();
    expect(guessDelta(shifted, header)).toBe(2);
    expect(cutLine(shifted, header, 2)?.[5]).toBe('sleep');
  });

  it('recognises NSFS continuation lines', () => {
    const h = readHeader('        NS NSFS                      COMMAND', false)!;
    expect(continuation('           /run/netns/nsviztest-pod2 ', h)).toBe(
      '/run/netns/nsviztest-pod2',
    );
    expect(continuation('4026532179 /run/netns/a              x', h)).toBeUndefined();
  });
});

describe('token grammar', () => {
  it('settles empty cells by lsns semantics', () => {
    expect(matchTokens('4026532500 net 0 65535', DEFAULT_LIST)?.cells).toEqual([
      '4026532500',
      'net',
      '0',
      '',
      '65535',
      '',
    ]);
    expect(matchTokens('4026532001 net 2 4242 65535 /pause', DEFAULT_LIST)?.cells).toEqual([
      '4026532001',
      'net',
      '2',
      '4242',
      '65535',
      '/pause',
    ]);
    const net = matchTokens(
      '4026532001 net 2 4242 65535 0 /run/netns/cni-1 /pause x',
      DEFAULT_NET,
    )?.cells;
    expect(net).toEqual([
      '4026532001',
      'net',
      '2',
      '4242',
      '65535',
      '0',
      '/run/netns/cni-1',
      '/pause x',
    ]);
    // an empty NSFS: a COMMAND starting with `/` is not taken for a mount point
    expect(matchTokens('4026532001 net 2 4242 65535 0 /pause', DEFAULT_NET)?.cells?.[7]).toBe(
      '/pause',
    );
    expect(matchTokens('NSID NSTYPE NPROC', DEFAULT_PROCS)).toBeUndefined();
  });

  it('keeps `-T` art with its indentation when the left margin is known', () => {
    expect(
      matchTokens('  └─4026532610 user 2 3301 alice catatonit -P', DEFAULT_LIST, 0)?.cells?.[0],
    ).toBe('  └─4026532610');
  });
});

describe('cells, raw escapes, lines', () => {
  it('reads integers by hand', () => {
    expect(cellInt('4026531836')).toBe(4026531836);
    expect(cellInt(' 42 ')).toBe(42);
    expect(cellInt(7)).toBe(7);
    expect(cellInt('-1')).toBeUndefined();
    expect(cellInt('1e3')).toBeUndefined();
    expect(cellInt(1.5)).toBeUndefined();
  });

  it('decodes raw cells', () => {
    expect(unescapeCell('sleep\\x20infinity')).toBe('sleep infinity');
    expect(unescapeCell('\\xe2\\x94\\x94\\xe2\\x94\\x80sleep\\x201')).toBe('└─sleep 1');
    expect(unescapeCell('plain')).toBe('plain');
    expect(rawHeader('NS TYPE NPROCS PID USER COMMAND')).toEqual(DEFAULT_LIST);
    expect(rawHeader('        NS TYPE')).toBeUndefined();
  });

  it('walks lines across LF, CRLF and a BOM', () => {
    const seen: [string, number][] = [];
    forEachLine('\uFEFFa\r\nb\n\nc', (l, n) => void seen.push([l, n]));
    expect(seen).toEqual([
      ['a', 1],
      ['b', 2],
      ['', 3],
      ['c', 4],
    ]);
  });
});

describe('JSON scanning', () => {
  it('names the line of every row, nested ones too, and repairs a cut', () => {
    const text =
      '{"namespaces": [\n {"ns": 1, "children": [\n  {"ns": 2}\n ]},\n {"ns": 3, "x": [{"y": 1}]},\n {"ns": 4, "type": "ne';
    const scan = scanJson(text, 0);
    expect(scan.rowLines).toEqual([2, 3, 5, 6]);
    expect(JSON.parse(scan.repaired!)).toEqual({
      namespaces: [
        { ns: 1, children: [{ ns: 2 }] },
        { ns: 3, x: [{ y: 1 }] },
      ],
    });
    expect(scan.repairedLine).toBe(5);
  });
});

describe('version evidence', () => {
  it('states only the range the features prove', () => {
    const v = new VersionRange();
    expect(v.tool()).toBeUndefined();
    v.columns(['NS', 'NETNSID']);
    expect(v.tool()).toBe('util-linux ≥2.32');
    v.atMost('2.36');
    expect(v.tool()).toBe('util-linux 2.32–2.36');
    v.atLeast('2.38');
    expect(v.tool()).toBeUndefined(); // contradictory: hand-edited
  });
});

describe('detection and routing', () => {
  const score = (id: string, text: string) =>
    lsnsFormats.find((f) => f.id === id)!.detect(text, { source: 't' });
  const route = (id: string, ...argv: string[]) =>
    lsnsFormats.find((f) => f.id === id)!.forCommand!(argv);

  it('routes lsns command lines to their flavour', () => {
    expect(route('lsns-json', 'lsns', '-J', '-p', '2814')).toBe(0.95);
    expect(route('lsns-table', 'lsns', '-J')).toBe(0.05);
    expect(route('lsns-raw', 'lsns', '-rn')).toBe(0.95);
    expect(route('lsns-table', 'lsns', '4026532264')).toBe(0.95);
    expect(route('lsns-table', 'lsns', '--help')).toBe(0);
    expect(route('lsns-table', 'ps', '-ef')).toBe(0);
  });

  it('recognises each flavour from its head, and nothing else', () => {
    const table =
      '        NS TYPE   NPROCS   PID USER COMMAND\n4026531836 pid       85     1 root /sbin/init\n';
    expect(score('lsns-table', table)).toBeGreaterThan(0.9);
    expect(score('lsns-raw', table)).toBeLessThan(0.5);
    expect(score('lsns-json', '{"namespaces": [{"ns": 1}]}')).toBeGreaterThan(0.9);
    expect(
      score(
        'lsns-raw',
        'NS TYPE NPROCS PID USER COMMAND\n4026531836 pid 85 1 root /sbin/init\\x20splash\n',
      ),
    ).toBeGreaterThan(0.9);
    const ps =
      'UID        PID  PPID  C STIME TTY          TIME CMD\nroot         1     0  0 06:15 ?        00:00:01 /sbin/init\n';
    for (const f of lsnsFormats) expect(f.detect(ps, { source: 't' })).toBe(0);
    expect(score('lsns-table', '  PID  PPID USER COMMAND\n 2814  2790 root └─/pause\n')).toBe(0.9);
    expect(score('lsns-table', '  PID  PPID USER COMMAND\n 2814  2790 root /pause\n')).toBe(0.6);
  });

  it('looks at the head only: what follows the first lines does not change the score', () => {
    const head =
      '        NS TYPE NPROCS PID USER COMMAND\n' +
      '4026531836 pid 85 1 root /sbin/init\n'.repeat(200);
    // A tail that would lower the score if it were read (it is not lsns at all).
    const big = head + '{"not": "lsns"}\n'.repeat(500_000);
    for (const f of lsnsFormats) {
      expect(f.detect(big, { source: 't' })).toEqual(f.detect(head, { source: 't' }));
    }
  });
});
