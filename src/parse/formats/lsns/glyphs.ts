/**
 * libsmartcols tree art. Each level is two characters: an ancestor column (`│ `, `| ` or two
 * spaces) and, at the row's own level, a branch (`├─ └─` in UTF-8, `|- \`- ` in the C locale).
 */

const SPACE = 32;
const BAR = 0x2502; // │
const TEE = 0x251c; // ├
const ELL = 0x2514; // └
const DASH = 0x2500; // ─
const PIPE = 124; // |
const TICK = 96; // `
const MINUS = 45; // -

function isBranch(a: number, b: number): boolean {
  return ((a === TEE || a === ELL) && b === DASH) || ((a === PIPE || a === TICK) && b === MINUS);
}

function isAncestor(a: number, b: number): boolean {
  return (a === BAR || a === PIPE || a === SPACE) && b === SPACE;
}

/**
 * Length of the tree art that starts a cell: 0 when there is none, else 2 per level, so the
 * row's depth is half of it. Checks character codes only: this runs once per row.
 * `artLength('│ └─4026532254')` → 4; `artLength('kthreadd')` → 0.
 */
export function artLength(cell: string): number {
  const first = cell.charCodeAt(0);
  if (
    first !== SPACE &&
    first !== BAR &&
    first !== TEE &&
    first !== ELL &&
    first !== PIPE &&
    first !== TICK
  )
    return 0;
  for (let i = 0; i + 1 < cell.length; i += 2) {
    const a = cell.charCodeAt(i);
    const b = cell.charCodeAt(i + 1);
    if (isBranch(a, b)) return i + 2;
    if (!isAncestor(a, b)) return 0;
  }
  return 0;
}

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
  const n = artLength(cell);
  return n === 0 ? { text: cell, depth: 0 } : { text: cell.slice(n), depth: n / 2 };
}

/** Cheap test used by detection: does the text hold UTF-8 tree art? */
export function hasTreeArt(text: string): boolean {
  return text.includes('├─') || text.includes('└─');
}
