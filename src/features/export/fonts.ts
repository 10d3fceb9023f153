/**
 * The fonts of an exported picture, embedded: the page's own `@font-face` files (src/app/fonts.css)
 * that the picture's text needs, as base64 `data:` URLs, so the file draws the same glyphs with
 * no network and no installed fonts (a slide deck on another laptop, an `<img>` in a canvas).
 * Only the faces a run of text would use are taken: its family (the first bundled one in its
 * stack whose unicode-range covers the character), its weight (400 or 700, as the browser
 * would match it) and, for Noto Sans KR, only the subsets holding the syllables shown.
 * See docs/decisions/0008-export-and-embed.md.
 */

/** A run of drawn text and the font it is drawn in. */
export interface TextRun {
  /** The computed `font-family` list, unquoted, in order. */
  families: string[];
  /** The computed `font-weight`, 1–1000. */
  weight: number;
  text: string;
}

/** One `@font-face` rule of the page. */
export interface PageFace {
  family: string;
  weight: number;
  /** Code point ranges, inclusive; empty means every code point. */
  ranges: [number, number][];
  /** As written in the rule (`U+0-FF, U+131`), for the embedded copy. */
  unicodeRange: string;
  /** The woff2 file, absolute. */
  url: string;
}

/** Elements whose text is never drawn. */
const UNDRAWN = new Set(['title', 'desc', 'style', 'script', 'metadata']);

/**
 * The drawn text under `root` with each run's computed font. `root` must be in the document
 * (it may be `display: none`: computed style is still resolved).
 */
export function textRuns(root: Element): TextRun[] {
  const runs: TextRun[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const styles = new Map<Element, { families: string[]; weight: number } | null>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const parent = node.parentElement;
    if (!parent || text.trim() === '') continue;
    let font = styles.get(parent);
    if (font === undefined) {
      const hidden = parent.closest('[hidden]');
      const skip =
        (hidden !== null && root.contains(hidden)) ||
        [...UNDRAWN].some((name) => parent.closest(name) !== null);
      const computed = skip ? undefined : getComputedStyle(parent);
      font = computed
        ? {
            families: parseFamilies(computed.fontFamily),
            weight: Number(computed.fontWeight) || 400,
          }
        : null;
      styles.set(parent, font);
    }
    if (font) runs.push({ ...font, text });
  }
  return runs;
}

/** `'"Noto Sans", Noto Sans KR, sans-serif'` → `['Noto Sans', 'Noto Sans KR', 'sans-serif']`. */
export function parseFamilies(value: string): string[] {
  return value
    .split(',')
    .map((f) => f.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter((f) => f !== '');
}

/**
 * `'U+0-FF, U+131, U+4??'` → `[[0, 255], [305, 305], [1024, 1279]]`; `''` → `[]` (all).
 */
export function parseUnicodeRange(value: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of value.matchAll(/U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/gi)) {
    const [, first = '', last] = m;
    if (first.includes('?')) {
      out.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'f'), 16)]);
    } else {
      const lo = parseInt(first, 16);
      out.push([lo, last === undefined ? lo : parseInt(last, 16)]);
    }
  }
  return out;
}

const covers = (face: PageFace, cp: number): boolean =>
  face.ranges.length === 0 || face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The first `url(…)` of a `src` descriptor, preferring woff2. */
function srcUrl(src: string): string | undefined {
  const urls = [...src.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)\s*(?:format\(\s*["']?([\w-]+))?/g)];
  const pick = urls.find((m) => m[3] === 'woff2') ?? urls[0];
  return pick?.[2];
}

/** The page's `@font-face` rules (same-origin sheets; `@import`ed and `@media` ones included). */
export function pageFaces(doc: Document = document): PageFace[] {
  const faces: PageFace[] = [];
  const visit = (rules: CSSRuleList, base: string) => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) {
        const style = rule.style;
        if ((style.getPropertyValue('font-style') || 'normal') !== 'normal') continue;
        const src = srcUrl(style.getPropertyValue('src'));
        if (!src) continue;
        const unicodeRange = style.getPropertyValue('unicode-range');
        faces.push({
          family: parseFamilies(style.getPropertyValue('font-family'))[0] ?? '',
          weight: Number(style.getPropertyValue('font-weight')) || 400,
          ranges: parseUnicodeRange(unicodeRange),
          unicodeRange,
          url: new URL(src, base).href,
        });
      } else if (rule instanceof CSSImportRule && rule.styleSheet) {
        visitSheet(rule.styleSheet);
      } else if (rule instanceof CSSGroupingRule) {
        visit(rule.cssRules, base);
      }
    }
  };
  const visitSheet = (sheet: CSSStyleSheet) => {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return; // a cross-origin sheet: not ours
    }
    visit(rules, sheet.href ?? doc.baseURI);
  };
  for (const sheet of doc.styleSheets) visitSheet(sheet);
  return faces;
}

