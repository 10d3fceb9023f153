/**
 * What the bytes prove about the util-linux version that printed them (formats.md §1.2):
 * every feature seen narrows a [min, max] range, and the tool string states only that range.
 * Features that other implementations share (the default columns, `time` rows, NPROCS 0 rows)
 * prove nothing and are not used.
 */
export class VersionRange {
  private min = 0;
  private max = Infinity;

  /** 2.38 → 238. */
  private static code(v: string): number {
    const [maj, min] = v.split('.').map(Number);
    return (maj ?? 0) * 100 + (min ?? 0);
  }

  private static text(code: number): string {
    return `${Math.floor(code / 100)}.${code % 100}`;
  }

  atLeast(v: string): void {
    this.min = Math.max(this.min, VersionRange.code(v));
  }

  atMost(v: string): void {
    this.max = Math.min(this.max, VersionRange.code(v));
  }

  /**
   * `util-linux ≥2.38`, `util-linux 2.33–2.36`, `util-linux ≤2.32`, or undefined when nothing
   * was proven (or the evidence contradicts itself, as in hand-edited output).
   */
  tool(): string | undefined {
    const { min, max } = this;
    if (min > max) return undefined;
    if (min === 0 && max === Infinity) return undefined;
    if (min === max) return `util-linux ${VersionRange.text(min)}`;
    if (max === Infinity) return `util-linux ≥${VersionRange.text(min)}`;
    if (min === 0) return `util-linux ≤${VersionRange.text(max)}`;
    return `util-linux ${VersionRange.text(min)}–${VersionRange.text(max)}`;
  }

  /** Evidence carried by column names: NETNSID/NSFS came in 2.32, PNS/ONS in 2.37. */
  columns(names: readonly string[]): void {
    for (const n of names) {
      const u = n.toUpperCase();
      if (u === 'NETNSID' || u === 'NSFS') this.atLeast('2.32');
      if (u === 'PNS' || u === 'ONS') this.atLeast('2.37');
    }
  }
}
