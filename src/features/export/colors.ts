/**
 * Theme colours as concrete values, so an exported file looks the same wherever it is opened:
 * the page's custom properties (`--fg: light-dark(#1c1c21, #e9e9ee)`) mean nothing outside
 * the app, and `light-dark()` would follow the viewer's theme instead of the one chosen here.
 */

/** `findVarEnd('var(--a,var(--b))x', 0)` → 17: the index just past the balanced `var(…)`. */
export function findVarEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Replaces every `var(…)` in `text` by what `resolve` makes of it (left alone when it returns
 * undefined). `replaceVars('fill:var(--fg,#000)', () => '#fff')` → `'fill:#fff'`.
 */
export function replaceVars(text: string, resolve: (expr: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = text.indexOf('var(', at);
    if (start < 0) break;
    const end = findVarEnd(text, start + 3);
    if (end < 0) break;
    const expr = text.slice(start, end);
    out += text.slice(at, start) + (resolve(expr) ?? expr);
    at = end;
  }
  return out + text.slice(at);
}

/** `rgbToHex('rgb(28, 28, 33)')` → `'#1c1c21'`; a colour with alpha below 1 stays as it is. */
export function rgbToHex(color: string): string {
  const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color);
  if (!m) return color;
  const alpha = m[4] === undefined ? 1 : Number.parseFloat(m[4]) / (m[4].endsWith('%') ? 100 : 1);
  if (alpha < 1) return color;
  const hex = (v: string | undefined) => Number(v).toString(16).padStart(2, '0');
  return `#${hex(m[1])}${hex(m[2])}${hex(m[3])}`;
}

/**
 * A resolver of colour expressions (`var(--fg,#1c1c21)`, `light-dark(…)`) to concrete colours
 * for the document's current theme, measured on a hidden probe inside `context` (so the
 * context's custom properties and colour scheme apply). Call `dispose` when done.
 */
export function colorResolver(context: Element = document.body): {
  color: (expr: string) => string | undefined;
  dispose: () => void;
} {
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden;visibility:hidden';
  context.appendChild(probe);
  const cache = new Map<string, string | undefined>();
  return {
    color(expr) {
      if (cache.has(expr)) return cache.get(expr);
      // A sentinel first: an expression that is not a colour leaves it in place.
      probe.style.color = 'rgb(1, 2, 3)';
      probe.style.color = expr;
      const value = probe.style.color === '' ? undefined : getComputedStyle(probe).color;
      const result = value === undefined || value === 'rgb(1, 2, 3)' ? undefined : rgbToHex(value);
      cache.set(expr, result);
      return result;
    },
    dispose: () => probe.remove(),
  };
}

/** The page background the picture sits on in the current theme, as a concrete colour. */
export function pageBackground(resolve: (expr: string) => string | undefined): string {
  return resolve('var(--bg)') ?? resolve('var(--panel)') ?? '#ffffff';
}
