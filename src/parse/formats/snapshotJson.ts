import { SNAPSHOT_SCHEMA, type Snapshot } from '../../protocol/snapshot.ts';
import { FragmentBuilder } from '../fragment.ts';
import { parseJsonReporting } from '../json.ts';
import { head } from '../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../types.ts';
import { validate } from './snapshotValidator.gen.js';

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
    if (!validate(value)) {
      // The validator stops at the first problem; name where it is and what was expected.
      for (const e of validate.errors ?? []) {
        const path = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
        const found = describe(valueAt(value, e.instancePath));
        b.error(undefined, `${path}: expected ${expectation(e)}, found ${found}`);
      }
      return b.result();
    }
    const snap = withDefaults(value as Partial<Snapshot> & { schema: Snapshot['schema'] });
    // The document's own rows are the fragment: sources and warnings are kept as written.
    const out = b.result();
    out.fragment = { ...snap, sources: [...snap.sources, ...out.fragment.sources] };
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

/** Missing optional lists are empty lists (lenient input). */
function withDefaults(v: Partial<Snapshot> & { schema: Snapshot['schema'] }): Snapshot {
  return {
    ...v,
    sources: v.sources ?? [],
    nodes: v.nodes ?? [],
    namespaces: v.namespaces ?? [],
    processes: (v.processes ?? []).map((p) => (p.namespaces ? p : { ...p, namespaces: {} })),
    containers: v.containers ?? [],
    pods: v.pods ?? [],
    warnings: v.warnings ?? [],
  };
}

function expectation(e: {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}): string {
  switch (e.keyword) {
    case 'required':
      return `a "${String(e.params.missingProperty)}" field`;
    case 'type':
      return `a value of type ${String(e.params.type)}`;
    case 'enum':
      return `one of ${JSON.stringify(e.params.allowedValues)}`;
    case 'const':
      return JSON.stringify(e.params.allowedValue);
    case 'minimum':
      return 'a non-negative number';
    default:
      return e.message ?? 'a valid value';
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
