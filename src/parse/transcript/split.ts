import { baseName, outputArgv, unwrap, type Unwrapped } from './argv.ts';
import { matchPrompt } from './prompt.ts';

/** One command of a pasted session and the lines it printed. */
export interface Block {
  /** The command as typed after the prompt. */
  command: string;
  /** argv with wrappers (`sudo`, `kubectl exec … --`, `nsenter …`) removed. */
  run: Unwrapped;
  piped: boolean;
  /** Node the command ran on ('' when the session does not say). */
  node: string;
  /** 1-based line of the prompt in the transcript. */
  promptLine: number;
  /** The output text (its first line is transcript line `promptLine + 1`). */
  body: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash', 'busybox']);

/**
 * Cuts a transcript into command blocks and works out which node (and which container) each
 * command ran on: the prompt's host names the node; after an interactive `kubectl exec -it …
 * sh` (or `crictl exec`) the prompts belong to the container until `exit`, while `docker exec
 * -it kind-worker bash` enters a kind node, which is a node of its own.
 */
export function splitTranscript(text: string, knownNode?: string, recorder = false): Block[] {
  const blocks: Block[] = [];
  let current: (Block & { parts: string[]; from: number; to: number }) | undefined;
  let host = knownNode ?? '';
  const stack: { host: string; via: NonNullable<Unwrapped['via']> }[] = [];
  const close = (): void => {
    if (!current) return;
    // Output is kept as slices of the input (joined only where comments interrupt it), so a
    // 100 MB capture is not split into lines and joined again.
    if (current.from < current.to) current.parts.push(text.slice(current.from, current.to));
    current.body = current.parts.join('\n');
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  // Position of the next prompt character at or after `at` (text.length when there is none).
  const promptChars = new PromptChars(text);
  let next = -1;
  for (let at = start; at < text.length;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const end = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lineNo++;
    const lineStart = at;
    at = nl + 1;
    if (next < lineStart) next = promptChars.from(lineStart);
    if (next >= nl) {
      // No prompt character on this line: neither a prompt nor a `#` comment, so output. Big
      // outputs (`stat`, `grep -H` of every process) are mostly such lines, and are walked from
      // newline to newline only.
      if (current) current.to = end;
      continue;
    }
    const prompt = mayBePrompt(text, lineStart, end)
      ? matchPrompt(text.slice(lineStart, end))
      : undefined;
    if (!prompt) {
      // A `#` comment line that is not a prompt (the recorder's `# note: …`, a study note):
      // no format nsviz reads prints one, so it never belongs to the output.
      const c0 = text.charCodeAt(lineStart);
      const comment = c0 === 35 && (text.charCodeAt(lineStart + 1) === 32 || recorder);
      if (current) {
        if (comment) {
          if (current.from < current.to) current.parts.push(text.slice(current.from, current.to));
          current.from = current.to = at;
        } else current.to = end;
      }
      continue;
    }
    close();
    const { argv, piped } = outputArgv(prompt.command);
    const run = unwrap(argv);
    const inside = stack[stack.length - 1];
    let node = knownNode ?? host;
    if (!knownNode && prompt.host !== undefined) {
      if (inside && prompt.host !== inside.host) {
        // Inside an exec'd container shell: the prompt shows the container's hostname.
        node = inside.host;
      } else {
        node = prompt.host;
        host = prompt.host;
      }
    }
    if (
      inside &&
      run.via === undefined &&
      (knownNode !== undefined || prompt.host === undefined || prompt.host !== inside.host)
    ) {
      run.via = inside.via;
    }
    current = {
      command: prompt.command,
      run,
      piped,
      node,
      promptLine: lineNo,
      body: '',
      parts: [],
      from: at,
      to: at,
    };
    blocks.push(current);
    const cmd = run.argv[0] === undefined ? '' : baseName(run.argv[0]);
    if (cmd === 'exit' && stack.length > 0) stack.pop();
    else if (isInteractiveExec(argv) && run.via && SHELLS.has(cmd)) {
      if (run.via.tool === 'docker' || run.via.tool === 'podman') {
        // `docker exec -it kind-worker bash`: a kind node; its prompts name it.
        continue;
      }
      stack.push({ host: node, via: run.via });
    }
  }
  close();
  return blocks.map(({ command, run, piped, node, promptLine, body }) => ({
    command,
    run,
    piped,
    node,
    promptLine,
    body,
  }));
}

/** Characters a prompt may end with: `mayBePrompt` looks for them. */
const PROMPT_CHARS = ['$', '#', '%', '>', '\u276f', '\u03bb', '\u279c'];

/**
 * Finds the next prompt character of a text, from any position onwards. One `indexOf` per
 * character, each remembered until the scan passes it: native searches run many times faster
 * than a character loop (or a regular expression) over the megabytes of output in between.
 */
class PromptChars {
  private readonly next = PROMPT_CHARS.map(() => -1);

  constructor(private readonly text: string) {}

  /** The position of the first prompt character at or after `from`, else `text.length`. */
  from(from: number): number {
    let first = this.text.length;
    for (let k = 0; k < PROMPT_CHARS.length; k++) {
      let at = this.next[k]!;
      if (at < from && at !== this.text.length) {
        at = this.text.indexOf(PROMPT_CHARS[k]!, from);
        if (at < 0) at = this.text.length;
        this.next[k] = at;
      }
      if (at < first) first = at;
    }
    return first;
  }
}

/**
 * Cheap pre-check before the prompt regex: prompts do not start with blanks, and have a prompt
 * character (`$ # % > ❯ λ ➜`) within their first 300 characters. Most output lines (`stat`,
 * `grep -H`, `ps` rows) fail this in a few comparisons.
 */
function mayBePrompt(text: string, from: number, to: number): boolean {
  const c0 = text.charCodeAt(from);
  if (from >= to || c0 === 32 || c0 === 9) return false;
  const stop = Math.min(to, from + 300);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 36 || c === 35 || c === 37 || c === 62 || c === 0x276f || c === 0x3bb || c === 0x279c)
      return true;
  }
  return false;
}

function isInteractiveExec(argv: readonly string[]): boolean {
  return (
    argv.includes('exec') &&
    argv.some((a) => /^-[a-z]*[it][a-z]*$/.test(a) || a === '--stdin' || a === '--tty')
  );
}
