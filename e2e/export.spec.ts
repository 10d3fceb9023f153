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

/** Opens the toolbar's Export group (a disclosure button), unless it is open. */
async function openExport(page: Page): Promise<void> {
  const toggle = page.getByTestId('export-menu');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('export-svg')).toBeVisible();
}

async function exportFile(page: Page, kind: 'svg' | 'png' | 'json'): Promise<Download> {
  await openExport(page);
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

/** The embedded `@font-face` rules of an SVG: family, weight, unicode-range, data: URL. */
function embeddedFonts(svg: string) {
  return [...svg.matchAll(/@font-face\{([^}]*)\}/g)].map(([, body = '']) => ({
    family: /font-family:"([^"]+)"/.exec(body)?.[1],
    weight: Number(/font-weight:(\d+)/.exec(body)?.[1]),
    range: /unicode-range:([^;}]*)/.exec(body)?.[1] ?? '',
    url: /src:url\(([^)]*)\)/.exec(body)?.[1] ?? '',
  }));
}

/** Every http(s) URL in an SVG apart from XML namespace names (which load nothing). */
function httpUrls(svg: string): string[] {
  return svg.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').match(/https?:\/\/[^\s"'<>)]*/gi) ?? [];
}

/**
 * Checks the embedded fonts of `svg` work offline: each data: URL decodes as a font, and the
 * picture drawn with them (once they are loaded: an SVG image's text is invisible while its
 * fonts load) differs from the same picture with its font rules taken out, so the text is
 * really drawn in them, not in a system font. Nothing is fetched while drawing.
 */
