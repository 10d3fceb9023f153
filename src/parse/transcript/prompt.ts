import { baseName, splitCommand } from './argv.ts';

/** Commands whose output a transcript may contain and nsviz reads (or knows to skip). */
export const KNOWN_COMMANDS = new Set([
  'lsns',
  'ls',
  'readlink',
  'stat',
  'cat',
  'grep',
  'head',
  'tail',
  'ps',
  'crictl',
  'podman',
  'docker',
  'kubectl',
  'oc',
  'nsenter',
  'ip',
  'hostname',
  'uname',
  'date',
  'jq',
  'sudo',
  'curl',
  'pstree',
  'echo',
  'unshare',
  'find',
  'env',
  'time',
  'ifconfig',
  'ctr',
  'nerdctl',
  'systemd-cgls',
  'dumpns',
  'lxkns',
  'exit',
  'cd',
  'pwd',
  'whoami',
  'id',
  'wget',
  'ping',
  'ss',
  'netstat',
  'top',
  'mount',
  'df',
  'awk',
  'sed',
  'sort',
  'which',
  'apt',
  'apt-get',
  'bash',
  'sh',
  'zsh',
  'watch',
  'printf',
]);

/**
 * Prompt shapes seen in pasted sessions: `$ `, `# `, `% `, `> `, `root@node:~# `,
 * `[root@node ~]# `, `(⎈|kind:default) root@k8s:~# `, `➜  ~ `, `❯ `, `node:/# `, `/ # ` (busybox).
 * Group 1 is the host when the prompt names one.
 */
const PROMPT =
  /^(?:\([^()\n]{0,80}\)\s*)?(?:(?:[\w.-]{1,64}@([\w.-]{1,64})(?::[^\s#$%>]{0,200})?\s?[#$%>]\s)|(?:\[[\w.-]{1,64}@([\w.-]{1,64})[^\]]{0,200}\][#$%>]\s)|(?:([\w.-]{1,64}):[^\s#$%>]{0,200}[#$%>]\s)|(?:\/[^\s]{0,200}\s[#$]\s)|(?:➜\s+\S{1,200}\s+(?:git:\([^)]*\)\s+)?)|(?:[$#%>❯λ]\s+))/u;

export interface PromptLine {
  /** The command text after the prompt. */
  command: string;
  /** Host named by the prompt, if any. */
  host?: string;
}

/**
 * Recognises a prompt line followed by a command nsviz knows, so that output lines starting
 * with `# ` or `$ ` are not mistaken for prompts. `matchPrompt('root@k8s:~# lsns -p 1')` →
 * `{ command: 'lsns -p 1', host: 'k8s' }`; `matchPrompt('# note: x')` → `undefined`.
 */
export function matchPrompt(line: string): PromptLine | undefined {
  if (line.length > 4096) return undefined;
  const m = PROMPT.exec(line);
  if (!m) return undefined;
  const command = line.slice(m[0].length).trim();
  const { argv } = splitCommand(command);
  const first = argv[0];
  if (first === undefined || !KNOWN_COMMANDS.has(baseName(first))) return undefined;
  const out: PromptLine = { command };
  const host = m[1] ?? m[2] ?? m[3];
  if (host !== undefined) out.host = host;
  return out;
}
