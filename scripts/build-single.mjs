#!/usr/bin/env node
// `npm run build:single`: the whole app in one self-contained HTML file, dist/nsviz.html, that
// opens from file:// (a USB stick, a slide deck's folder, no server). JS, CSS, the favicon and
// the bundled fixtures are inlined; the parse worker is inlined as a Blob (Vite's
// `?worker&inline`), and should even that fail, the app parses on the main thread.
// See docs/decisions/0008-export-and-embed.md.
//
// Usage: node scripts/build-single.mjs [--out FILE]
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  let out = join(root, 'dist', 'nsviz.html');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1] !== undefined) out = resolve(argv[++i]);
    else if (arg.startsWith('--out=')) out = resolve(arg.slice('--out='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: node scripts/build-single.mjs [--out FILE]\n');
      process.exit(0);
    } else {
      process.stderr.write(`build-single: unknown argument ${JSON.stringify(arg)}\n`);
      process.exit(2);
    }
  }
  return { out };
}

/**
 * Rewrites the parse worker's `new Worker(new URL('./parse.worker.ts', import.meta.url), …)`
 * (src/api/parseWorker.ts) to Vite's inline worker, for this build only: a worker file next to
 * the page cannot be started from file://, a Blob can. Without the pattern it warns and the app
 * falls back to parsing on the main thread.
 */
function inlineParseWorker() {
  const pattern =
    /new Worker\(\s*new URL\(\s*(['"])\.\/parse\.worker\.ts\1\s*,\s*import\.meta\.url\s*\)\s*,/;
  let found = false;
  return {
    name: 'nsviz-inline-parse-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/api/parseWorker.ts')) return undefined;
      if (!pattern.test(code)) return undefined;
      found = true;
      return {
        code:
          "import NsvizInlineParseWorker from './parse.worker.ts?worker&inline';\n" +
          code.replace(pattern, 'new NsvizInlineParseWorker('),
        map: null,
      };
    },
    buildEnd() {
      if (!found) {
        this.warn('parse worker not inlined (pattern not found): parsing runs on the main thread');
      }
    },
  };
}

/** `</script` and `<!--` would end or confuse an inline script: escape them (valid in JS strings). */
function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  const tmp = await mkdtemp(join(tmpdir(), 'nsviz-single-'));
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      base: './',
      plugins: [inlineParseWorker()],
      build: {
        outDir: tmp,
        emptyOutDir: true,
        assetsInlineLimit: Number.MAX_SAFE_INTEGER,
        cssCodeSplit: false,
        modulePreload: false,
        copyPublicDir: false,
        // One chunk: file:// pages cannot import other modules.
        chunkSizeWarningLimit: 100_000,
        rollupOptions: { output: { codeSplitting: false }, checks: { pluginTimings: false } },
      },
    });
    let html = await readFile(join(tmp, 'index.html'), 'utf8');
    const used = new Set();
    const asset = async (ref) => {
      const path = join(tmp, ref.replace(/^\.?\//, ''));
      used.add(relative(tmp, path));
      return readFile(path, 'utf8');
    };
    for (const m of [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)]) {
      const js = await asset(m[1]);
      html = html.replace(m[0], () => `<script type="module">${scriptSafe(js)}</script>`);
    }
    for (const m of [
      ...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g),
    ]) {
      const css = await asset(m[1]);
      html = html.replace(m[0], () => `<style>${css.replace(/<\/(style)/gi, '<\\/$1')}</style>`);
    }
    html = html.replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '');
    // Stylesheets the app links itself (Noto Sans KR's, src/app/koreanFonts.ts): data: URLs.
    for (const e of await readdir(join(tmp, 'assets'), { withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.css') || used.has(join('assets', e.name))) continue;
      const css = await asset(`assets/${e.name}`);
      const data = `data:text/css;base64,${Buffer.from(css).toString('base64')}`;
      html = html.replaceAll(`./assets/${e.name}`, data);
    }
    const icon = await readFile(join(root, 'public', 'favicon.svg')).catch(() => undefined);
    html = html.replace(/(<link\b[^>]*\brel="icon"[^>]*\bhref=")[^"]+(")/, (all, a, b) =>
      icon ? `${a}data:image/svg+xml;base64,${icon.toString('base64')}${b}` : all,
    );
    const left = (await readdir(tmp, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(tmp, join(e.parentPath, e.name)))
      .filter((f) => f !== 'index.html' && !used.has(f));
    if (left.length > 0) {
      throw new Error(`the build made files that are not inlined: ${left.join(', ')}`);
    }
    if (/\b(?:src|href)="\.?\/?assets\//.test(html)) {
      throw new Error('index.html still refers to assets/ after inlining');
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, html);
    const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
    process.stdout.write(`build-single: wrote ${relative(process.cwd(), out) || out} (${kb} KB)\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`build-single: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
