import type { Snapshot } from '../protocol/snapshot.ts';

/** What a parser knows about where its text came from. */
export interface ParseContext {
  /** File name, `paste`, or `stdin`: named in every issue. */
  source: string;
  /** Node name, when the caller knows it (`--node`, a transcript prompt, a recorder header). */
  node?: string;
  /** The command line that printed this text, split into argv (from a transcript). */
  argv?: readonly string[];
  /** The PID the output describes: `lsns -p PID`, `/proc/PID/...`, `nsenter -t PID`. */
  pid?: number;
  /**
   * The command ran inside something else: `kubectl exec POD -c CTR --`, `crictl exec ID`,
   * `docker exec ID`, `podman exec ID`, or `nsenter -t PID` (then `pid` is set too).
   */
  via?: { tool: 'kubectl' | 'crictl' | 'docker' | 'podman' | 'nsenter'; target: string };
  /** Number of lines before this text in its source file, so issues name the file's line. */
  lineOffset?: number;
  /**
   * The text was sliced out of a bigger input (a transcript's block), which V8 reads more
   * slowly: parsers may read a copy of it instead (see `flatCopy`).
   */
  sliced?: boolean;
}

export type IssueLevel = 'error' | 'warning';

export interface ParseIssue {
  source: string;
  /** 1-based line in the source file. */
  line?: number;
  level: IssueLevel;
  message: string;
}

/**
 * A parser's output: a partial snapshot. Rows whose node is unknown carry `node: ''`; the
 * merge step assigns them to a node.
 */
export interface ParseResult {
  format: string;
  tool?: string;
  fragment: Snapshot;
  issues: ParseIssue[];
}

/** One input format: a detector and a parser. Neither may throw. */
export interface FormatParser {
  /** Stable id recorded in `sources[].format`, e.g. `lsns-table`. */
  id: string;
  /** Human name for messages, e.g. `lsns table output`. */
  title: string;
  /**
   * Confidence in 0..1 that `text` is this format. Must be cheap: it looks at the head of the
   * text only (at most the first ~64 KB) and never parses all of it.
   */
  detect(text: string, ctx: ParseContext): number;
  parse(text: string, ctx: ParseContext): ParseResult;
  /**
   * Confidence in 0..1 that this parser reads the output of the command `argv` (already
   * stripped of `sudo`, `kubectl exec … --` and `nsenter …` wrappers), e.g.
   * `['lsns', '-J', '-p', '2814']`. Used to route transcript blocks; detection still runs.
   */
  forCommand?(argv: readonly string[]): number;
}
