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
  /** Output lines (0-based index `i` is transcript line `promptLine + 1 + i`). */
  output: string[];
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash', 'busybox']);

/**
 * Cuts a transcript into command blocks and works out which node (and which container) each
 * command ran on: the prompt's host names the node; after an interactive `kubectl exec -it …
 * sh` (or `crictl exec`) the prompts belong to the container until `exit`, while `docker exec
 * -it kind-worker bash` enters a kind node, which is a node of its own.
 */
export function splitTranscript(
  lines: readonly string[],
  knownNode?: string,
  recorder = false,
): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let host = knownNode ?? '';
  const stack: { host: string; via: NonNullable<Unwrapped['via']> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prompt = matchPrompt(line);
    if (!prompt) {
      // A `# ` line that is not a prompt is a comment (the recorder's `# note: …`, or a
      // study note): no format nsviz reads prints one, so it never belongs to the output.
      if (line.startsWith('# ') || (recorder && line.startsWith('#'))) continue;
      if (current) current.output.push(line);
      continue;
    }
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
    current = { command: prompt.command, run, piped, node, promptLine: i + 1, output: [] };
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
  return blocks;
}

function isInteractiveExec(argv: readonly string[]): boolean {
  return (
    argv.includes('exec') &&
    argv.some((a) => /^-[a-z]*[it][a-z]*$/.test(a) || a === '--stdin' || a === '--tty')
  );
}
