import * as v from 'valibot';
import { SNAPSHOT_SCHEMA, type Snapshot } from '../../protocol/snapshot.ts';
import { FragmentBuilder } from '../fragment.ts';
import { parseJsonReporting } from '../json.ts';
import { head } from '../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../types.ts';
import { SnapshotSchema } from './snapshotSchema.ts';

export const SNAPSHOT_FORMAT = 'nsviz-snapshot';

/** Our own `nsviz/snapshot@1` JSON, validated against its schema. */
export const snapshotJsonFormat: FormatParser = {
  id: SNAPSHOT_FORMAT,
  title: 'nsviz snapshot JSON (nsviz/snapshot@1)',
  detect(text) {
    const h = head(text, 4096);
    if (/"schema"\s*:\s*"nsviz\/snapshot@1"/.test(h)) return 1;
    if (/"schema"\s*:\s*"nsviz\/snapshot@/.test(h)) return 0.8;
    return 0;
  },
  parse(text: string, ctx: ParseContext): ParseResult {
    const b = new FragmentBuilder(ctx, SNAPSHOT_FORMAT);
    const value = parseJsonReporting(text, b, `an ${SNAPSHOT_SCHEMA} document`);
    if (value === undefined) return b.result();
    const parsed = v.safeParse(SnapshotSchema, value);
    if (!parsed.success) {
      for (const issue of parsed.issues.slice(0, 20)) {
        const path = v.getDotPath(issue) ?? '(top level)';
        b.error(
          undefined,
          `${path}: expected ${issue.expected ?? 'a valid value'}, found ${issue.received}`,
        );
      }
      if (parsed.issues.length > 20)
        b.error(undefined, `…and ${parsed.issues.length - 20} more problems`);
      return b.result();
    }
    const snap = parsed.output as unknown as Snapshot;
    // The document's own rows are the fragment: sources and warnings are kept as written.
    const out = b.result();
    out.fragment = {
      ...snap,
      sources: [...snap.sources, ...out.fragment.sources],
      warnings: [...snap.warnings],
    };
    if (ctx.node) {
      for (const list of [snap.processes, snap.namespaces, snap.containers, snap.pods] as {
        node: string;
      }[][]) {
        for (const row of list) if (!row.node) row.node = ctx.node;
      }
    }
    return out;
  },
};
