import {
  emptySnapshot,
  type ContainerRow,
  type NamespaceRow,
  type NsType,
  type PodRow,
  type ProcessRow,
} from '../protocol/snapshot.ts';
import { InodeMap, nsGet, nsSet, nsSlot } from '../model/nsMap.ts';
import type { IssueLevel, ParseContext, ParseIssue, ParseResult } from './types.ts';

/**
 * Accumulates one parser's facts into a partial snapshot, keyed so that repeated facts merge
 * and contradicting facts become warnings instead of silent overwrites.
 */
export class FragmentBuilder {
  readonly fragment = emptySnapshot();
  readonly issues: ParseIssue[] = [];
  private readonly procs = new Map<number, ProcessRow>();
  /**
   * Type → inode → row: numbers as keys, not a `type:inode` string made for every call, and the
   * type by its place in `NS_TYPES` (a lsns table asks once per row).
   */
  private readonly nss: (InodeMap<NamespaceRow> | undefined)[] = [];
  /** The same for type names outside `NS_TYPES`, which no parser gives but the type allows. */
  private readonly otherNss = new Map<string, InodeMap<NamespaceRow>>();
  private readonly ctrs = new Map<string, ContainerRow>();
  private readonly podRows = new Map<string, PodRow>();
  readonly node: string;
  tool: string | undefined;

  constructor(
    readonly ctx: ParseContext,
    readonly format: string,
  ) {
    this.node = ctx.node ?? '';
  }

  /** Absolute 1-based line in the source file for a 1-based line of this text. */
  line(local: number): number {
    return local + (this.ctx.lineOffset ?? 0);
  }

  issue(level: IssueLevel, localLine: number | undefined, message: string): void {
    const issue: ParseIssue = { source: this.ctx.source, level, message };
    if (localLine !== undefined) issue.line = this.line(localLine);
    this.issues.push(issue);
  }

  warn(localLine: number | undefined, message: string): void {
    this.issue('warning', localLine, message);
  }

  error(localLine: number | undefined, message: string): void {
    this.issue('error', localLine, message);
  }

  process(pid: number): ProcessRow {
    let row = this.procs.get(pid);
    if (!row) {
      row = { node: this.node, pid, namespaces: {} };
      this.procs.set(pid, row);
      this.fragment.processes.push(row);
    }
    return row;
  }

  /** Records that `pid` is in namespace `inode` of `type` (and that the namespace exists). */
  membership(pid: number, type: NsType, inode: number, localLine?: number): void {
    const row = this.process(pid);
    const known = nsGet(row.namespaces, type);
    if (known !== undefined && known !== inode) {
      this.warn(
        localLine,
        `PID ${pid} is listed in two ${type} namespaces (${known} and ${inode}); keeping ${known}`,
      );
    } else {
      nsSet(row.namespaces, type, inode);
    }
    this.namespace(type, inode);
  }

  namespace(type: NsType, inode: number): NamespaceRow {
    const slot = nsSlot(type);
    let byInode = slot >= 0 ? this.nss[slot] : this.otherNss.get(type);
    if (!byInode) {
      byInode = new InodeMap();
      if (slot >= 0) this.nss[slot] = byInode;
      else this.otherNss.set(type, byInode);
    }
    let row = byInode.get(inode);
    if (!row) {
      row = { node: this.node, type, inode };
      byInode.set(inode, row);
      this.fragment.namespaces.push(row);
    }
    return row;
  }

  container(id: string): ContainerRow {
    let row = this.ctrs.get(id);
    if (!row) {
      row = { node: this.node, id };
      this.ctrs.set(id, row);
      this.fragment.containers.push(row);
    }
    return row;
  }

  pod(key: string): PodRow {
    let row = this.podRows.get(key);
    if (!row) {
      row = { node: this.node, key };
      this.podRows.set(key, row);
      this.fragment.pods.push(row);
    }
    return row;
  }

  result(): ParseResult {
    const source: { format: string; name: string; tool?: string } = {
      format: this.format,
      name: this.ctx.source,
    };
    if (this.tool !== undefined) source.tool = this.tool;
    this.fragment.sources.push(source);
    for (const i of this.issues) {
      const w: { source: string; line?: number; message: string } = {
        source: i.source,
        message: i.message,
      };
      if (i.line !== undefined) w.line = i.line;
      this.fragment.warnings.push(w);
    }
    const out: ParseResult = { format: this.format, fragment: this.fragment, issues: this.issues };
    if (this.tool !== undefined) out.tool = this.tool;
    return out;
  }
}
