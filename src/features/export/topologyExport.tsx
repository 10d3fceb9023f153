import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Scene } from '../../layout/index.ts';
import { TopologySvg } from '../../render/TopologySvg.tsx';
import { colorResolver, pageBackground, replaceVars } from './colors.ts';
import { embeddedFontCss, textRuns } from './fonts.ts';
import type { SvgPicture } from './svgPicture.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The topology as a standalone SVG file: the scene drawn by the screen's own `TopologySvg`
 * (rendered off-screen, so neither zoom nor hover reach it) at the scene's natural size, its
 * inline stylesheet's theme colours made concrete, the font files its text needs embedded, and
 * the page background behind it unless `transparent`. See docs/decisions/0008-export-and-embed.md.
 */
export async function topologyPicture(
  scene: Scene,
  label: string,
  transparent: boolean,
): Promise<SvgPicture> {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(<TopologySvg scene={scene} label={label} />));
  const svg = host.querySelector('svg');
  if (!svg) throw new Error('the topology did not render');
  const resolver = colorResolver(document.body);
  try {
    // In the document (undisplayed) just long enough to read each text's computed font.
    host.style.display = 'none';
    document.body.appendChild(host);
    const runs = textRuns(svg);
    host.remove();
    const fonts = await embeddedFontCss(runs);
    if (fonts !== '') {
      const style = document.createElementNS(SVG_NS, 'style');
      style.setAttribute('data-export', 'fonts');
      style.textContent = fonts;
      svg.insertBefore(style, svg.querySelector('style') ?? svg.firstChild);
    }
    svg.removeAttribute('data-testid');
    svg.setAttribute('data-export', 'topology');
    svg.setAttribute('width', String(scene.width));
    svg.setAttribute('height', String(scene.height));
    svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
    if (!transparent) {
      // Behind everything, after the title and stylesheet.
      const bg = document.createElementNS(SVG_NS, 'rect');
      bg.setAttribute('data-export', 'background');
      bg.setAttribute('width', '100%');
      bg.setAttribute('height', '100%');
      bg.setAttribute('fill', pageBackground(resolver.color));
      const style = svg.querySelector('style');
      svg.insertBefore(bg, style ? style.nextSibling : svg.firstChild);
    }
    const text = replaceVars(new XMLSerializer().serializeToString(svg), resolver.color);
    return {
      svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`,
      width: scene.width,
      height: scene.height,
    };
  } finally {
    host.remove();
    resolver.dispose();
    root.unmount();
  }
}