/**
 * The weight the browser picks for `wanted` among `available` (CSS Fonts 4 §5.2): 400–500
 * look up to 500, then down, then up; below 400 down first; above 500 up first.
 * `matchWeight(600, [400, 700])` → 700; `matchWeight(500, [400, 700])` → 400.
 */
export function matchWeight(wanted: number, available: readonly number[]): number | undefined {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (sorted.includes(wanted)) return wanted;
  const below = sorted.filter((w) => w < wanted).reverse();
  const above = sorted.filter((w) => w > wanted);
  if (wanted >= 400 && wanted <= 500) {
    const upTo500 = above.filter((w) => w <= 500);
    return upTo500[0] ?? below[0] ?? above[0];
  }
  return wanted < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0]);
}

/**
 * The faces `runs` draw with: for each character, the first family of its run's stack that
 * has a face at the matched weight covering it (the browser's unicode-range fallback).
 * Characters no bundled face covers are left to the viewer's fonts.
 */
export function facesFor(runs: readonly TextRun[], faces: readonly PageFace[]): PageFace[] {
  const byFamily = new Map<string, PageFace[]>();
  for (const face of faces) {
    const key = face.family.toLowerCase();
    byFamily.set(key, [...(byFamily.get(key) ?? []), face]);
  }
  const used = new Set<PageFace>();
  const seen = new Set<string>();
  for (const run of runs) {
    const stack = run.families
      .map((f) => byFamily.get(f.toLowerCase()))
      .filter((f): f is PageFace[] => f !== undefined)
      .map((family) => {
        const weight = matchWeight(
          run.weight,
          family.map((f) => f.weight),
        );
        return family.filter((f) => f.weight === weight);
      });
    if (stack.length === 0) continue;
    const key = `${run.families.join(',')}|${run.weight}|`;
    for (const ch of run.text) {
      if (/\s/.test(ch) || seen.has(key + ch)) continue;
      seen.add(key + ch);
      const cp = ch.codePointAt(0)!;
      for (const family of stack) {
        const face = family.find((f) => covers(f, cp));
        if (face) {
          used.add(face);
          break;
        }
      }
    }
  }
  // In the page's order, so the embedded rules read like fonts.css.
  return faces.filter((f) => used.has(f));
}

const cache = new Map<string, Promise<string>>();

/** The file at `url` as a `data:font/woff2;base64,…` URL (fetched once per page). */
function dataUrl(url: string): Promise<string> {
  let hit = cache.get(url);
  if (!hit) {
    hit = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`font ${url}: HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buf) => `data:font/woff2;base64,${base64(new Uint8Array(buf))}`);
    hit.catch(() => cache.delete(url));
    cache.set(url, hit);
  }
  return hit;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * `@font-face` rules with the files embedded for the faces `runs` need, or `''` when none of
 * their text is in a bundled font. No quotes inside `url()` and nothing XML would escape, so
 * the text can go into an SVG `<style>` as it is.
 */
export async function embeddedFontCss(runs: readonly TextRun[]): Promise<string> {
  const faces = facesFor(runs, pageFaces());
  const urls = await Promise.all(faces.map((f) => dataUrl(f.url)));
  return faces
    .map(
      (f, i) =>
        `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};` +
        `src:url(${urls[i]}) format("woff2")` +
        (f.unicodeRange ? `;unicode-range:${f.unicodeRange}}` : '}'),
    )
    .join('\n');
}

/**
 * Loads the fonts embedded in `svg` in this page, so that drawing the SVG as an image finds
 * them decoded. An SVG image starts loading its fonts only when it is first painted, after
 * `decode()`; until they arrive its text is invisible, so a canvas drawn at once would miss
 * every Korean label. Chromium shares decoded font data between documents by URL: with the
 * same `data:` URLs loaded here first, the image's first paint has them.
 */
export async function warmEmbeddedFonts(svg: string): Promise<void> {
  const urls = new Set(
    [...svg.matchAll(/@font-face\{[^}]*?src:url\((data:font\/woff2;base64,[^)]*)\)/g)].map(
      (m) => m[1]!,
    ),
  );
  await Promise.all(
    [...urls].map((url, i) =>
      new FontFace(`nsviz-export-${i}`, `url(${url})`).load().catch(() => undefined),
    ),
  );
}
