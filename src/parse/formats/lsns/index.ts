import { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { parseLsnsArgs, type LsnsArgs } from './argv.ts';
import { commandScore, detectJson, detectRaw, detectTable } from './detect.ts';
import { readJson } from './json.ts';
import { readRaw } from './raw.ts';
import { Recorder } from './record.ts';
import { readTable } from './table.ts';
import { VersionRange } from './version.ts';

type Reader = (
  text: string,
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
  version: VersionRange,
  sink: Recorder,
) => void;

/** Detection must never throw either; a failing recogniser simply does not recognise. */
function safe(detect: (text: string) => number): (text: string) => number {
  return (text) => {
    try {
      return typeof text === 'string' ? detect(text) : 0;
    } catch {
      return 0;
    }
  };
}

/**
 * Runs one reader and records its rows. Never throws: a bug in a reader becomes an issue
 * rather than a crash of the whole import.
 */
function run(id: string, read: Reader, text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, id);
  try {
    const args = parseLsnsArgs(ctx.argv);
    if (args.info) {
      b.error(
        1,
        'this is the output of `lsns --help`, `--version` or `--list-columns`, not of namespaces',
      );
    } else if (text.trim() === '') {
      b.error(1, 'empty input: expected lsns output');
    } else {
      const version = new VersionRange();
      const sink = new Recorder(b, args, ctx);
      read(text, args, ctx, b, version, sink);
      sink.finish();
      // tree art in a namespace list (process tree or `-T`) arrived with 2.38
      if (sink.art) version.atLeast('2.38');
      if (sink.rows === 0 && !b.issues.some((i) => i.level === 'error'))
        b.error(1, 'no lsns rows found');
      b.tool = version.tool();
    }
  } catch (e) {
    b.error(
      undefined,
      `lsns output could not be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return b.result();
}

/**
 * `lsns` tables: default (2.38+ process tree), `-l`, `-n`, `-o`, `--output-all`, `-T`,
 * `lsns <inode>`, terminal captures, util-linux 2.23 to 2.42 and the uutils rewrite.
 */
export const lsnsTable: FormatParser = {
  id: 'lsns-table',
  title: 'lsns table output',
  detect: safe(detectTable),
  parse: (text, ctx) =>
    run('lsns-table', (t, a, _c, b, v, s) => readTable(t, a, b, v, s), text, ctx),
  forCommand: (argv) => commandScore(argv, 'table'),
};

/** `lsns -r`: single-space cells with `\xHH` escapes. */
export const lsnsRaw: FormatParser = {
  id: 'lsns-raw',
  title: 'lsns raw output (-r)',
  detect: safe(detectRaw),
  parse: (text, ctx) => run('lsns-raw', (t, a, _c, b, v, s) => readRaw(t, a, b, v, s), text, ctx),
  forCommand: (argv) => commandScore(argv, 'raw'),
};

/** `lsns -J`, every version's JSON, nested `children` included. */
export const lsnsJson: FormatParser = {
  id: 'lsns-json',
  title: 'lsns JSON output (-J)',
  detect: safe(detectJson),
  parse: (text, ctx) => run('lsns-json', readJson, text, ctx),
  forCommand: (argv) => commandScore(argv, 'json'),
};

export const lsnsFormats: readonly FormatParser[] = [lsnsTable, lsnsRaw, lsnsJson];
