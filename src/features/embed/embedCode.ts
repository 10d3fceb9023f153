/**
 * The "copy embed code" snippet: an `<iframe>` of the current link in embed mode
 * (contract §5 `embed=1`), optionally with a transparent background (`bg=transparent`).
 */

export interface EmbedOptions {
  transparent: boolean;
  /** Accessible name of the frame. */
  title: string;
  width?: number;
  height?: number;
}

/** Hash keys that only matter with the app's chrome around the view. */
const CHROME_ONLY = ['q', 'compare'];

/**
 * The page's URL with `embed=1` (and `bg=transparent` when asked) in its hash, every other
 * view setting kept. `embedUrl('https://h/nsviz/#src=myweb2&view=matrix', true)` →
 * `'https://h/nsviz/#src=myweb2&view=matrix&embed=1&bg=transparent'`.
 */
export function embedUrl(href: string, transparent: boolean): string {
  const hashAt = href.indexOf('#');
  const base = hashAt < 0 ? href : href.slice(0, hashAt);
  const params = new URLSearchParams(hashAt < 0 ? '' : href.slice(hashAt + 1));
  for (const key of CHROME_ONLY) params.delete(key);
  params.set('embed', '1');
  if (transparent) params.set('bg', 'transparent');
  else params.delete('bg');
  // Commas stay readable (`types=net,ipc`); the app reads both spellings.
  return `${base}#${params.toString().replace(/%2C/gi, ',')}`;
}

/**
 * The `<iframe>` snippet. Attribute values are escaped: the URL may carry any text.
 * `embedSnippet('https://h/#embed=1', { transparent: false, title: 'nsviz' })` →
 * `'<iframe src="https://h/#embed=1" title="nsviz" width="960" height="540" style="border:0" loading="lazy"></iframe>'`.
 */
export function embedSnippet(url: string, options: EmbedOptions): string {
  const { transparent, title, width = 960, height = 540 } = options;
  const style = transparent ? 'border:0;background:transparent' : 'border:0';
  return (
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(title)}" width="${width}" height="${height}"` +
    ` style="${style}" loading="lazy"></iframe>`
  );
}

function escapeAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
