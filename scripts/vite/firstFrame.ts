import react from '@vitejs/plugin-react';
import { createServer, type Plugin, type Rollup } from 'vite';
import type { renderFirstFrame } from '../../src/app/firstFrame/renderFirstFrame.tsx';
import type { FirstFrameConfig, showFirstFrame } from '../../src/app/firstFrame/showFirstFrame.ts';
import type * as PanZoom from '../../src/features/topology/panZoom.ts';
import { parsedFixtures } from './parsedFixtures.ts';

/**
 * The default capture's first frame in index.html (docs/decisions/0011-first-frame.md): at
 * build time the app is rendered by its own components through Vite's SSR loader, once per UI
 * language, into `<template>`s; a small inline script shows the right one at first paint when
 * the address asks for the default capture, and removes it when the app has drawn its own.
 * Build only: the dev server starts empty, as before.
 */
export function firstFrame(root: string): Plugin {
  let base = '/';
  return {
    name: 'nsviz-first-frame',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        // The app's chunk (src/app/main.tsx imports it after the first paint) downloads with the
        // page: preloaded here, with everything it imports.
        const preloads = ctx.bundle ? appChunks(ctx.bundle) : [];
        html = html.replace(
          '</head>',
          `${preloads.map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`).join('')}</head>`,
        );
        const frames = await renderFrames(root);
        if (!frames) return html;
        const korean = Object.values(ctx.bundle ?? {}).find(
          (a) => a.type === 'asset' && /(^|\/)fonts-ko-[\w-]+\.css$/.test(a.fileName),
        );
        const config = {
          ...frames.config,
          koreanFonts: korean ? `${base}${korean.fileName}` : undefined,
        };
        const script = `(${frames.show})(${JSON.stringify(config)});`;
        const templates = frames.html
          .map(([lang, body]) => `<template id="first-frame-${lang}">${body}</template>`)
          .join('');
        return html.replace(
          '<div id="root"></div>',
          `${templates}<div id="first-frame" inert aria-hidden="true"></div><div id="root"></div><script>${script}</script>`,
        );
      },
    },
  };
}

/** The chunk of src/app/start.tsx and the chunks it imports statically, as file names. */
function appChunks(bundle: Rollup.OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
  const out = new Set<string>();
  const visit = (file: string): void => {
    if (out.has(file)) return;
    out.add(file);
    const chunk = bundle[file];
    if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
  };
  if (start) visit(start.fileName);
  return [...out];
}

interface Frames {
  config: Omit<FirstFrameConfig, 'koreanFonts'>;
  show: string;
  html: [string, string][];
}

async function renderFrames(root: string): Promise<Frames | undefined> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    plugins: [react(), parsedFixtures(root)],
  });
  try {
    const render = (await server.ssrLoadModule('/src/app/firstFrame/renderFirstFrame.tsx')) as {
      renderFirstFrame: typeof renderFirstFrame;
    };
    const boot = (await server.ssrLoadModule('/src/app/firstFrame/showFirstFrame.ts')) as {
      showFirstFrame: typeof showFirstFrame;
    };
    const zoom = (await server.ssrLoadModule(
      '/src/features/topology/panZoom.ts',
    )) as typeof PanZoom;
    const fit = { margin: zoom.MARGIN, maxFit: zoom.MAX_FIT };
    const en = await render.renderFirstFrame('en', fit);
    const ko = await render.renderFirstFrame('ko', fit);
    if (!en.id || !en.html || !ko.html) return undefined;
    return {
      config: {
        id: en.id,
        timeoutMs: 15_000,
      },
      show: boot.showFirstFrame.toString(),
      html: [
        ['en', en.html],
        ['ko', ko.html],
      ],
    };
  } finally {
    await server.close();
  }
}
