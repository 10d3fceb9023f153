/**
 * Reading the command line that printed an output: which program ran and which `/proc` paths
 * it was given. Transcripts hand us argv already stripped of `sudo` / `nsenter` / `kubectl exec`.
 */

/** Multiplexers whose first argument is the real program (`busybox ls -l`). */
const MULTICALL = new Set(['busybox', 'toybox']);

/** The last path component: `/usr/bin/ls` → `ls`. */
export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/**
 * The program an argv runs and its arguments, looking through busybox/toybox.
 * `programOf(['busybox', 'ls', '-l'])` → `{ name: 'ls', args: ['-l'], multicall: true }`.
 */
export function programOf(
  argv: readonly string[] | undefined,
): { name: string; args: readonly string[]; multicall: boolean } | undefined {
  if (!argv || argv.length === 0) return undefined;
  const first = basename(argv[0] ?? '');
  if (MULTICALL.has(first) && argv.length > 1) {
    return { name: basename(argv[1] ?? ''), args: argv.slice(2), multicall: true };
  }
  return { name: first, args: argv.slice(1), multicall: false };
}

/** The arguments that are not options (do not start with `-`). */
export function operands(args: readonly string[]): string[] {
  const out: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (!optionsDone && a === '--') optionsDone = true;
    else if (optionsDone || !a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

/** True when an option spelled `short` (one letter, inside a cluster) or `long` is present. */
export function hasFlag(args: readonly string[], short: string, long?: string): boolean {
  for (const a of args) {
    if (long !== undefined && (a === long || a.startsWith(`${long}=`))) return true;
    if (a.length > 1 && a[0] === '-' && a[1] !== '-' && a.includes(short)) return true;
  }
  return false;
}

/** True when a path argument still holds shell glob characters (the shell did not expand it). */
export function isGlob(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}
