/**
 * The /proc scanner: `scanProc` for the live agent, `recordProc` for `nsviz record`.
 */
import { formatSnapshot } from './format.ts';
import type { ScanOptions } from './scan.ts';
import { scanProc } from './scan.ts';

export { formatSnapshot } from './format.ts';
export { ProcUnavailableError, scanProc } from './scan.ts';
export type { ScanOptions } from './scan.ts';

/**
 * One scan, formatted for a file or stdout: what `nsviz record [--redact]` prints.
 * Rejects with `ProcUnavailableError` when /proc cannot be listed (not Linux, procfs missing);
 * the CLI maps that to exit code 1.
 * @example process.stdout.write(await recordProc({ redact: true }));
 */
export async function recordProc(options: ScanOptions = {}): Promise<string> {
  return formatSnapshot(await scanProc(options));
}
