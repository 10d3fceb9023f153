import type { NsType } from '../../../protocol/snapshot.ts';
import { toNsType } from '../../nstype.ts';
import { toInt } from '../../text.ts';
import {
  DEFAULT_LIST,
  DEFAULT_NET,
  DEFAULT_PROCS,
  COLUMN_NAMES,
  isColumnName,
  type ColumnName,
} from './columns.ts';

export type TreeKind = 'process' | 'owner' | 'parent';

/** What an lsns command line asked for (getopt string `JlPp:o:nruhVt:T::WQ:H` of 2.41). */
export interface LsnsArgs {
  json: boolean;
  raw: boolean;
  /** `-l`: no default process tree. */
  list: boolean;
  noHeadings: boolean;
  noWrap: boolean;
  outputAll: boolean;
  /** The last `-o` argument as given (`+PATH`, `ns,type`). */
  output?: string;
  /** `-p/--task PID`. */
  pid?: number;
  /** `-t TYPE` filters, in order. */
  types: NsType[];
  /** `lsns <inode>`: the namespace whose processes are listed. */
  inode?: number;
  /** `-T[rel]` / `--tree[=rel]`. */
  tree?: TreeKind;
  /** `-h`, `-V` or `-H`: the output is not a table of namespaces at all. */
  info: boolean;
}

const LONG: Readonly<Record<string, { short: string; arg: 'none' | 'required' | 'optional' }>> = {
  json: { short: 'J', arg: 'none' },
  task: { short: 'p', arg: 'required' },
  help: { short: 'h', arg: 'none' },
  output: { short: 'o', arg: 'required' },
  // no short form in lsns; `A` is only this table's name for it
  'output-all': { short: 'A', arg: 'none' },
  persistent: { short: 'P', arg: 'none' },
  filter: { short: 'Q', arg: 'required' },
  notruncate: { short: 'u', arg: 'none' },
  version: { short: 'V', arg: 'none' },
  noheadings: { short: 'n', arg: 'none' },
  nowrap: { short: 'W', arg: 'none' },
  list: { short: 'l', arg: 'none' },
  raw: { short: 'r', arg: 'none' },
  type: { short: 't', arg: 'required' },
  tree: { short: 'T', arg: 'optional' },
  'list-columns': { short: 'H', arg: 'none' },
};
const SHORT_WITH_ARG = new Set(['p', 'o', 't', 'Q']);

/** True when argv runs lsns (`lsns`, `/usr/bin/lsns`, after `VAR=value` prefixes). */
export function isLsnsCommand(argv: readonly string[] | undefined): boolean {
  if (!argv) return false;
  const cmd = argv.find((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
  return cmd !== undefined && /(^|\/)lsns$/.test(cmd);
}

/** getopt_long accepts any unambiguous prefix of a long option. */
function longOption(
  name: string,
): { short: string; arg: 'none' | 'required' | 'optional' } | undefined {
  const exact = LONG[name];
  if (exact) return exact;
  const hits = Object.keys(LONG).filter((k) => k.startsWith(name));
  return hits.length === 1 ? LONG[hits[0]!] : undefined;
}

/**
 * Reads an lsns command line like getopt_long does. Unknown options are ignored.
 * `parseLsnsArgs(['lsns', '-Jp', '42'])` → `{ json: true, pid: 42, … }`;
 * `parseLsnsArgs(['lsns', '4026532264'])` → `{ inode: 4026532264, … }`.
 */
export function parseLsnsArgs(argv: readonly string[] | undefined): LsnsArgs {
  const args: LsnsArgs = {
    json: false,
    raw: false,
    list: false,
    noHeadings: false,
    noWrap: false,
    outputAll: false,
    types: [],
    info: false,
  };
  if (!argv || !isLsnsCommand(argv)) return args;
  const start = argv.findIndex((a) => /(^|\/)lsns$/.test(a)) + 1;
  let onlyPositional = false;
  const apply = (opt: string, value: string | undefined): void => {
    switch (opt) {
      case 'J':
        args.json = true;
        break;
      case 'r':
        args.raw = true;
        args.noWrap = true;
        break;
      case 'l':
        args.list = true;
        break;
      case 'n':
        args.noHeadings = true;
        break;
      case 'W':
        args.noWrap = true;
        break;
      case 'A':
        args.outputAll = true;
        break;
      case 'o':
        if (value !== undefined) args.output = value;
        break;
      case 'p': {
        const pid = toInt(value);
        if (pid !== undefined) args.pid = pid;
        break;
      }
      case 't': {
        const t = value === undefined ? undefined : toNsType(value);
        if (t) args.types.push(t);
        break;
      }
      case 'T': {
        const rel = (value ?? 'owner').replace(/^=/, '');
        if (rel === 'owner' || rel === 'parent' || rel === 'process') args.tree = rel;
        break;
      }
      case 'h':
      case 'V':
      case 'H':
        args.info = true;
        break;
    }
  };
  for (let i = start; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyPositional || !a.startsWith('-') || a === '-') {
      if (args.inode === undefined) {
        const inode = toInt(a);
        if (inode !== undefined) args.inode = inode;
      }
      continue;
    }
    if (a === '--') {
      onlyPositional = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const opt = longOption(name);
      if (!opt) continue;
      let value = eq < 0 ? undefined : a.slice(eq + 1);
      if (opt.arg === 'required' && value === undefined) value = argv[++i];
      apply(opt.short, opt.arg === 'none' ? undefined : value);
      continue;
    }
    // A cluster of short options: -Jl, -p42, -Towner, -oNS,TYPE
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (SHORT_WITH_ARG.has(c)) {
        const rest = a.slice(j + 1);
        apply(c, rest !== '' ? rest : argv[++i]);
        break;
      }
      if (c === 'T') {
        // optional argument: only when attached (`-Towner`); `-T owner` is -T plus a namespace
        const rest = a.slice(j + 1);
        apply('T', rest !== '' ? rest : undefined);
        break;
      }
      apply(c, undefined);
    }
  }
  return args;
}

/**
 * The columns lsns prints for these arguments, in order (`main()` of lsns.c), or undefined when
 * `-o` names a column this parser does not know.
 * `expectedColumns(parseLsnsArgs(['lsns', '-o', '+PATH']))` → `[NS TYPE NPROCS PID USER COMMAND PATH]`.
 */
export function expectedColumns(args: LsnsArgs): ColumnName[] | undefined {
  let base: readonly ColumnName[];
  if (args.outputAll) base = COLUMN_NAMES;
  else if (args.inode !== undefined) base = DEFAULT_PROCS;
  else if (args.types.includes('net')) base = DEFAULT_NET;
  else base = DEFAULT_LIST;
  if (args.output === undefined) return [...base];
  const append = args.output.startsWith('+');
  const names = (append ? args.output.slice(1) : args.output)
    .split(',')
    .map((s) => s.trim().toUpperCase());
  if (!names.every(isColumnName)) return undefined;
  return append ? [...base, ...names] : names;
}