async function checkFontsOffline(page: Page, svg: string): Promise<void> {
  await page.goto('about:blank');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const result = await page.evaluate(async (source) => {
    const fonts = [...source.matchAll(/src:url\((data:font\/woff2;base64,[^)]*)\)/g)];
    const loaded = await Promise.all(
      fonts.map((m, i) =>
        new FontFace(`probe${i}`, `url(${m[1]})`).load().then(
          () => true,
          () => false,
        ),
      ),
    );
    const draw = async (text: string) => {
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, c.width, c.height).data;
    };
    const without = await draw(source.replace(/@font-face\{[^}]*\}/g, ''));
    await draw(source);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const withFonts = await draw(source);
    let differ = 0;
    for (let i = 0; i < withFonts.length; i += 4) if (withFonts[i] !== without[i]) differ++;
    return { loaded, differ };
  }, svg);
  expect(result.loaded.length).toBeGreaterThan(0);
  expect(result.loaded.every(Boolean)).toBe(true);
  expect(result.differ).toBeGreaterThan(100);
  expect(requests.filter((r) => !/^(data|about):/.test(r))).toEqual([]);
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

    // Fonts inlined: the Latin faces of Noto Sans (and Mono for inodes) the text uses, as data.
    const fonts = embeddedFonts(svg);
    expect(fonts.find((f) => f.family === 'Noto Sans' && f.weight === 400)?.url).toMatch(
      /^data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}=*$/,
    );
    expect(fonts.some((f) => f.family === 'Noto Sans Mono')).toBe(true);
    // English text needs no Korean subset.
    expect(fonts.filter((f) => f.family === 'Noto Sans KR')).toEqual([]);
    expect(httpUrls(svg)).toEqual([]);
    await checkFontsOffline(page, svg);

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

  test('Korean topology SVG embeds only the Korean subsets its text uses', async ({ page }) => {
    const errors = collectErrors(page);
    await openView(page, 'src=myweb2&view=topology&theme=light&lang=ko');
    await expect(page.getByTestId('topology')).toBeVisible();
    const svg = (await read(await exportFile(page, 'svg'))).toString('utf8');
    const facts = await inspectSvg(page, svg);
    expect(facts.error).toBeNull();
    const drawn = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '').join('');
    }, svg);
    const hangul = [...new Set(drawn.match(/[\uac00-\ud7a3]/g) ?? [])];
    expect(hangul.length).toBeGreaterThan(3);

    const fonts = embeddedFonts(svg);
    const korean = fonts.filter((f) => f.family === 'Noto Sans KR');
    expect(korean.length).toBeGreaterThan(0);
    // A handful of ~100 subsets per weight, not all of them.
    expect(korean.length).toBeLessThan(40);
    for (const f of korean) expect(f.url).toMatch(/^data:font\/woff2;base64,/);
    // Every syllable drawn is in an embedded subset.
    const inRange = (range: string, cp: number) =>
      [...range.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)].some(
        ([, lo = '', hi]) => cp >= parseInt(lo, 16) && cp <= parseInt(hi ?? lo, 16),
      );
    for (const ch of hangul) {
      expect(
        korean.some((f) => inRange(f.range, ch.codePointAt(0)!)),
        ch,
      ).toBe(true);
    }
    expect(fonts.some((f) => f.family === 'Noto Sans')).toBe(true);
    expect(httpUrls(svg)).toEqual([]);
    expect(externalRefs(svg)).toEqual([]);
    console.log(
      `ko topology SVG: ${svg.length} bytes, ${fonts.length} faces, ${korean.length} Korean`,
    );
    await checkFontsOffline(page, svg);
    const seen = await lookAt(
      page,
      'image/svg+xml',
      Buffer.from(svg),
      'export-topology-svg-ko.png',
      facts.width,
    );

    // The PNG has the Korean labels too (drawn only once the image's fonts are loaded).
    await openView(page, 'src=myweb2&view=topology&theme=light&lang=ko');
    const png = await read(await exportFile(page, 'png'));
    const drawn2x = await lookAt(page, 'image/png', png, 'export-topology-png-ko.png', facts.width);
    expect(drawn2x.inked).toBeGreaterThan(seen.inked * 0.9);
    expect(errors).toEqual([]);
  });

  test('transparent background leaves the backdrop out', async ({ page }) => {
    await openView(page, 'src=myweb2&view=topology');
    await openExport(page);
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
    expect(embeddedFonts(svg).some((f) => f.family === 'Noto Sans')).toBe(true);
    expect(httpUrls(svg)).toEqual([]);

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
    await openExport(page);
    await page.getByTestId('copy-embed').click();
    await expect(page.getByTestId('embed-copied')).toBeVisible();
    await expect(page.getByTestId('embed-copied')).toContainText('copied');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#src=myweb2&amp;view=topology&amp;embed=1" /,
    );
    expect(code).not.toContain('q=nginx');
    expect(code).toContain('title="nsviz: myweb2');

    await openExport(page);
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
    await openExport(page);
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
    // A second Escape closes the Export group, back on its button.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('copy-embed')).toBeHidden();
    await expect(page.getByTestId('export-menu')).toBeFocused();
    await expect(page.getByTestId('export-menu')).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('the toolbar at 1280 px @export', () => {
  for (const lang of ['en', 'ko'] as const) {
    test(`one row in ${lang}; the export buttons behind one Export button`, async ({ page }) => {
      await openView(page, `src=myweb2&view=matrix&lang=${lang}`);
      const toolbar = page.getByRole('toolbar');
      const boxes = await toolbar.evaluate((el) =>
        [...el.children].map((c) => {
          const r = c.getBoundingClientRect();
          return { name: c.className, top: r.top, bottom: r.bottom, right: r.right };
        }),
      );
      expect(boxes.map((b) => b.name)).toEqual([
        'view-switch',
        'type-filter',
        'search',
        'export-menu',
      ]);
      // One row: every group overlaps the first one vertically, and none leaves the page.
      const [first] = boxes;
      for (const b of boxes) {
        expect(b.top, b.name).toBeLessThan(first!.bottom);
        expect(b.right, b.name).toBeLessThanOrEqual(1280);
      }
      // The search box keeps room for its whole placeholder.
      const clipped = await page.getByTestId('search').evaluate((el: HTMLInputElement) => {
        const probe = document.createElement('span');
        probe.style.cssText = `font: ${getComputedStyle(el).font}; position: absolute; white-space: pre`;
        probe.textContent = el.placeholder;
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width > el.clientWidth - 20;
      });
      expect(clipped).toBe(false);

      const toggle = page.getByTestId('export-menu');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByTestId('export-svg')).toBeHidden();
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      for (const id of [
        'export-svg',
        'export-png',
        'export-json',
        'copy-embed',
        'export-transparent',
      ])
        await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
      await expect(
        page.getByRole('group', { name: lang === 'ko' ? '내보내기' : 'Export' }),
      ).toBeVisible();
      await page.screenshot({ path: `test-results/toolbar-export-${lang}.png` });
      // The keyboard reaches the buttons from the toggle.
      await toggle.focus();
      await page.keyboard.press('Tab');
      await expect(page.getByTestId('export-svg')).toBeFocused();
      // A click elsewhere closes it.
      await page.getByTestId('matrix').locator('h2').click();
      await expect(page.getByTestId('export-svg')).toBeHidden();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    });
  }
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
