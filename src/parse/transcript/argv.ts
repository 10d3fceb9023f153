/**
 * Splits a shell command line into words the way sh would for simple commands: quotes,
 * backslash escapes, and stops at an unquoted `|`, `;`, `&&`, `||`, `>` or `<` (the rest is
 * another command or a redirect). `splitCommand("lsns -o 'NS,TYPE' | grep net")` →
 * `{ argv: ['lsns', '-o', 'NS,TYPE'], piped: true }`.
 */
export function splitCommand(line: string): { argv: string[]; piped: boolean; end: number } {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (
        ch === '\\' &&
        quote === '"' &&
        i + 1 < line.length &&
        '"\\$`'.includes(line[i + 1]!)
      )
        word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else if (ch === '|' || ch === ';' || ch === '&' || ch === '>' || ch === '<') {
      if (ch === '>' && /^\d$/.test(word) && inWord) {
        word = '';
        inWord = false;
      }
      if (inWord) argv.push(word);
      return { argv, piped: ch === '|' || ch === '&' || ch === ';', end: i };
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) argv.push(word);
  return { argv, piped: false, end: line.length };
}

/**
 * The argv whose output a pipeline prints. Usually the first command (`lsns -J | jq .` is
 * still lsns JSON), but `printf '%s\n' /proc/[0-9]*\/ns/* | xargs stat -L -c '%n %i'` prints
 * stat's output: the xargs command gets the first command's arguments.
 */
export function outputArgv(line: string): { argv: string[]; piped: boolean } {
  const first = splitCommand(line);
  if (!first.piped || line[first.end] !== '|') return { argv: first.argv, piped: first.piped };
  const second = splitCommand(line.slice(first.end + 1));
  if (baseName(second.argv[0] ?? '') !== 'xargs') return { argv: first.argv, piped: true };
  let i = 1;
  while (i < second.argv.length && second.argv[i]!.startsWith('-')) {
    if (['-n', '-P', '-I', '-d', '-L', '-s', '-a', '-E'].includes(second.argv[i]!)) i++;
    i++;
  }
  const feed = first.argv.slice(1).filter((a) => !a.includes('%'));
  return { argv: [...second.argv.slice(i), ...feed], piped: false };
}

export interface Unwrapped {
  argv: string[];
  via?: { tool: 'kubectl' | 'crictl' | 'docker' | 'podman' | 'nsenter'; target: string };
  /** `nsenter -t PID`: the process whose namespaces the command ran in. */
  pid?: number;
}

const KUBECTL_VALUE_FLAGS = new Set([
  '-c',
  '--container',
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-f',
  '--filename',
  '--pod-running-timeout',
]);
const NSENTER_VALUE_FLAGS = new Set([
  '-t',
  '--target',
  '-S',
  '--setuid',
  '-G',
  '--setgid',
  '-r',
  '--root',
  '-w',
  '--wd',
  '--env',
]);

/**
 * Removes `sudo`, `env`, `time`, `kubectl exec … --`, `crictl|docker|podman exec …` and
 * `nsenter …` wrappers and says what the command ran in.
 * `unwrap(['nsenter','-t','2814','-n','ip','addr'])` → `{ argv: ['ip','addr'], pid: 2814, via: … }`.
 */
export function unwrap(input: readonly string[]): Unwrapped {
  let argv = [...input];
  const out: Unwrapped = { argv };
  for (let guard = 0; guard < 8 && argv.length > 0; guard++) {
    const cmd = baseName(argv[0]!);
    if (cmd === 'sudo' || cmd === 'time' || cmd === 'env' || cmd === 'command' || cmd === 'exec') {
      let i = 1;
      while (
        i < argv.length &&
        (argv[i]!.startsWith('-') || (cmd === 'env' && argv[i]!.includes('=')))
      ) {
        if (cmd === 'sudo' && ['-u', '-g', '-C', '-h', '-p'].includes(argv[i]!)) i++;
        i++;
      }
      argv = argv.slice(i);
    } else if (cmd === 'kubectl' || cmd === 'oc') {
      const dd = argv.indexOf('--');
      if (!argv.includes('exec') || dd < 0) break;
      const head = argv.slice(1, dd);
      let target = '';
      let container = '';
      for (let i = 0; i < head.length; i++) {
        const a = head[i]!;
        if (a === '-c' || a === '--container') container = head[i + 1] ?? '';
        if (KUBECTL_VALUE_FLAGS.has(a)) i++;
        else if (!a.startsWith('-') && a !== 'exec' && !target) target = a;
      }
      out.via = {
        tool: 'kubectl',
        target: container
          ? `${target.replace(/^pods?\//, '')}/${container}`
          : target.replace(/^pods?\//, ''),
      };
      argv = argv.slice(dd + 1);
    } else if ((cmd === 'crictl' || cmd === 'docker' || cmd === 'podman') && argv[1] === 'exec') {
      let i = 2;
      while (i < argv.length && argv[i]!.startsWith('-')) {
        if (['-u', '--user', '-e', '--env', '-w', '--workdir', '--timeout'].includes(argv[i]!)) i++;
        i++;
      }
      out.via = { tool: cmd, target: argv[i] ?? '' };
      argv = argv.slice(i + 1);
    } else if (cmd === 'nsenter') {
      let i = 1;
      for (; i < argv.length; i++) {
        const a = argv[i]!;
        if (a === '--') {
          i++;
          break;
        }
        if (!a.startsWith('-')) break;
        const m = /^(?:-t|--target)(?:=?(\d+))?$/.exec(a);
        if (m) {
          const v = m[1] ?? argv[i + 1];
          if (m[1] === undefined) i++;
          if (v !== undefined && /^\d+$/.test(v)) out.pid = Number(v);
        } else if (/^-t\d+$/.test(a)) out.pid = Number(a.slice(2));
        else if (NSENTER_VALUE_FLAGS.has(a)) i++;
      }
      if (out.pid !== undefined) out.via = { tool: 'nsenter', target: String(out.pid) };
      argv = argv.slice(i);
    } else break;
  }
  out.argv = argv;
  return out;
}

export function baseName(cmd: string): string {
  const i = cmd.lastIndexOf('/');
  return i >= 0 ? cmd.slice(i + 1) : cmd;
}
