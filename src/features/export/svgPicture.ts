import { warmEmbeddedFonts } from './fonts.ts';

/** A standalone SVG document and the size it is drawn at, in CSS pixels. */
export interface SvgPicture {
  svg: string;
  width: number;
  height: number;
}

/** Canvas limits every current desktop browser accepts (Chromium: 32767 per side, 268 Mpx). */
const MAX_SIDE = 16_384;
const MAX_AREA = 134_217_728;

/**
 * The scale a PNG of `width × height` can have, at most `wanted`: 2 unless the picture is so
 * large that twice it would not fit a canvas. `pngScale(1200, 700)` → 2.
 */
export function pngScale(width: number, height: number, wanted = 2): number {
  const limit = Math.min(
    MAX_SIDE / Math.max(1, width),
    MAX_SIDE / Math.max(1, height),
    Math.sqrt(MAX_AREA / Math.max(1, width * height)),
  );
  return Math.min(wanted, Math.floor(limit * 100) / 100);
}

/**
 * Rasterizes an SVG picture at `scale` (PNG). The browser draws the same file the SVG export
 * writes, with the fonts embedded in it, so both look alike; those fonts are loaded first, or
 * the image's first paint would leave out the text still waiting for them
 * (docs/decisions/0008-export-and-embed.md).
 */
export async function svgToPng(picture: SvgPicture, scale: number): Promise<Blob> {
  await Promise.all([document.fonts.ready, warmEmbeddedFonts(picture.svg)]);
  const img = new Image();
  img.width = picture.width;
  img.height = picture.height;
  // A data: URL, not a blob: one, keeps the canvas untainted for foreignObject pictures too.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no PNG'))),
      'image/png',
    ),
  );
}

/** Saves `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The file name stem for a source id: a fixture id as it is, a URL's last path segment
 * without its extension, anything else made safe for file systems.
 * `fileStem('https://h/caps/kind-worker.txt')` → `'kind-worker'`; `fileStem('myweb2')` → `'myweb2'`.
 */
export function fileStem(src: string): string {
  let stem = src;
  if (/^(https?:\/\/|\.?\/)/i.test(src)) {
    const path = src.replace(/[?#].*$/, '').replace(/\/+$/, '');
    stem = (path.split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  }
  const safe = stem
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return safe === '' ? 'nsviz' : safe;
}
