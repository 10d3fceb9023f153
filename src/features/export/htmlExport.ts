import { colorResolver, pageBackground, rgbToHex } from './colors.ts';
import { embeddedFontCss, textRuns } from './fonts.ts';
import type { SvgPicture } from './svgPicture.ts';

/**
 * An HTML view (matrix, table, compare) as a standalone SVG: the live DOM cloned into a
 * `<foreignObject>`, each element carrying the computed values of the properties that draw it
 * (so theme colours are concrete and no page stylesheet is needed), at the view's full size.
 * See docs/decisions/0008-export-and-embed.md for why computed styles and not the rules.
 */

/** Inherited properties: written where they differ from the parent's. */
const INHERITED = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'white-space',
  'word-break',
  'overflow-wrap',
  'visibility',
  'border-collapse',
  'border-spacing',
  'caption-side',
  'list-style-type',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
] as const;

/** Other properties: written where they differ from the element's browser default. */
const OWN = [
  'display',
  'box-sizing',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  ...['top', 'right', 'bottom', 'left'].flatMap((side) => [
    `border-${side}-width`,
    `border-${side}-style`,
    `border-${side}-color`,
  ]),
  'border-top-left-radius',
  'border-top-right-radius',
  'border-bottom-right-radius',
  'border-bottom-left-radius',
  'background-color',
  'outline-width',
  'outline-style',
  'outline-color',
  'outline-offset',
  'opacity',
  'vertical-align',
  'text-decoration-line',
  'box-shadow',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'justify-content',
  'row-gap',
  'column-gap',
  'grid-template-columns',
  'table-layout',
  'list-style-position',
  'float',
] as const;

/** Displays whose width is part of the layout the picture must keep. */
const SIZED = /^(table|table-cell|table-column|table-caption|inline-block|block)$/;

/** Room around the view in the picture, in CSS pixels. */
const MARGIN = 16;

/** Attributes that only mean something in the live page. */
const LIVE_ONLY = ['data-highlighted', 'tabindex', 'contenteditable', 'draggable'];

/**
 * `view` drawn as an SVG picture, with the font files its text needs embedded. `transparent`
 * leaves out the page background.
 * `(await htmlPicture(document.querySelector('[data-testid=matrix]'), false)).svg` starts with `<?xml`.
 */
export async function htmlPicture(view: HTMLElement, transparent: boolean): Promise<SvgPicture> {
  const picture = htmlPictureWithoutFonts(view, transparent);
  const fonts = await embeddedFontCss(textRuns(view));
  if (fonts === '') return picture;
  const svg = picture.svg.replace(
    '<style>',
    () => `<style data-export="fonts">${fonts}</style><style>`,
  );
  return { ...picture, svg };
}

function htmlPictureWithoutFonts(view: HTMLElement, transparent: boolean): SvgPicture {
  const rect = view.getBoundingClientRect();
  const inner = {
    width: Math.ceil(Math.max(rect.width, view.scrollWidth)),
    height: Math.ceil(Math.max(rect.height, view.scrollHeight)),
  };
  const width = inner.width + 2 * MARGIN;
  const height = inner.height + 2 * MARGIN;
  const defaults = new DefaultStyles();
  const resolver = colorResolver(document.body);
  try {
    const clone = cloneStyled(view, undefined, defaults);
    clone.style.setProperty('margin', '0');
    clone.style.setProperty('width', `${inner.width}px`);
    clone.style.setProperty('height', `${inner.height}px`);
    clone.style.setProperty('box-sizing', 'border-box');
    clone.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
    const bg = transparent
      ? ''
      : `<rect data-export="background" width="100%" height="100%" fill="${pageBackground(resolver.color)}"/>`;
    const body = new XMLSerializer().serializeToString(clone);
    const svg =
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<svg xmlns="http://www.w3.org/2000/svg" data-export="${escapeAttr(view.dataset.testid ?? 'view')}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<style>foreignObject>*{font-kerning:normal;-webkit-font-smoothing:antialiased}</style>` +
      bg +
      `<foreignObject x="${MARGIN}" y="${MARGIN}" width="${inner.width}" height="${inner.height}">${body}</foreignObject></svg>\n`;
    return { svg, width, height };
  } finally {
    resolver.dispose();
    defaults.dispose();
  }
}

