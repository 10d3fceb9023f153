/**
 * libsmartcols tree art. Each level is two characters: an ancestor column (`│ `, `| ` or two
 * spaces) and, at the row's own level, a branch (`├─ └─` in UTF-8, `|- \`-` in the C locale).
 */

const BRANCHES = new Set(['├─', '└─', '|-', '`-']);
const ANCESTORS = new Set(['│ ', '| ', '  ']);

export interface Stripped {
  text: string;
  /** 0 for a root row, n for a row drawn n levels deep. */
  depth: number;
}

/**
 * Strips the tree prefix of a cell and tells its depth.
 * `stripTree('│ └─4026532254')` → `{ text: '4026532254', depth: 2 }`;
 * `stripTree('kthreadd')` → `{ text: 'kthreadd', depth: 0 }`.
 */
export function stripTree(cell: string): Stripped {
  let i = 0;
  let levels = 0;
  while (i + 1 < cell.length) {
    const pair = cell.slice(i, i + 2);
    if (BRANCHES.has(pair)) return { text: cell.slice(i + 2), depth: levels + 1 };
    if (!ANCESTORS.has(pair)) break;
    levels++;
    i += 2;
  }
  return { text: cell, depth: 0 };
}

/** Cheap test used by detection and version evidence: does the text hold UTF-8 tree art? */
export function hasTreeArt(text: string): boolean {
  return text.includes('├─') || text.includes('└─');
}
