/**
 * Reading a runtime command line well enough to route its output: which tool, which
 * subcommand, which output format. Global flags may come before the subcommand
 * (`crictl -r unix:///run/containerd/containerd.sock ps`), so their values are skipped.
 */

/** Global flags that take a value, per tool (long and short spellings). */
const VALUE_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = {
  crictl: new Set([
    '-r',
    '--runtime-endpoint',
    '-i',
    '--image-endpoint',
    '-t',
    '--timeout',
    '-c',
    '--config',
  ]),
  podman: new Set([
    '--root',
    '--runroot',
    '--log-level',
    '--url',
    '-c',
    '--connection',
    '--identity',
    '--storage-driver',
    '--storage-opt',
    '--cgroup-manager',
    '--runtime',
    '--tmpdir',
    '--events-backend',
    '--conmon',
    '--network-cmd-path',
    '--hooks-dir',
    '--module',
    '--db-backend',
    '--imagestore',
    '--volumepath',
    '--ssh',
  ]),
  docker: new Set([
    '-H',
    '--host',
    '-c',
    '--context',
    '--config',
    '-l',
    '--log-level',
    '--tlscacert',
    '--tlscert',
    '--tlskey',
  ]),
};

/** Subcommand-level flags that take a value and could otherwise be read as a subcommand word. */
const SUB_VALUE_FLAGS = new Set([
  '-o',
  '--output',
  '-f',
  '--format',
  '--filter',
  '--name',
  '--pod',
  '--label',
  '--state',
  '--image',
  '-n',
  '--last',
  '--id',
  '--namespace',
  '--type',
  '-t',
]);

export interface Command {
  /** Basename of argv[0], e.g. `crictl`. */
  tool: string;
  /** Positional words after the tool, e.g. `['pod', 'inspect', 'web']`. */
  words: string[];
  /** Every flag with its value, e.g. `{ '-o': 'json', '--ns': '' }` (last one wins). */
  flags: Map<string, string>;
}

/**
 * Splits argv into tool, positional words and flags.
 * `readCommand(['crictl','-r','x','ps','-o','json'])` → `{tool:'crictl', words:['ps'], flags:{-r:x, -o:json}}`.
 */
export function readCommand(argv: readonly string[]): Command {
  const tool = (argv[0] ?? '').split('/').pop() ?? '';
  const words: string[] = [];
  const flags = new Map<string, string>();
  const global = VALUE_FLAGS[tool] ?? new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('-') && a.length > 1) {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 2) {
        flags.set(a.slice(0, eq), a.slice(eq + 1));
      } else if (!a.startsWith('--') && a.length > 2 && /^-[ofn]/.test(a)) {
        // Go's flag packages accept `-ojson`.
        flags.set(a.slice(0, 2), a.slice(2).replace(/^=/, ''));
      } else if ((words.length === 0 ? global : SUB_VALUE_FLAGS).has(a) && i + 1 < argv.length) {
        flags.set(a, argv[++i] ?? '');
      } else {
        flags.set(a, '');
      }
    } else {
      words.push(a);
    }
  }
  return { tool, words, flags };
}

/**
 * The requested output format (`-o`, `--output`, `--format`), lower-cased; '' when absent.
 * `outputFormat(readCommand(['crictl','ps','-o','JSON']))` → `'json'`.
 */
export function outputFormat(cmd: Command): string {
  const v =
    cmd.flags.get('-o') ??
    cmd.flags.get('--output') ??
    cmd.flags.get('--format') ??
    cmd.flags.get('-f');
  return (v ?? '').trim().toLowerCase();
}

/** Whether `cmd` asked for JSON: `-o json`, `--format json`, `--format '{{json .}}'`. */
export function wantsJson(cmd: Command): boolean {
  const f = outputFormat(cmd);
  return f === 'json' || /^\{\{\s*json\s+\.\s*\}\}$/.test(f);
}

/**
 * True when `cmd` is `tool` followed by one of the `subs` word sequences.
 * `isSub(readCommand(['podman','pod','inspect','p']), 'podman', ['pod','inspect'])` → `true`.
 */
export function isSub(
  cmd: Command,
  tool: string | readonly string[],
  ...subs: readonly string[][]
): boolean {
  const tools = typeof tool === 'string' ? [tool] : tool;
  if (!tools.includes(cmd.tool)) return false;
  return subs.some((s) => s.every((w, i) => cmd.words[i] === w));
}
