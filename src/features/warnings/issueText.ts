/**
 * Parse issues (src/parse) carry a file, a line and an English sentence, and no code: the
 * parser is shared with the CLI, whose output is English. To show them in the UI's language,
 * this reads the sentence back into a code and its parts (file names, commands, excerpts of
 * the input), the way `fetchFailure` reads fetch errors. A sentence it does not know stays as
 * it is, in English; the parts inside a known one (what a format expects, what the input
 * held, a command's own error) are not translated either, since they are input or syntax.
 *
 * Only the common shapes are listed: refusals of a whole input, the "expected …, found …"
 * family, commands that reported an error, and the warnings the bundled captures give.
 */
export type IssueCode =
  | { code: 'empty' }
  | { code: 'empty-expected'; what: string }
  | { code: 'binary' }
  | { code: 'too-large'; size: string; limit: string }
  | { code: 'unknown-format'; formats: string; guess?: string; confidence?: string }
  | { code: 'invalid-json'; detail: string }
  | { code: 'unreadable'; as: string; detail: string }
  | { code: 'internal'; format: string; detail: string }
  | { code: 'reported'; tool: string | undefined; text: string }
  | { code: 'more-lines'; count: string }
  | { code: 'no-header'; columns: string }
  | { code: 'no-rows'; what: string }
  | { code: 'two-namespaces'; pid: string; type: string; kept: string; other: string }
  | { code: 'inside-wrapper'; subject: WrapperSubject; how: string; target: string }
  | { code: 'pid-unknown'; why: 'no-path' | 'self' | undefined }
  | { code: 'no-node'; count: string; nodes: string }
  | { code: 'not-bundled' }
  | { code: 'expected'; at: string | undefined; what: string; found: string | undefined }
  /** A problem and what was done about it: `…; namespaces kept without a process`. */
  | { code: 'then'; problem: ReadIssue; outcome: Outcome }
  /** `skipped: …`: a file found in a folder, in no format nsviz reads. */
  | { code: 'skipped'; problem: ReadIssue }
  | { code: 'other' };

export type WrapperSubject = { processes: string } | { pid: string };
export type Outcome = 'kept-without-process' | 'status-not-recorded' | 'cgroup-not-recorded';

/** An issue's message read back: its code and parts, and the English sentence itself. */
export type ReadIssue = IssueCode & { message: string };

const OUTCOMES: readonly [string, Outcome][] = [
  ['; namespaces kept without a process', 'kept-without-process'],
  ['; its status is not recorded', 'status-not-recorded'],
  ['; its cgroup is not recorded', 'cgroup-not-recorded'],
];

const WRAPPER = String.raw`read inside (kubectl exec|crictl exec|docker exec|podman exec|nsenter -t) (.+?), where /proc may show another pid namespace`;

/** Each shape, tried in order: the specific ones before the `expected …` catch-all. */
const RULES: readonly [RegExp, (m: string[]) => IssueCode][] = [
  [/^the input is empty; expected /, () => ({ code: 'empty' })],
  [/^empty input: expected (.+)$/, (m) => ({ code: 'empty-expected', what: m[1]! })],
  [/^this looks like a binary file/, () => ({ code: 'binary' })],
  [
    /^input is (\d+ MB); the limit is (\d+ MB)$/,
    (m) => ({ code: 'too-large', size: m[1]!, limit: m[2]! }),
  ],
  [
    /^unknown format: expected one of: (.+?)(?:; closest guess: (.+) \(confidence ([\d.]+)\))?$/,
    (m) => {
      const out: IssueCode = { code: 'unknown-format', formats: m[1]! };
      if (m[2] !== undefined) out.guess = m[2];
      if (m[3] !== undefined) out.confidence = m[3];
      return out;
    },
  ],
  [/^invalid JSON: (.+)$/, (m) => ({ code: 'invalid-json', detail: m[1]! })],
  [
    /^could not read this document as (.+?): (.+)$/,
    (m) => ({ code: 'unreadable', as: m[1]!, detail: m[2]! }),
  ],
  [
    /^internal error while reading this input as (\S+): (.+) \(please report it with the input\)$/,
    (m) => ({ code: 'internal', format: m[1]!, detail: m[2]! }),
  ],
  [
    /^(lsns|ps|ls|stat|readlink|ip|the command) reported: (.+)$/,
    (m) => ({ code: 'reported', tool: m[1] === 'the command' ? undefined : m[1], text: m[2]! }),
  ],
  [/^(\d+) more lines were not understood either$/, (m) => ({ code: 'more-lines', count: m[1]! })],
  [
    /^no (?:raw )?header line; read the rows as the columns (.+)$/,
    (m) => ({ code: 'no-header', columns: m[1]! }),
  ],
  [/^no (lsns) rows found$/, (m) => ({ code: 'no-rows', what: m[1]! })],
  [
    /^PID (\d+) is listed in two (\w+) namespaces \((\d+) and (\d+)\); keeping \d+$/,
    (m) => ({ code: 'two-namespaces', pid: m[1]!, type: m[2]!, kept: m[3]!, other: m[4]! }),
  ],
  [
    new RegExp(String.raw`^the (\d+) processes were ${WRAPPER}: not recorded as node processes$`),
    (m) => ({ code: 'inside-wrapper', subject: { processes: m[1]! }, how: m[2]!, target: m[3]! }),
  ],
  [
    new RegExp(String.raw`^PID (\d+) was ${WRAPPER}: not a node PID$`),
    (m) => ({ code: 'inside-wrapper', subject: { pid: m[1]! }, how: m[2]!, target: m[3]! }),
  ],
  [
    /^the PID is unknown(?: \((no \/proc\/PID path)[^)]*\))?$/,
    (m) => ({ code: 'pid-unknown', why: m[1] ? 'no-path' : undefined }),
  ],
  [
    /^the output describes \/proc\/self of an unknown process$/,
    () => ({ code: 'pid-unknown', why: 'self' }),
  ],
  [
    /^this input names no node, and the other inputs come from (\d+) nodes \((.+)\): say which with --node NAME$/,
    (m) => ({ code: 'no-node', count: m[1]!, nodes: m[2]! }),
  ],
  [/^listed in the manifest but not bundled$/, () => ({ code: 'not-bundled' })],
  [
    /^(?:([^\s:][^:]*?): )?expected (.+?)(?:, (?:found|got) (.+))?$/s,
    (m) => ({ code: 'expected', at: m[1], what: m[2]!, found: m[3] }),
  ],
];

/**
 * `readIssue('expected 6 columns, found "x"')` →
 * `{ code: 'expected', at: undefined, what: '6 columns', found: '"x"', message: … }`.
 */
export function readIssue(message: string): ReadIssue {
  return { ...codeOf(message), message };
}

function codeOf(message: string): IssueCode {
  if (message.startsWith('skipped: '))
    return { code: 'skipped', problem: readIssue(message.slice('skipped: '.length)) };
  for (const [suffix, outcome] of OUTCOMES) {
    if (message.endsWith(suffix) && message.length > suffix.length)
      return { code: 'then', problem: readIssue(message.slice(0, -suffix.length)), outcome };
  }
  for (const [re, read] of RULES) {
    const m = re.exec(message);
    if (m) return read([...m] as string[]);
  }
  return { code: 'other' };
}