function cloneStyled(
  el: Element,
  parent: CSSStyleDeclaration | undefined,
  defaults: DefaultStyles,
): HTMLElement {
  const copy = el.cloneNode(false) as HTMLElement;
  for (const name of LIVE_ONLY) copy.removeAttribute(name);
  copy.removeAttribute('style');
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    copy.setAttribute('value', el.value);
  }
  const computed = getComputedStyle(el);
  const base = defaults.of(el);
  const decls: string[] = [];
  // Form controls reset inherited properties in the browser's stylesheet (buttontext, not
  // the parent's colour); other elements may set some (th: centred, bold).
  const control = el.matches('button, input, select, textarea');
  for (const prop of INHERITED) {
    const value = computed.getPropertyValue(prop);
    if (
      parent === undefined ||
      control ||
      value !== parent.getPropertyValue(prop) ||
      defaults.setsInherited(el, prop)
    ) {
      decls.push(`${prop}:${concrete(value)}`);
    }
  }
  for (const prop of OWN) {
    const value = computed.getPropertyValue(prop);
    if (value !== base.getPropertyValue(prop)) decls.push(`${prop}:${concrete(value)}`);
  }
  if (SIZED.test(computed.display) || el instanceof SVGSVGElement) {
    decls.push(`width:${computed.width}`);
  }
  if (computed.display === 'inline-block' || el instanceof SVGSVGElement) {
    decls.push(`height:${computed.height}`);
  }
  if (decls.length > 0) copy.setAttribute('style', decls.join(';'));
  for (const child of el.childNodes) {
    if (child instanceof Element) {
      if (child instanceof HTMLScriptElement || (child as HTMLElement).hidden) continue;
      copy.appendChild(cloneStyled(child, computed, defaults));
    } else if (child.nodeType === Node.TEXT_NODE) copy.appendChild(child.cloneNode());
  }
  return copy;
}

/** `rgb(…)` colours as hex inside a computed value; other text as it is. */
function concrete(value: string): string {
  return value.replace(/rgba?\([^)]*\)/g, (c) => rgbToHex(c));
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Browser-default computed styles per element kind, measured in a blank same-origin iframe
 * (no page stylesheet there), so only what the app's CSS changed gets written out.
 */
class DefaultStyles {
  private frame: HTMLIFrameElement | undefined;
  private cache = new Map<string, CSSStyleDeclaration>();

  of(el: Element): CSSStyleDeclaration {
    const key = `${el.namespaceURI ?? ''} ${el.localName}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const doc = this.doc();
    const probe = doc.createElementNS(el.namespaceURI, el.localName);
    doc.body.appendChild(probe);
    const style = doc.defaultView!.getComputedStyle(probe);
    this.cache.set(key, style);
    return style;
  }

  /** Whether the browser's stylesheet gives `el` its own value of inherited `prop`. */
  setsInherited(el: Element, prop: string): boolean {
    const body = this.doc().defaultView!.getComputedStyle(this.doc().body);
    return this.of(el).getPropertyValue(prop) !== body.getPropertyValue(prop);
  }

  dispose(): void {
    this.frame?.remove();
  }

  private doc(): Document {
    if (!this.frame) {
      this.frame = document.createElement('iframe');
      this.frame.setAttribute('aria-hidden', 'true');
      this.frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
      document.body.appendChild(this.frame);
      // Standards mode, as the app's page: about:blank alone would be in quirks mode.
      const doc = this.frame.contentDocument!;
      doc.open();
      doc.write('<!doctype html><html><head></head><body></body></html>');
      doc.close();
    }
    return this.frame.contentDocument!;
  }
}
