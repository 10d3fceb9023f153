import type { Snapshot, Summary } from '../protocol/snapshot.ts';

/** One input to parse: text already in memory, or a file the parser reads itself. */
export type SourceInput =
  | { name: string; text: string; optional?: boolean }
  | { name: string; file: Blob; optional?: boolean };

/** A warning as the app lists it: from the parser, the model or the loader. */
export interface ShownWarning {
  source?: string;
  line?: number;
  level: 'error' | 'warning';
  message: string;
  /** For errors with a line: that line's text (cut to a few hundred characters). */
  excerpt?: string;
}

/** Where a parse is: posted by the worker (or the main-thread fallback) as it goes. */
export type ParseProgress =
  | { phase: 'fetching'; loaded: number; total?: number }
  | { phase: 'reading'; index: number; total: number; name: string }
  | { phase: 'parsing'; index: number; total: number; name: string }
  | { phase: 'classifying' }
  | { phase: 'done' };

/** Parsed and classified inputs. */
export interface ParsedSource {
  snapshot: Snapshot;
  summary: Summary;
  warnings: ShownWarning[];
  /** The inputs' names, in order. */
  names: string[];
  /** Total size of the inputs in characters. */
  size: number;
}
