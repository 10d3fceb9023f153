import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt } from '../../text.ts';

/**
 * Reports lines a parser did not understand, at most `limit` of them one by one and then a
 * single count, so a pasted binary file or the wrong output does not bury the useful issues
 * under thousands of identical ones.
 */
export class Complaints {
  private count = 0;
  private firstHidden: number | undefined;

  constructor(
    private readonly b: FragmentBuilder,
    private readonly limit = 50,
  ) {}

  /** `error(7, 'expected …', line)`: names the line, what was expected and what was there. */
  error(line: number, expected: string, text: string): void {
    this.count++;
    if (this.count <= this.limit) this.b.error(line, `${expected}, got "${excerpt(text)}"`);
    else this.firstHidden ??= line;
  }

  /** Total number of complaints so far. */
  get total(): number {
    return this.count;
  }

  /** Adds the summary of the complaints that were not reported one by one. */
  finish(): void {
    const hidden = this.count - this.limit;
    if (hidden > 0) {
      this.b.error(this.firstHidden, `${hidden} more lines were not understood either`);
    }
  }
}

/** Warns once per distinct message (e.g. "PID unknown" for every row of a block). */
export class OnceWarnings {
  private readonly seen = new Set<string>();

  constructor(private readonly b: FragmentBuilder) {}

  /** Warns unless `key` (by default the message) was warned about already. */
  warn(line: number | undefined, message: string, key = message): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.b.warn(line, message);
  }
}

/**
 * Shared ending of every proc parser: flushes complaints and, when nothing at all was read,
 * says what was expected (an empty paste gets a warning, other text an error).
 */
export function finishParse(
  b: FragmentBuilder,
  complaints: Complaints,
  recognized: number,
  text: string,
  expected: string,
): void {
  complaints.finish();
  if (recognized > 0) return;
  if (text.trim() === '') b.warn(1, `empty input: expected ${expected}`);
  else if (complaints.total === 0) b.error(1, `expected ${expected}; nothing usable was found`);
}
