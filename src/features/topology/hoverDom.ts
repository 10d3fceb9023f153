/*
 * What hovering does to the topology's own DOM, outside React: tooltips added on demand, and
 * the drawing-only copies of highlighted entities for the overlay above the faded body.
 */

/** What has a tooltip on screen: entities and regions by their name, some labels by a title. */
export const TIPPED = '[data-title], [aria-label]';

/**
 * The tooltip of a hovered element: the screen draws no `<title>` per element (thousands of
 * nodes), so the first hover adds it from the element's `data-title` or accessible name.
 */
export function showTitle(el: Element): void {
  const text = el.getAttribute('data-title') ?? el.getAttribute('aria-label') ?? '';
  const first = el.firstElementChild;
  if (first?.tagName === 'title') {
    if (first.textContent !== text) first.textContent = text;
    return;
  }
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = text;
  el.prepend(title);
}

/** A drawing-only copy of an entity or link for the highlight overlay. */
export function copyOf(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    // Copies are not entities: no contract attributes (tests and tools count the originals).
    const kind = node.getAttribute('data-kind');
    if (kind !== null) node.setAttribute('data-copy-kind', kind);
    for (const attr of COPY_DROPS) node.removeAttribute(attr);
  }
  copy.querySelectorAll('title').forEach((t) => t.remove());
  return copy;
}

const COPY_DROPS = [
  'data-key',
  'data-kind',
  'data-ns-type',
  'data-scope',
  'data-from',
  'data-to',
  'data-lit',
  'data-highlighted',
  'data-action',
  'data-target',
  'data-sandbox',
  'data-title',
  'tabindex',
  'role',
  'aria-label',
  'id',
];
