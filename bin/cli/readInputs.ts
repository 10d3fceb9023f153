import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputText } from '../../src/parse/index.ts';

export class UsageError extends Error {}

/**
 * Reads CLI inputs: files, directories (every file inside, recursively, in name order) and `-`
 * for stdin. Unreadable paths are usage errors naming the path.
 */
export function readInputs(paths: readonly string[], stdin: () => string): InputText[] {
  if (paths.length === 0)
    throw new UsageError('expected at least one input: a file, a directory, or - for stdin');
  const out: InputText[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ name: 'stdin', text: stdin() });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const files = listFiles(p);
      if (files.length === 0) throw new UsageError(`${p}: the directory holds no files`);
      for (const f of files) out.push({ ...readOne(f), optional: true });
    } else out.push(readOne(p));
  }
  return out;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function readOne(path: string): InputText {
  try {
    return { name: path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    throw new UsageError(`${path}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
}
