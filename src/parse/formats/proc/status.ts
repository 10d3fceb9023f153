import { FragmentBuilder } from '../../fragment.ts';
import { splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { operands, programOf } from './argv.ts';
import { Complaints, finishParse } from './complaints.ts';
import { headLines, stripAnsi, tokens } from './lines.ts';
import { headBanner, splitGrepPrefix } from './prefixed.ts';
import { choosePid, parsePid, parseProcPath, parseUint, type ProcPath } from './procpath.ts';

const FORMAT = 'proc-status';
const EXPECTED = '`/proc/PID/status` lines (Key:<tab>value)';

/** The fields read; the other 50-odd keys of a full `cat /proc/PID/status` are skipped quietly. */
interface Fields {
  line: number;
  name?: string;
  pid?: number;
  ppid?: number;
  uid?: number;
  nsPid?: number;
}

/** `Key:\tvalue` → `['Key', 'value']`; keys are letters, digits and `_` only. */
export function splitStatusLine(line: string): [string, string] | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  for (let i = 0; i < colon; i++) {
    const c = line.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
    if (!ok) return undefined;
  }
  return [line.slice(0, colon), line.slice(colon + 1).trim()];
}

/**
 * Parses `grep -H -E '^(Name|PPid|Uid|NSpid|NStgid):' /proc/[0-9]*\/status` and a plain
 * `cat /proc/PID/status`. Name → `command` (the 15-character comm: the only name status has),
 * PPid → `ppid`, the real Uid → `uid`.
 *
 * NSpid (the PID as seen in each nested pid namespace) → `nsPid`, its last value: the PID inside
 * the process's own namespace, e.g. 1 for a container's init.
 *
 * `/proc/7/status:PPid:\t1` → PID 7 with ppid 1.
 */
export function parseStatus(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const complaints = new Complaints(b);
  const program = programOf(ctx.argv);
  const files = program ? operands(program.args).filter((a) => a.endsWith('/status')) : [];
  const argvPath = files.length === 1 ? parseProcPath(files[0] ?? '') : undefined;
  const named = new Map<string, { path: ProcPath; fields: Fields }>();
  let plain: Fields | undefined;
  let bannerPath: ProcPath | undefined;
  let recognized = 0;

  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = stripAnsi(lines[i] ?? '').trim();
    if (t === '') continue;
    const banner = headBanner(t);
    if (banner !== undefined) {
      bannerPath = banner;
      recognized++;
      continue;
    }
    if (t.startsWith('grep:') || t.startsWith('cat:') || t.startsWith('head:')) {
      b.warn(lineNo, `the command reported: ${t}`);
      recognized++;
      continue;
    }
    const prefixed = splitGrepPrefix(t, 'status');
    const kv = splitStatusLine(prefixed ? prefixed.body : t);
    if (kv === undefined) {
      complaints.error(lineNo, `expected ${EXPECTED}`, t);
      continue;
    }
    recognized++;
    let fields: Fields;
    const path = prefixed?.path ?? bannerPath;
    if (path !== undefined) {
      const key = String(path.pid);
      let slot = named.get(key);
      if (slot === undefined) {
        slot = { path, fields: { line: lineNo } };
        named.set(key, slot);
      }
      fields = slot.fields;
    } else {
      fields = plain ??= { line: lineNo };
    }
    readField(fields, kv[0], kv[1], lineNo, complaints);
  }

  for (const { path, fields } of named.values()) store(b, choosePid(path, ctx, false), fields);
  if (plain !== undefined) {
    // A plain `cat` names its process in the command line, else in its own Pid: line.
    let choice = choosePid(argvPath, ctx, false);
    if (argvPath === undefined && plain.pid !== undefined) {
      choice = choosePid({ pid: plain.pid, rest: 'status' }, ctx, false);
    }
    store(b, choice, plain);
  }
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

function readField(f: Fields, key: string, value: string, line: number, c: Complaints): void {
  switch (key) {
    case 'Name':
      f.name = value;
      return;
    case 'Pid':
    case 'PPid': {
      const n = key === 'PPid' ? parseUint(value) : parsePid(value);
      if (n === undefined) c.error(line, `expected a number after ${key}:`, value);
      else if (key === 'Pid') f.pid = n;
      else f.ppid = n;
      return;
    }
    case 'Uid': {
      // Real, effective, saved, filesystem: the real one is the owner.
      const uid = parseUint(tokens(value, 1)[0] ?? '');
      if (uid === undefined) c.error(line, 'expected four numbers after Uid:', value);
      else f.uid = uid;
      return;
    }
    case 'NSpid': {
      const last = parseUint(tokens(value, 64).pop() ?? '');
      if (last !== undefined) f.nsPid = last;
      return;
    }
    default:
      // NStgid and the rest are not needed.
      return;
  }
}

function store(b: FragmentBuilder, choice: { pid?: number; problem?: string }, f: Fields): void {
  if (choice.pid === undefined) {
    b.warn(f.line, `${choice.problem ?? 'the PID is unknown'}; its status is not recorded`);
    return;
  }
  const row = b.process(choice.pid);
  if (f.name !== undefined) row.command = f.name;
  if (f.ppid !== undefined) row.ppid = f.ppid;
  if (f.uid !== undefined) row.uid = f.uid;
  if (f.nsPid !== undefined) row.nsPid = f.nsPid;
}

/** Head lines are `Name:\t…`-style, optionally after `/proc/N/status:`. */
export function detectStatus(text: string): number {
  const lines = headLines(text, 12);
  let hits = 0;
  let known = 0;
  for (const l of lines) {
    const prefixed = splitGrepPrefix(l.trim(), 'status');
    const kv = splitStatusLine(prefixed ? prefixed.body : l.trim());
    if (kv === undefined) continue;
    hits++;
    if (['Name', 'Pid', 'PPid', 'Uid', 'NSpid', 'Tgid', 'Umask', 'State'].includes(kv[0])) known++;
  }
  if (known === 0) return 0;
  return hits === lines.length && known >= Math.min(2, lines.length) ? 0.9 : 0.3;
}

/** `['grep', '-H', '-E', '^(Name|PPid):', '/proc/[0-9]*\/status']` → 0.95. */
export function statusForCommand(argv: readonly string[]): number {
  const program = programOf(argv);
  if (program === undefined || !['cat', 'grep', 'head', 'tail', 'egrep'].includes(program.name))
    return 0;
  return program.args.some((a) => a.startsWith('/proc/') && a.endsWith('/status')) ? 0.95 : 0;
}

/** `/proc/PID/status`, single or `grep -H` over many: `proc-status`. */
export const statusFormat: FormatParser = {
  id: FORMAT,
  title: '/proc/PID/status',
  detect: (text) => detectStatus(text),
  parse: parseStatus,
  forCommand: statusForCommand,
};
