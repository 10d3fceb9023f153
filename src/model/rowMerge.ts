/**
 * Field-wise merge of two facts about the same thing. The first value wins; a different second
 * value is reported through `conflict`, never dropped silently. `conflict` also gets the
 * incoming row, so a caller can make one handler per input rather than one closure per row.
 */
export function mergeFields<T extends object>(
  target: T,
  incoming: Partial<T>,
  skip: ReadonlySet<string>,
  conflict: (field: string, kept: unknown, other: unknown, row: Partial<T>) => void,
): void {
  const t = target as Record<string, unknown>;
  const inc = incoming as Record<string, unknown>;
  // for…in, not Object.entries: this runs once per row of every input (hot on big captures).
  for (const field in inc) {
    const value = inc[field];
    if (value === undefined || skip.has(field)) continue;
    const kept = t[field];
    if (kept === undefined) {
      t[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
    } else if (Array.isArray(kept) && Array.isArray(value)) {
      for (const v of value as unknown[]) {
        if (!kept.some((k) => sameValue(k, v))) kept.push(v);
      }
    } else if (!sameValue(kept, value)) {
      conflict(field, kept, value, incoming);
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

/**
 * Commands printed by lsns or ps may be cut at the terminal width: a prefix of a longer command
 * is the same command. `preferFullCommand('/usr/bin/contai', '/usr/bin/containerd')` →
 * `'/usr/bin/containerd'`; unrelated commands → `undefined`.
 */
export function preferFullCommand(a: string, b: string): string | undefined {
  if (a === b) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return undefined;
}
