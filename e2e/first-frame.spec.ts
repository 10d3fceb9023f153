import { expect, test, type Page } from '@playwright/test';
import { collectErrors, manifest } from './helpers.ts';

// The default capture's first frame, rendered at build time into index.html (src/app/firstFrame,
// docs/decisions/0011-first-frame.md). With the app's scripts blocked, what shows is exactly
// what index.html alone paints. Screenshots: test-results/first-frame-*.png.

const DEFAULT_ID = (manifest.find((e) => e.default) ?? manifest[0])!.id;

async function withoutScripts(page: Page): Promise<void> {
  await page.route('**/*.js', (route) => route.abort());
}

/** The drawn pod's box on screen. */
async function podBox(page: Page, within: string) {
  const box = await page.locator(`${within} [data-kind=pod]`).first().boundingBox();
  if (!box) throw new Error('no pod drawn');
  return box;
}

test.describe('first frame', () => {
  test('index.html alone paints the default capture’s topology, fitted, inert', async ({
    page,
  }) => {
    await withoutScripts(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/#src=${DEFAULT_ID}`);
    const frame = page.locator('#first-frame');
    await expect(frame.locator('svg[data-testid=topology]')).toBeVisible();
    await expect(frame.locator('[data-kind=pod]')).toHaveCount(1);
    await expect(frame.locator('[data-kind=container]')).toHaveCount(3);
    expect(await frame.getAttribute('inert')).not.toBeNull();
    // Fitted: the scene is inside the viewport, and uses most of its width.
    const viewport = await frame.locator('.topo-viewport').boundingBox();
    const scene = await frame.locator('[data-layer=body]').boundingBox();
    expect(scene!.x).toBeGreaterThanOrEqual(viewport!.x);
    expect(scene!.x + scene!.width).toBeLessThanOrEqual(viewport!.x + viewport!.width + 1);
    expect(scene!.width).toBeGreaterThan(viewport!.width * 0.7);
    await page.screenshot({ path: 'test-results/first-frame-en.png' });
  });

  test('the app takes over in place: same picture, one topology, no frame left', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const stillPage = await page.context().newPage();
    await withoutScripts(stillPage);
    await stillPage.goto(`/#src=${DEFAULT_ID}`);
    const before = await podBox(stillPage, '#first-frame');
    await stillPage.close();

    const errors = collectErrors(page);
    await page.goto(`/#src=${DEFAULT_ID}`);
    await expect(page.locator('#root [data-testid=topology] [data-kind=pod]')).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.locator('#first-frame')).toHaveCount(0);
    await expect(page.getByTestId('topology')).toHaveCount(1);
    const after = await podBox(page, '#root');
    for (const k of ['x', 'y', 'width', 'height'] as const)
      expect(Math.abs(after[k] - before[k]), `pod ${k}`).toBeLessThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  test('any other address starts from an empty page, as before', async ({ page }) => {
    await withoutScripts(page);
    const other = manifest.find((e) => e.id !== DEFAULT_ID)!.id;
    for (const hash of [`#src=${other}`, `#src=${DEFAULT_ID}&view=matrix`, '#embed=1']) {
      await page.goto(`/${hash}`);
      await expect(page.locator('#first-frame')).toHaveCount(0);
      await expect(page.getByTestId('topology')).toHaveCount(0);
    }
  });

  test.describe('in a Korean browser', () => {
    test.use({ locale: 'ko-KR' });
    test('the frame is the Korean one', async ({ page }) => {
      await withoutScripts(page);
      await page.goto('/');
      const frame = page.locator('#first-frame');
      await expect(frame.locator('svg[data-testid=topology]')).toBeVisible();
      await expect(frame.locator('h2').first()).toHaveText(/[\uac00-\ud7a3]/);
      await page.screenshot({ path: 'test-results/first-frame-ko.png' });
    });
  });
});
