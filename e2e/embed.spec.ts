import { expect, test, type Frame, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

// Embed mode (contract §5 `embed=1`, issue 3 "Slides and export"), inside a real <iframe> on a
// host page, as a slide deck would show it. Screenshots: test-results/embed-*.png.

const FRAME = { width: 800, height: 450 };
/** The host page's colour: where it shows through the frame, the frame is transparent. */
const HOST_BG = 'rgb(200, 30, 30)';

async function hostPage(page: Page, baseURL: string, hash: string): Promise<Frame> {
  await page.setViewportSize({ width: 880, height: 530 });
  await page.setContent(
    `<body style="margin:0;padding:40px;background:${HOST_BG}">` +
      `<iframe id="slide" src="${baseURL}/#${hash}" width="${FRAME.width}" height="${FRAME.height}" style="border:0;display:block"></iframe></body>`,
  );
  const frame = page.frame({ url: /#/ });
  if (!frame) throw new Error('no frame');
  await expect(frame.getByTestId('topology')).toBeVisible({ timeout: 20_000 });
  await frame.evaluate(() => document.fonts.ready);
  return frame;
}

/** The colour of the screen at (x, y) of the host page, read from a screenshot. */
async function pixel(page: Page, x: number, y: number): Promise<string> {
  const shot = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, shot.toString('base64'));
}

/** The drawn scene's box in the frame (entities only, not the svg's own box). */
async function sceneBox(frame: Frame) {
  return frame.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid=topology] [data-kind]')].map((e) =>
      e.getBoundingClientRect(),
    );
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    const right = Math.max(...boxes.map((b) => b.right));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    const root = document.documentElement;
    return {
      left,
      top,
      right,
      bottom,
      scroll: {
        width: root.scrollWidth,
        height: root.scrollHeight,
        clientWidth: root.clientWidth,
        clientHeight: root.clientHeight,
      },
    };
  });
}

test.describe('embed mode @embed', () => {
  test('in an iframe: no chrome, the topology fitted, no scrollbars, hover works', async ({
    page,
    baseURL,
  }) => {
    const errors = collectErrors(page);
    const frame = await hostPage(page, baseURL!, 'src=myweb2&view=topology&theme=light&embed=1');
    for (const sel of ['header', 'h1', '[data-testid=export-svg]', '[data-testid=import-file]']) {
      await expect(frame.locator(sel)).toHaveCount(0);
    }
    await expect(frame.locator('[role=toolbar]:visible')).toHaveCount(0);

    const box = await sceneBox(frame);
    expect(box.scroll.width).toBeLessThanOrEqual(box.scroll.clientWidth);
    expect(box.scroll.height).toBeLessThanOrEqual(box.scroll.clientHeight);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(FRAME.width);
    expect(box.bottom).toBeLessThanOrEqual(FRAME.height);
    // Fitted: the picture spans most of the frame's width or height.
    const spanW = (box.right - box.left) / FRAME.width;
    const spanH = (box.bottom - box.top) / FRAME.height;
    expect(Math.max(spanW, spanH)).toBeGreaterThan(0.75);

    // Opaque by default: the host page does not show through.
    expect(await pixel(page, 40 + FRAME.width / 2, 40 + FRAME.height - 3)).not.toBe(HOST_BG);

    const chip = frame
      .locator('[data-testid=topology] [data-kind="namespace"][data-scope="pod"]')
      .first();
    await chip.hover();
    await expect(chip).toHaveAttribute('data-highlighted', 'true');
    await page.screenshot({ path: 'test-results/embed-light.png' });
    expect(errors).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`bg=transparent lets the slide show through (${theme})`, async ({ page, baseURL }) => {
      const frame = await hostPage(
        page,
        baseURL!,
        `src=myweb2&view=topology&theme=${theme}&embed=1&bg=transparent`,
      );
      const bg = await frame.evaluate(() => ({
        html: getComputedStyle(document.documentElement).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
        section: getComputedStyle(document.querySelector('.view-area > section')!).backgroundColor,
      }));
      expect(bg).toEqual({
        html: 'rgba(0, 0, 0, 0)',
        body: 'rgba(0, 0, 0, 0)',
        section: 'rgba(0, 0, 0, 0)',
      });
      // Below the fitted picture, the host page's colour: no opaque backdrop, also in dark.
      expect(await pixel(page, 40 + FRAME.width / 2, 40 + FRAME.height - 3)).toBe(HOST_BG);
      await page.screenshot({ path: `test-results/embed-transparent-${theme}.png` });
    });
  }

  test('the matrix embeds too, and Korean works', async ({ page, baseURL }) => {
    await page.setContent(
      `<iframe src="${baseURL}/#src=myweb2&view=matrix&lang=ko&embed=1" width="900" height="420" style="border:0"></iframe>`,
    );
    const frame = page.frame({ url: /#/ })!;
    await expect(frame.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2', {
      timeout: 20_000,
    });
    await expect(frame.locator('[role=toolbar]:visible')).toHaveCount(0);
    await expect(frame.locator('html')).toHaveAttribute('lang', 'ko');
    await page.screenshot({ path: 'test-results/embed-matrix-ko.png' });
  });
});
