import type { NsType } from '../../../protocol/snapshot.ts';
import { tokens } from './lines.ts';

/** What a `ps` column holds, as far as the snapshot cares. */
export interface Column {
  kind: 'pid' | 'ppid' | 'user' | 'uid' | 'args' | 'comm' | 'ns' | 'other';
  ns?: NsType;
  /** Blank-separated words in every cell (`lstart` prints five). */
  words: number;
}

const col = (kind: Column['kind'], words = 1): Column => ({ kind, words });
const nsCol = (ns: NsType): Column => ({ kind: 'ns', ns, words: 1 });

const NS_COLUMNS: Readonly<Record<string, NsType>> = {
  pidns: 'pid',
  netns: 'net',
  ipcns: 'ipc',
  utsns: 'uts',
  mntns: 'mnt',
  userns: 'user',
  cgroupns: 'cgroup',
  timens: 'time',
};

/**
 * Header names as procps-ng and busybox print them. `UID` of `ps -ef` holds user names but
 * `ps -o uid` numbers, so both map to `user`, which stores digits as a uid. `COMMAND` is printed
 * for both `comm` and `args`; without `-o` on the command line it is taken as `args`.
 */
const BY_HEADER: Readonly<Record<string, Column>> = {
  PID: col('pid'),
  TGID: col('pid'),
  PPID: col('ppid'),
  UID: col('user'),
  EUID: col('user'),
  USER: col('user'),
  EUSER: col('user'),
  CMD: col('args'),
  COMMAND: col('args'),
  ARGS: col('args'),
  ...Object.fromEntries(Object.entries(NS_COLUMNS).map(([k, v]) => [k.toUpperCase(), nsCol(v)])),
};

/** `-o` format specifiers (procps names and aliases). */
const BY_SPEC: Readonly<Record<string, Column>> = {
  pid: col('pid'),
  tgid: col('pid'),
  ppid: col('ppid'),
  uid: col('uid'),
  euid: col('uid'),
  user: col('user'),
  euser: col('user'),
  uname: col('user'),
  comm: col('comm'),
  ucmd: col('comm'),
  ucomm: col('comm'),
  args: col('args'),
  cmd: col('args'),
  command: col('args'),
  lstart: col('other', 5),
  ...Object.fromEntries(Object.entries(NS_COLUMNS).map(([k, v]) => [k, nsCol(v)])),
};

/** Letters that take a value, dash style (`-p 1`, `-u root`, `-o pid`) and BSD style (`p 1`, `U root`). */
const DASH_WITH_VALUE = 'CGgopqstUuO';
const BSD_WITH_VALUE = 'opqtUOk';
/** Long options that take the next argument as their value. */
const LONG_WITH_VALUE = new Set([
  '--pid',
  '--ppid',
  '--user',
  '--User',
  '--group',
  '--Group',
  '--sid',
  '--tty',
  '--sort',
  '--cols',
  '--columns',
  '--width',
  '--rows',
  '--lines',
  '--quick-pid',
]);

/** Columns named by a header line: `'  PID COMMAND'` → pid, args. */
export function columnsFromHeader(header: string): Column[] {
  return tokens(header).map((name) => BY_HEADER[name.toUpperCase()] ?? col('other'));
}

/** The `-o` lists of a ps command line and whether a header line is printed. */
export interface OutputSpec {
  columns: Column[];
  /** False when every column was renamed to nothing (`-o pid=,comm=`): no header line. */
  header: boolean;
}

/**
 * Reads `-o LIST`, `-oLIST`, `-eo LIST`, `o LIST` (BSD), `axo LIST`, `--format LIST`.
 * A `name=Header` item takes the rest of its argument as the header, as procps does.
 * `outputSpec(['-eo', 'pid,comm,args'])` → pid, comm, args with a header.
 */
export function outputSpec(args: readonly string[]): OutputSpec | undefined {
  const lists: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--format') {
      if (args[i + 1] !== undefined) lists.push(args[++i] ?? '');
      continue;
    }
    if (a.startsWith('--format=')) lists.push(a.slice(9));
    if (a.startsWith('--')) {
      if (!a.includes('=') && LONG_WITH_VALUE.has(a)) i++;
      continue;
    }
    // A cluster of short options, dash or BSD style (`-eo`, `axo`): the first letter that takes
    // a value ends it, and the value is the rest of the cluster or the next argument.
    const dash = a.startsWith('-');
    const body = dash ? a.slice(1) : a;
    const withValue = dash ? DASH_WITH_VALUE : BSD_WITH_VALUE;
    for (let k = 0; k < body.length; k++) {
      const letter = body[k] ?? '';
      if (!/[a-zA-Z]/.test(letter)) break;
      if (letter === 'O') return undefined; // default columns plus more: read the header instead
      if (!withValue.includes(letter)) continue;
      const value = k === body.length - 1 ? args[++i] : body.slice(k + 1);
      if (letter === 'o' && value !== undefined) lists.push(value);
      break;
    }
  }
  if (lists.length === 0) return undefined;
  const columns: Column[] = [];
  let header = false;
  for (const list of lists) {
    const eq = list.indexOf('=');
    const names = (eq < 0 ? list : list.slice(0, eq)).split(/[ ,]+/).filter((s) => s !== '');
    names.forEach((name, i) => {
      columns.push(BY_SPEC[name.toLowerCase()] ?? col('other'));
      // Only the last item of a list can carry `=Header`.
      const renamed = eq >= 0 && i === names.length - 1;
      if (!renamed || list.slice(eq + 1) !== '') header = true;
    });
  }
  return columns.length > 0 ? { columns, header } : undefined;
}

/**
 * Index of the column whose cells may contain blanks and therefore takes what the others leave:
 * the first `args`, else a `comm` in last place (comm may hold blanks too). -1 when none.
 */
export function restColumn(columns: readonly Column[]): number {
  const args = columns.findIndex((c) => c.kind === 'args');
  if (args >= 0) return args;
  const last = columns.length - 1;
  return last >= 0 && columns[last]?.kind === 'comm' ? last : -1;
}

/**
 * The header procps prints for a command line without `-o`, for output whose header was cut
 * off (`ps -ef | grep nginx`). `defaultHeader(['-ef'])` → `'UID PID PPID C STIME TTY TIME CMD'`.
 */
export function defaultHeader(args: readonly string[]): string {
  let dash = '';
  let bsd = '';
  for (const a of args) {
    if (a.startsWith('--')) continue;
    if (a.startsWith('-')) dash += a.slice(1);
    else if (/^[a-zA-Z]+$/.test(a)) bsd += a;
  }
  if (bsd.includes('u')) return 'USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND';
  if (dash.includes('F')) return 'UID PID PPID C SZ RSS PSR STIME TTY TIME CMD';
  if (dash.includes('l')) return 'F S UID PID PPID C PRI NI ADDR SZ WCHAN TTY TIME CMD';
  if (dash.includes('f')) return 'UID PID PPID C STIME TTY TIME CMD';
  if (bsd.includes('x') || bsd.includes('a')) return 'PID TTY STAT TIME COMMAND';
  return 'PID TTY TIME CMD';
}
