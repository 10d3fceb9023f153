import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { classify } from '../../src/model/classify.ts';
import { parseInputs, type ParseIssue } from '../../src/parse/index.ts';
import { readInputs, UsageError } from './readInputs.ts';
import { renderSummary } from './summaryTable.ts';
import { HELP, commandHelp } from './help.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
};

/** Runs one CLI command; returns the exit code (0 ok, 1 runtime failure, 2 unusable input). */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case '--version':
        io.out('nsviz 0.1.0\n');
        return 0;
      case 'convert':
        return convert(rest, io);
      case 'summary':
        return summary(rest, io);
      case 'record':
        return await record(rest, io);
      case 'serve':
        return await (await import('./serve.ts')).serve(rest, io);
      default:
        io.err(
          `nsviz: unknown command "${command}"; expected convert, summary, record or serve (see nsviz --help)\n`,
        );
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`nsviz ${command}: ${(e as Error).message}\n`);
      return 2;
    }
    io.err(`nsviz ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function isParseArgsError(e: unknown): boolean {
  return (
    e instanceof Error &&
    'code' in e &&
    String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  node: { type: 'string' },
  'keep-going': { type: 'boolean' },
} as const;

/** Parses inputs; prints issues to stderr; returns undefined when an input was unusable. */
function load(positionals: string[], node: string | undefined, keepGoing: boolean, io: Io) {
  const inputs = readInputs(positionals, io.stdin);
  const { snapshot, issues } = parseInputs(inputs, node === undefined ? {} : { node });
  const errors = issues.filter((i) => i.level === 'error');
  const skipped = new Set(
    issues.filter((i) => i.message.startsWith('skipped: ')).map((i) => i.source),
  );
  for (const name of skipped) io.err(`nsviz: ${name}: skipped (not a format nsviz reads)\n`);
  if (skipped.size > 0 && skipped.size === inputs.length) {
    io.err('nsviz: none of the inputs is in a format nsviz reads\n');
    return undefined;
  }
  for (const i of errors) io.err(`nsviz: ${formatIssue(i)}\n`);
  const warnings = issues.length - errors.length;
  if (warnings > 0)
    io.err(`nsviz: ${warnings} warning(s); they are listed in the snapshot's "warnings"\n`);
  if (errors.length > 0 && !keepGoing) return undefined;
  return snapshot;
}

export function formatIssue(i: ParseIssue): string {
  return `${i.source}${i.line !== undefined ? `:${i.line}` : ''}: ${i.level}: ${i.message}`;
}

function convert(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...COMMON, out: { type: 'string', short: 'o' }, compact: { type: 'boolean' } },
  });
  if (values.help) return (io.out(commandHelp('convert')), 0);
  const snapshot = load(positionals, values.node, values['keep-going'] === true, io);
  if (!snapshot) return 2;
  const json = JSON.stringify(snapshot, null, values.compact ? undefined : 2) + '\n';
  if (values.out) writeFileSync(values.out, json);
  else io.out(json);
  return 0;
}

function summary(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...COMMON, json: { type: 'boolean' } },
  });
  if (values.help) return (io.out(commandHelp('summary')), 0);
  const snapshot = load(positionals, values.node, values['keep-going'] === true, io);
  if (!snapshot) return 2;
  const result = classify(snapshot);
  io.out(values.json ? JSON.stringify(result, null, 2) + '\n' : renderSummary(snapshot, result));
  return 0;
}

async function record(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      out: { type: 'string', short: 'o' },
      redact: { type: 'boolean' },
      node: { type: 'string' },
      proc: { type: 'string' },
    },
  });
  if (values.help) return (io.out(commandHelp('record')), 0);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (process.platform !== 'linux') {
    io.err('nsviz record: needs Linux (/proc)\n');
    return 1;
  }
  const { scanProc } = await import('../../agent/scan/index.ts');
  const opts: { redact: boolean; node?: string; procRoot?: string } = {
    redact: values.redact === true,
  };
  if (values.node !== undefined) opts.node = values.node;
  if (values.proc !== undefined) opts.procRoot = values.proc;
  const snapshot = await scanProc(opts);
  const json = JSON.stringify(snapshot, null, 2) + '\n';
  if (values.out) writeFileSync(values.out, json);
  else io.out(json);
  return 0;
}
