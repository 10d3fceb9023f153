import { expect, test, type Page } from '@playwright/test';
import { syntheticNode, toTranscript } from '../scripts/bench/synthetic.ts';
import { collectErrors } from './helpers.ts';

const NET = 'ns:k8s-w1:4026532264';
const scene = (page: Page) => page.locator('[data-testid=topology] g[data-layer=scene]');
const zoomOf = async (page: Page) =>
  Number(await page.getByTestId('topology').getAttribute('data-zoom'));

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('topology').locator('[data-kind=pod]').first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByTestId('topology')).toHaveAttribute('data-zoom', /\d/);
}

/** Three pods of one pause and two busy containers, served at /e2e/synthetic.txt. */
async function serveSynthetic(page: Page, baseURL: string | undefined): Promise<string> {
  const text = toTranscript(syntheticNode(60, 3));
  await page.route('**/e2e/synthetic.txt', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: text }),
  );
  return `src=${encodeURIComponent(`${baseURL ?? ''}/e2e/synthetic.txt`)}&view=topology`;
}

test.describe('topology interaction', () => {
  test('fits on load, zooms with the buttons and the wheel, pans by drag, fits again', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await open(page, 'src=myweb2&view=topology');
    const fitted = await zoomOf(page);
    expect(fitted).toBeGreaterThan(0.3);
    // The whole scene is inside the viewport.
    const svgBox = (await page.getByTestId('topology').boundingBox())!;
    const sceneBox = (await scene(page).boundingBox())!;
    expect(sceneBox.x).toBeGreaterThanOrEqual(svgBox.x - 1);
    expect(sceneBox.y).toBeGreaterThanOrEqual(svgBox.y - 1);
    expect(sceneBox.x + sceneBox.width).toBeLessThanOrEqual(svgBox.x + svgBox.width + 1);
    expect(sceneBox.y + sceneBox.height).toBeLessThanOrEqual(svgBox.y + svgBox.height + 1);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await zoomOf(page)).toBeCloseTo(fitted * 1.25, 2);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    expect(await zoomOf(page)).toBeLessThan(fitted);

    const cx = svgBox.x + svgBox.width / 2;
    const cy = svgBox.y + svgBox.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, -400);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(fitted);

    const before = await scene(page).getAttribute('transform');
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 120, cy + 40, { steps: 5 });
    await page.mouse.up();
    expect(await scene(page).getAttribute('transform')).not.toBe(before);

    await page.getByRole('button', { name: 'Fit the whole picture to the screen' }).click();
    expect(await zoomOf(page)).toBeCloseTo(fitted, 3);
    expect(errors).toEqual([]);
  });

  test('refits when the window is resized', async ({ page }) => {
    await open(page, 'src=myweb2&view=topology');
    const wide = await zoomOf(page);
    await page.setViewportSize({ width: 800, height: 720 });
    await expect.poll(() => zoomOf(page)).toBeLessThan(wide);
  });

  test('hover on a namespace highlights it, its member containers and its links', async ({
    page,
  }) => {
    await open(page, 'src=myweb2&view=topology');
    const svg = page.getByTestId('topology');
    await svg.locator(`[data-key="${NET}"]`).hover();
    await expect(svg.locator(`[data-key="${NET}"]`)).toHaveAttribute('data-highlighted', 'true');
    await expect(svg.locator('[data-kind=container][data-highlighted]')).toHaveCount(3);
    await expect(svg.locator(`path[data-from="${NET}"][data-lit]`)).toHaveCount(3);
    // Another pod-shared namespace's links are not lit.
    await expect(svg.locator('path.topo-link[data-lit]')).toHaveCount(3);
    await expect(
      svg.locator('[data-kind=namespace][data-ns-type=ipc]:not([data-highlighted])'),
    ).toHaveCount(2);
  });

  test('keyboard: every entity is focusable, focus highlights, arrows move, Enter selects', async ({
    page,
  }) => {
    await open(page, 'src=myweb2&view=topology');
    const svg = page.getByTestId('topology');
    const entities = svg.locator('[data-key]');
    const n = await entities.count();
    expect(n).toBeGreaterThan(20);
    expect(await svg.locator('[data-key]:not([tabindex="0"])').count()).toBe(0);
    expect(await svg.locator('[data-key]:not([aria-label])').count()).toBe(0);

    await svg.locator(`[data-key="${NET}"]`).focus();
    await expect(svg.locator(`[data-key="${NET}"]`)).toHaveAttribute('data-highlighted', 'true');
    await expect(svg.locator('[data-kind=container][data-highlighted]')).toHaveCount(3);

    await page.keyboard.press('ArrowDown');
    const down = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(down).toMatch(/^(ctr|proc):/);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(next).toBeTruthy();

    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`select=${encodeURIComponent(next!)}`));
    await expect(svg.locator('.topo-selection')).toHaveAttribute('data-selection-of', next!);
  });

  test('focusing an entity off-screen pans it into view', async ({ page }) => {
    await open(page, 'src=myweb2&view=topology');
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    const last = page.getByTestId('topology').locator('[data-kind=namespace]').last();
    await last.focus();
    // Measured after the focus: the page itself may scroll to the picture.
    const svgBox = (await page.getByTestId('topology').boundingBox())!;
    const box = (await last.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(svgBox.x);
    expect(box.y).toBeGreaterThanOrEqual(svgBox.y);
    expect(box.x + box.width).toBeLessThanOrEqual(svgBox.x + svgBox.width);
    expect(box.y + box.height).toBeLessThanOrEqual(svgBox.y + svgBox.height);
  });

  test('host links are folded into badges until the toggle draws them', async ({ page }) => {
    await open(page, 'src=myweb2&view=topology');
    const svg = page.getByTestId('topology');
    await expect(svg.locator('path[data-scope=host]')).toHaveCount(0);
    await expect(svg.locator('[data-role=host-badge]')).toHaveCount(3);
    const toggle = page.getByTestId('topology-hostlinks');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page).toHaveURL(/hostlinks=1/);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await svg.locator('path[data-scope=host]').count()).toBeGreaterThan(3);
    await toggle.click();
    await expect(svg.locator('path[data-scope=host]')).toHaveCount(0);
  });

  test('the type filter hides the namespaces and links of other types', async ({ page }) => {
    await open(page, 'src=myweb2&view=topology&types=net,ipc,uts');
    const svg = page.getByTestId('topology');
    const types = await svg
      .locator('[data-kind=namespace]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-ns-type')))].sort());
    expect(types).toEqual(['ipc', 'net', 'uts']);
    await expect(svg.locator('[data-kind=container]')).toHaveCount(3);
    await expect(page.getByTestId('topology-legend').locator('.legend-off')).toHaveCount(5);
  });

  test('+N more lists a container’s processes (expand=), show fewer folds them', async ({
    page,
    baseURL,
  }) => {
    const hash = await serveSynthetic(page, baseURL);
    await open(page, hash);
    const svg = page.getByTestId('topology');
    const more = svg.locator('[data-action=expand]').first();
    const target = (await more.getAttribute('data-target'))!;
    const lines = svg.locator(`[data-kind=process]`);
    const before = await lines.count();
    await more.click();
    await expect(page).toHaveURL(/expand=/);
    await expect.poll(() => lines.count()).toBeGreaterThan(before);
    // Clicking the control did not select its container.
    expect(page.url()).not.toContain('select=');
    const fewer = svg.locator(`[data-action=fold][data-target="${target}"]`);
    await expect(fewer).toBeVisible();
    await fewer.press('Enter');
    await expect.poll(() => lines.count()).toBe(before);
  });

  test('a pod can be shown alone (focus=) and collapsed to a card (collapsed=)', async ({
    page,
    baseURL,
  }) => {
    const hash = await serveSynthetic(page, baseURL);
    await open(page, hash);
    const svg = page.getByTestId('topology');
    await expect(svg.locator('[data-kind=pod]')).toHaveCount(3);
    await svg.locator('[data-action=focus]').nth(1).click();
    await expect(page).toHaveURL(/focus=pod/);
    await expect(svg.locator('[data-kind=pod]')).toHaveCount(1);
    await page.getByTestId('topology-unfocus').click();
    await expect(svg.locator('[data-kind=pod]')).toHaveCount(3);

    const pod = svg.locator('[data-kind=pod]').first();
    await svg.locator('[data-action=collapse-pod]').first().click();
    await expect(page).toHaveURL(/collapsed=pod/);
    await expect(pod).toHaveAttribute('data-compact', 'true');
    await expect(svg.locator('[data-kind=container]')).toHaveCount(6);
    await svg.locator('[data-action=expand-pod]').click();
    await expect(svg.locator('[data-kind=container]')).toHaveCount(9);
  });

  test('100 pods: every entity drawn, named and focusable at the fit; text where it can be read', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const text = toTranscript(syntheticNode(2000, 100));
    await page.route('**/e2e/large.txt', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: text }),
    );
    await open(page, `src=${encodeURIComponent(`${baseURL ?? ''}/e2e/large.txt`)}&view=topology`);
    const svg = page.getByTestId('topology');
    await expect(svg.locator('[data-kind=pod]')).toHaveCount(100);
    await expect(svg.locator('[data-kind=container]')).toHaveCount(300);
    await expect(svg).toHaveAttribute('data-lod', 'low');
    expect(await svg.locator('[data-key]:not([aria-label])').count()).toBe(0);
    expect(await svg.locator('[data-key]:not([tabindex="0"])').count()).toBe(0);
    // Zoomed out, the small text is not drawn at all (level of detail): only the pods' titles.
    await expect(svg.locator('[data-layer=body] [data-kind=container] text')).toHaveCount(0);
    await expect(svg.locator('[data-layer=body] [data-kind=pod] > text').first()).toBeVisible();

    // Hover: the highlight and a tooltip made on demand.
    const chip = svg.locator('[data-kind=namespace][data-ns-type=net]').nth(40);
    await chip.hover({ force: true });
    await expect(chip).toHaveAttribute('data-highlighted', 'true');
    await expect(chip.locator(':scope > title')).toHaveText(/^net:\[\d+\]/);

    // Zoomed in, the containers on screen show their names and processes.
    while ((await svg.getAttribute('data-lod')) !== 'full')
      await page.getByRole('button', { name: 'Zoom in' }).click();
    const unnamedOnScreen = () =>
      svg.locator('[data-layer=body] [data-kind=container]').evaluateAll((els) => {
        const view = document.querySelector('.topo-viewport')!.getBoundingClientRect();
        return els.filter((el) => {
          const r = el.getBoundingClientRect();
          const seen =
            r.right > view.left &&
            r.left < view.right &&
            r.bottom > view.top &&
            r.top < view.bottom;
          return seen && !el.querySelector('text');
        }).length;
      });
    await expect.poll(unnamedOnScreen).toBe(0);
    expect(
      await svg.locator('[data-layer=body] [data-kind=container] text').count(),
    ).toBeGreaterThan(0);
  });
});

// Screenshots for people to look at, at the slide size: test-results/topology-*.png.
test('screenshots: myweb2 hovered, Korean, dark, host links, three pods', async ({
  page,
  baseURL,
}) => {
  const shoot = async (hash: string, name: string, act?: () => Promise<void>) => {
    await open(page, hash);
    await page.locator('section.topology').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    if (act) await act();
    await page.screenshot({ path: `test-results/topology-${name}.png` });
  };
  await shoot('src=myweb2&view=topology', 'myweb2-hover-net', () =>
    page.getByTestId('topology').locator(`[data-key="${NET}"]`).hover(),
  );
  await shoot('src=myweb2&view=topology&lang=ko&theme=dark', 'myweb2-ko-dark');
  await shoot('src=myweb2&view=topology&hostlinks=1&theme=dark', 'myweb2-hostlinks-dark');
  const hash = await serveSynthetic(page, baseURL);
  await shoot(hash, 'synthetic-3-pods');
});
