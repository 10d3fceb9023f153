import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test, type Download, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

// Export (contract §5 `export-svg`, `export-png`; issue 3 "Slides and export"): the files are
// downloaded, parsed and checked, then opened in the browser and screenshot to
// test-results/export-*.png for people to look at.

const ROOT = new URL('..', import.meta.url);

async function openView(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('workspace')).toBeVisible({ timeout: 20_000 });
}

async function exportFile(page: Page, kind: 'svg' | 'png' | 'json'): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${kind}`).click(),
  ]);
  return download;
}

async function read(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Facts about an SVG file, read with the browser's XML parser. */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const count = (sel: string) => doc.querySelectorAll(sel).length;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      styles: count('style'),
      pods: count('[data-kind="pod"]'),
      containers: count('[data-kind="container"]'),
      namespaces: count('[data-kind="namespace"]'),
      foreignObjects: count('foreignObject'),
      inodeCells: count('[data-inode]'),
      background: doc.querySelector('[data-export="background"]')?.getAttribute('fill') ?? null,
      highlighted: count('[data-highlighted]'),
      controls: count('.topo-control'),
    };
  }, text);
}

/** No reference that would load anything: every href/src/url() is local (#id) or data:. */
function externalRefs(svg: string): string[] {
  const refs = [
    ...svg.matchAll(/(?<![\w-])(?:href|src)\s*=\s*["']([^"']*)["']/gi),
    ...svg.matchAll(/url\(\s*["']?([^"')]*)/gi),
    ...svg.matchAll(/@import\s+["']?([^"';]*)/gi),
  ].map((m) => m[1] ?? '');
  return refs.filter((r) => !r.startsWith('#') && !r.startsWith('data:'));
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Shows a file the way a viewer would (an <img> of it), screenshots it, and counts inked pixels. */
async function lookAt(page: Page, mime: string, data: Buffer, shot: string, cssWidth: number) {
  const url = `data:${mime};base64,${data.toString('base64')}`;
  // A new document: setContent alone would keep the app's URL, and the next goto to the same
  // page with another hash would not load the app again.
  await page.goto('about:blank');
  await page.setViewportSize({ width: Math.min(1600, Math.ceil(cssWidth) + 40), height: 900 });
  await page.setContent(
    `<body style="margin:0;padding:20px;background:#fff"><img id="pic" style="width:${cssWidth}px" src="${url}"></body>`,
  );
  await page.locator('#pic').evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path: `test-results/${shot}`, fullPage: true });
  return page.locator('#pic').evaluate((img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3]! > 200 && px[i]! + px[i + 1]! + px[i + 2]! < 200) dark++;
    }
    return { inked: dark / (px.length / 4), width: img.naturalWidth, height: img.naturalHeight };
  });
}

test.describe('export @export', () => {
  test('topology SVG: standalone, vector, styled, the whole scene, not the zoom', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await openView(page, 'src=myweb2&view=topology&theme=light');
    const live = page.getByTestId('topology');
    await expect(live).toBeVisible();
    const first = await exportFile(page, 'svg');
    expect(first.suggestedFilename()).toBe('myweb2-topology.svg');
    const svg = (await read(first)).toString('utf8');

    // Hover and zoom the screen: the next export must not change.
    await live.locator('[data-kind="namespace"][data-scope="pod"]').first().hover();
    await page.mouse.wheel(0, -600);
    const second = (await read(await exportFile(page, 'svg'))).toString('utf8');
    expect(second).toBe(svg);

    const facts = await inspectSvg(page, svg);
    expect(facts.error).toBeNull();
    expect(facts.root).toBe('svg');
    expect(facts.ns).toBe('http://www.w3.org/2000/svg');
    expect(facts.styles).toBeGreaterThan(0);
    expect(facts.pods).toBe(1);
    expect(facts.containers).toBe(3);
    expect(facts.namespaces).toBeGreaterThanOrEqual(19);
    expect(facts.highlighted).toBe(0);
    expect(facts.controls).toBe(0);
    expect(facts.width).toBeGreaterThan(600);
    expect(facts.background).toBe('#f6f6f8');
    expect(externalRefs(svg)).toEqual([]);
    expect(svg).not.toMatch(/var\(--|light-dark\(/);
    expect(svg).not.toMatch(/<script/i);

    const seen = await lookAt(
      page,
      'image/svg+xml',
      Buffer.from(svg),
      'export-topology-svg.png',
      facts.width,
    );
    expect(seen.inked).toBeGreaterThan(0.005);
    expect(errors).toEqual([]);
  });

  test('topology PNG is twice the picture and drawn with text', async ({ page }) => {
    await openView(page, 'src=myweb2&view=topology&theme=dark');
    const svg = (await read(await exportFile(page, 'svg'))).toString('utf8');
    const facts = await inspectSvg(page, svg);
    expect(facts.background).toBe('#151518');
    expect(svg).toContain('.topo text{fill:#e9e9ee}');

    await openView(page, 'src=myweb2&view=topology&theme=dark');
    const download = await exportFile(page, 'png');
    expect(download.suggestedFilename()).toBe('myweb2-topology.png');
    const png = await read(download);
    expect(pngSize(png)).toEqual({ width: facts.width * 2, height: facts.height * 2 });
    const seen = await lookAt(page, 'image/png', png, 'export-topology-png-dark.png', facts.width);
    // A dark picture: most of it is the dark page background, not empty.
    expect(seen.inked).toBeGreaterThan(0.5);
  });

  test('transparent background leaves the backdrop out', async ({ page }) => {
    await openView(page, 'src=myweb2&view=topology');
    await page.getByTestId('export-transparent').check();
    const svg = (await read(await exportFile(page, 'svg'))).toString('utf8');
    expect((await inspectSvg(page, svg)).background).toBeNull();
  });

  test('matrix and table SVG/PNG: the HTML view in a foreignObject', async ({ page }) => {
    const errors = collectErrors(page);
    await openView(page, 'src=myweb2&view=matrix&theme=light');
    await expect(page.getByTestId('matrix')).toBeVisible();
    const liveCells = await page.getByTestId('matrix').locator('[data-inode]').count();
    const download = await exportFile(page, 'svg');
    expect(download.suggestedFilename()).toBe('myweb2-matrix.svg');
    const svg = (await read(download)).toString('utf8');
    const facts = await inspectSvg(page, svg);
    expect(facts.error).toBeNull();
    expect(facts.root).toBe('svg');
    expect(facts.styles).toBeGreaterThan(0);
    expect(facts.foreignObjects).toBe(1);
    expect(liveCells).toBeGreaterThan(10);
    expect(facts.inodeCells).toBe(liveCells);
    expect(externalRefs(svg)).toEqual([]);
    expect(svg).not.toMatch(/var\(--|light-dark\(/);

    await openView(page, 'src=myweb2&view=matrix&theme=light');
    const png = await read(await exportFile(page, 'png'));
    expect(pngSize(png)).toEqual({ width: facts.width * 2, height: facts.height * 2 });
    const seen = await lookAt(page, 'image/png', png, 'export-matrix-png.png', facts.width);
    expect(seen.inked).toBeGreaterThan(0.003);

    await openView(page, 'src=myweb2&view=table&theme=dark');
    const table = await exportFile(page, 'svg');
    expect(table.suggestedFilename()).toBe('myweb2-table.svg');
    const tableSvg = (await read(table)).toString('utf8');
    const tableFacts = await inspectSvg(page, tableSvg);
    expect(tableFacts.error).toBeNull();
    expect(tableFacts.background).toBe('#151518');
    expect(externalRefs(tableSvg)).toEqual([]);
    await lookAt(
      page,
      'image/svg+xml',
      Buffer.from(tableSvg),
      'export-table-svg-dark.png',
      tableFacts.width,
    );
    expect(errors).toEqual([]);
  });

  test('snapshot JSON is exactly what `nsviz convert` writes', async ({ page }) => {
    await openView(page, 'src=myweb2&view=topology');
    const download = await exportFile(page, 'json');
    expect(download.suggestedFilename()).toBe('myweb2.snapshot.json');
    const text = (await read(download)).toString('utf8');
    const snap = JSON.parse(text) as Record<string, unknown[]> & { schema: string };
    expect(snap.schema).toBe('nsviz/snapshot@1');
    const cli = execFileSync(
      process.execPath,
      ['../bin/nsviz.mjs', 'convert', 'reconstructed/myweb2.txt'],
      { cwd: new URL('fixtures/', ROOT), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const fromCli = JSON.parse(cli) as typeof snap;
    for (const key of ['pods', 'containers', 'processes', 'namespaces'] as const) {
      expect(snap[key]?.length, key).toBe(fromCli[key]?.length);
    }
    expect(text).toBe(cli);
  });

  test('copy embed code: clipboard, confirmation, transparent option', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
    await openView(page, 'src=myweb2&view=topology&q=nginx');
    await page.getByTestId('copy-embed').click();
    await expect(page.getByTestId('embed-copied')).toBeVisible();
    await expect(page.getByTestId('embed-copied')).toContainText('copied');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#src=myweb2&amp;view=topology&amp;embed=1" /,
    );
    expect(code).not.toContain('q=nginx');
    expect(code).toContain('title="nsviz: myweb2');

    await page.getByTestId('export-transparent').check();
    await page.getByTestId('copy-embed').click();
    const transparent = await page.evaluate(() => navigator.clipboard.readText());
    expect(transparent).toContain('embed=1&amp;bg=transparent');
    expect(transparent).toContain('background:transparent');
  });

  test('copy embed code falls back to a selected text field when the clipboard is denied', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await openView(page, 'src=myweb2&view=matrix&lang=ko');
    await expect(page.getByTestId('copy-embed')).toHaveText('임베드 코드 복사');
    await page.getByTestId('copy-embed').click();
    const field = page.getByTestId('embed-code');
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(
      /^<iframe src="[^"]*#src=myweb2&amp;view=matrix&amp;lang=ko&amp;embed=1"/,
    );
    const selected = await field.evaluate(
      (el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart === el.value.length,
    );
    expect(selected).toBe(true);
    await expect(page.getByRole('dialog')).toContainText('클립보드');
    await field.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(page.getByTestId('copy-embed')).toBeFocused();
  });
});

test.describe('single-file build @export', () => {
  test.setTimeout(180_000);

  test('dist/nsviz.html opens from file:// and shows myweb2', async ({ page }, info) => {
    const out = info.outputPath('nsviz.html');
    execFileSync(process.execPath, ['scripts/build-single.mjs', '--out', out], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 150_000,
    });
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);

    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(out).href;
    await page.goto(`${url}#src=myweb2&view=topology`);
    const svg = page.getByTestId('topology');
    await expect(svg).toBeVisible({ timeout: 30_000 });
    await expect(svg.locator('[data-kind="pod"]')).toHaveCount(1);
    await expect(svg.locator('[data-kind="container"]')).toHaveCount(3);
    await page.screenshot({ path: 'test-results/export-single-file.png' });
    // Only the page itself and inline data/blob URLs: nothing next to it, nothing online.
    expect(requests.filter((r) => !r.startsWith(url) && !/^(data|blob):/.test(r))).toEqual([]);

    await page.goto(`${url}#src=metrics-server&view=matrix`);
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'metrics-server', {
      timeout: 30_000,
    });
    expect(errors).toEqual([]);
  });
});
