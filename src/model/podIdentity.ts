/**
 * Pods are named differently by every source: a UID in cgroup paths, a sandbox id (often cut to
 * 13 hex chars) in `crictl`, a podman pod id. A union-find over those names gives each pod one
 * key: its UID when known, else the longest id an input gives as the pod's own, else its longest
 * id.
 */
export class PodIdentity {
  private readonly parent = new Map<string, string>();
  private readonly uids = new Set<string>();
  private readonly keys = new Set<string>();

  add(name: string): void {
    if (!this.parent.has(name)) this.parent.set(name, name);
  }

  markUid(uid: string): void {
    this.add(uid);
    this.uids.add(uid);
  }

  /**
   * Marks a name that some input gives as a pod's own id (a podman pod id, a CRI sandbox id),
   * so it is kept over ids that only name a container of the pod (podman's infra container has
   * an id of its own, as long as the pod's).
   */
  markKey(name: string): void {
    this.add(name);
    this.keys.add(name);
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // Keep the better name as the root: a UID, else the longer id (full beats truncated).
    const [root, child] = this.better(ra, rb) ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
  }

  find(name: string): string {
    let n = name;
    let p = this.parent.get(n);
    if (p === undefined) return name;
    while (p !== n) {
      const gp: string = this.parent.get(p) ?? p;
      this.parent.set(n, gp);
      n = p;
      p = gp;
    }
    return n;
  }

  private better(a: string, b: string): boolean {
    const ua = this.uids.has(a);
    const ub = this.uids.has(b);
    if (ua !== ub) return ua;
    const ka = this.keys.has(a);
    const kb = this.keys.has(b);
    if (ka !== kb) return ka;
    if (a.length !== b.length) return a.length > b.length;
    return a < b;
  }
}

/**
 * Resolves ids that may be truncated prefixes (crictl prints 13 chars) to the full ids known on
 * the same node. `resolvePrefixes(['abc', 'abcdef…'])` maps `'abc'` → `'abcdef…'` when that is
 * the only id starting with it.
 */
export function resolvePrefixes(ids: Iterable<string>, minLength = 12): Map<string, string> {
  const all = [...new Set(ids)].sort();
  const out = new Map<string, string>();
  for (let i = 0; i < all.length; i++) {
    const id = all[i]!;
    if (id.length < minLength) continue;
    // Sorted order puts every extension of `id` right after it.
    let match: string | undefined;
    let count = 0;
    for (let j = i + 1; j < all.length && all[j]!.startsWith(id); j++) {
      match = all[j];
      count++;
    }
    if (count === 1 && match !== undefined) out.set(id, match);
    else if (count > 1) {
      // Ambiguous: extensions of extensions are fine if they form one chain.
      const longest = all
        .slice(i + 1, i + 1 + count)
        .reduce((a, b) => (b.length > a.length ? b : a));
      if (all.slice(i + 1, i + 1 + count).every((x) => longest.startsWith(x))) out.set(id, longest);
    }
  }
  return out;
}
