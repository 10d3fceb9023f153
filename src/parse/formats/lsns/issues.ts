import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt } from '../../text.ts';

/** Where per-line problems go. */
export interface Reporter {
  warn(line: number | undefined, message: string): void;
  error(line: number | undefined, message: string): void;
}

/** Issues of one level reported one by one before the rest are summed up. */
const LIMIT = 20;

/**
 * Caps per-line issues so that a pasted binary or a wrong file yields a readable list (the
 * first 20 errors and 20 warnings, then one "… N more" each) instead of one issue per line.
 */
export class IssueBudget implements Reporter {
  private errors = 0;
  private warnings = 0;
  private firstError: number | undefined;
  private firstWarning: number | undefined;

  constructor(private readonly b: FragmentBuilder) {}

  error(line: number | undefined, message: string): void {
    if (++this.errors <= LIMIT) this.b.error(line, message);
    else this.firstError ??= line;
  }

  warn(line: number | undefined, message: string): void {
    if (++this.warnings <= LIMIT) this.b.warn(line, message);
    else this.firstWarning ??= line;
  }

  finish(): void {
    if (this.errors > LIMIT) {
      this.b.error(
        this.firstError,
        `${this.errors - LIMIT} more lines from here on could not be read either`,
      );
    }
    if (this.warnings > LIMIT) {
      this.b.warn(
        this.firstWarning,
        `${this.warnings - LIMIT} more warnings like the ones above from here on`,
      );
    }
  }
}

/** `lsns: unknown column: PNS,ONS` and the like, printed on stderr into a capture. */
export function isToolMessage(line: string): boolean {
  return isToolMessageAt(line, 0, line.length);
}

/** `isToolMessage` for the line `text[from, to)`, read in place. */
export function isToolMessageAt(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  return to - i >= 6 && text.startsWith('lsns: ', i);
}

/** Reports what lsns itself complained about, so a failed command is not read as data. */
export function reportToolMessage(r: Reporter, line: number, text: string): void {
  r.warn(line, `lsns reported: ${excerpt(text.trim().replace(/^lsns: /, ''), 120)}`);
}
