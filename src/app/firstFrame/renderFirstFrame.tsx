import { renderToString } from 'react-dom/server';
import { fixtureQuery } from '../../api/queries.ts';
import { queryClient } from '../../api/queryClient.ts';
import { gallery } from '../../features/fixtures/gallery.ts';
import { defaultEntry } from '../../features/fixtures/manifest.ts';
import type { Lang } from '../../state/viewState.ts';
import { App } from '../App.tsx';

/**
 * The app's first frame for the default capture, rendered at build time (Node, through Vite's
 * SSR loader) by the same components as the browser: index.html shows it while the scripts
 * load, so the picture is on screen at first paint (docs/decisions/0011-first-frame.md).
 *
 * Only this file knows it runs outside a browser: during the render, `window` is a stub with
 * an empty hash (the state the first frame stands for) and `navigator.language` is the
 * language asked for, because the UI language follows the browser's until `lang=` says
 * otherwise. Nothing here is part of the client bundle.
 */
export async function renderFirstFrame(
  lang: Lang,
  fit: FitRule,
): Promise<{ id: string; html: string }> {
  const entry = defaultEntry(gallery.entries);
  if (!entry) return { id: '', html: '' };
  await queryClient.prefetchQuery(fixtureQuery(entry));
  const restore = [
    stubGlobal('window', { location: { hash: '', pathname: '/', search: '', href: '/' } }),
    stubGlobal('navigator', { language: lang }),
  ];
  try {
    return { id: entry.id, html: fitted(inertCopy(renderToString(<App />)), fit) };
  } finally {
    for (const undo of restore) undo();
  }
}

function stubGlobal(name: string, value: unknown): () => void {
  const before = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  return () => {
    if (before) Object.defineProperty(globalThis, name, before);
    else Reflect.deleteProperty(globalThis, name);
  };
}

/**
 * The frame is a picture of the app, not a second app: ids (and what refers to them) and
 * test ids go, so nothing in it can be mistaken for the live page, except the topology's own
 * `data-testid` and entity attributes, which say what is drawn. React's text and attribute
 * values escape `"`, so an attribute pattern cannot match inside text.
 */
export function inertCopy(html: string): string {
  return html
    .replace(/ (?:id|for|aria-controls|aria-labelledby|aria-describedby|href)="[^"]*"/g, '')
    .replace(/ data-testid="(?!topology")[^"]*"/g, '')
    .replace(/ data-autofocus="[^"]*"/g, '');
}

/** The pan/zoom controller's fit (src/features/topology/panZoom.ts). */
export interface FitRule {
  margin: number;
  maxFit: number;
}

/**
 * The topology fitted as the pan/zoom controller will fit it, without script or measuring:
 * the scene's viewBox in a content box inset by the controller's margin (`meet` centres it),
 * never wider than its largest fitting zoom. The viewport's `aspect-ratio` is the scene's size.
 */
export function fitted(html: string, { margin, maxFit }: FitRule): string {
  return html.replace(
    /(aspect-ratio:\s*([\d.]+)\s*\/\s*([\d.]+)[^>]*>\s*<svg[^>]*?) data-testid="topology"/,
    (_, head: string, w: string, h: string) => {
      const style = `padding:${margin}px;box-sizing:border-box;max-width:${Number(w) * maxFit + 2 * margin}px;margin:0 auto`;
      return `${head} data-testid="topology" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid meet" style="${style}"`;
    },
  );
}
