import { emptySnapshot, type Snapshot } from '../protocol/snapshot.ts';
import type { ParseIssue } from './types.ts';

export interface InputText {
  /** File name (or `paste`), named in every issue. */
  name: string;
  text: string;
}

export interface ParseOptions {
  /** Node name for inputs that do not name one. */
  node?: string;
}

/** Parses any number of inputs (format auto-detected) into one merged snapshot. */
export function parseInputs(
  _inputs: readonly InputText[],
  _options: ParseOptions = {},
): { snapshot: Snapshot; issues: ParseIssue[] } {
  // Placeholder while the parsers are being written.
  return { snapshot: emptySnapshot(), issues: [] };
}
