// Child process of the memory benchmark (see memory.ts): reads one input file and, in `parse`
// mode, parses it once; in `control` mode it stops after reading, with the same modules loaded.
// Prints `ok` when it got through; running out of heap ends the process before that.
import { readFileSync } from 'node:fs';
import { parseInputs } from '../../src/parse/index.ts';

const [file, mode] = process.argv.slice(2);
if (file === undefined || (mode !== 'parse' && mode !== 'control')) {
  process.stderr.write('usage: heapChild.ts FILE parse|control\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
(globalThis as { gc?: () => void }).gc?.();
// Kept reachable to the end: the result is part of what the parse needs at its peak.
const result = mode === 'parse' ? parseInputs([{ name: 'bench.txt', text }]) : undefined;
process.stdout.write(result === undefined || result.snapshot ? 'ok\n' : 'no result\n');
