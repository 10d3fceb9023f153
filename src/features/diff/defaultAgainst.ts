/**
 * The capture to compare with when `against=` is not given: the same pod's variant. Fixture
 * ids share a family prefix (`myweb2`, `myweb2-sharepid`, `podman-default`, `podman-hostnet`):
 * from the family's base (no suffix, or `-default`) the first variant; from a variant, the
 * base. Outside a family, the first other capture.
 * `defaultAgainst('myweb2', ['myweb2', 'myweb2-sharepid'])` → `'myweb2-sharepid'`.
 */
export function defaultAgainst(src: string, ids: readonly string[]): string | undefined {
  const family = (id: string) => id.split('-')[0] ?? id;
  const isBase = (id: string) => !id.includes('-') || id.endsWith('-default');
  const kin = ids.filter((id) => id !== src && family(id) === family(src));
  const pick = isBase(src) ? kin[0] : (kin.find(isBase) ?? kin[0]);
  return pick ?? ids.find((id) => id !== src);
}
