import { expect, test } from '@playwright/test';
import { collectErrors, openFixture } from './helpers.ts';

test.describe('topology view @model', () => {
  test('myweb2: the pod, its containers and namespaces as linked entities', async ({ page }) => {
    const errors = collectErrors(page);
    await openFixture(page, 'myweb2');
    await page.getByTestId('view-topology').click();
    await expect(page).toHaveURL(/view=topology/);
    const svg = page.getByTestId('topology');
    await expect(svg).toBeVisible({ timeout: 20_000 });
    // Interactive: a group of focusable entities (an exported SVG is role=img).
    await expect(svg).toHaveAttribute('role', 'group');

    await expect(svg.locator('[data-kind="pod"]')).toHaveCount(1);
    await expect(svg.locator('[data-kind="pod"]')).toHaveAttribute('data-key', /^pod:k8s-w1:/);
    const ctrs = svg.locator('[data-kind="container"]');
    await expect(ctrs).toHaveCount(3);
    await expect(ctrs.first()).toHaveAttribute('data-sandbox', 'true');
    await expect(svg.locator('[data-kind="process"][data-key="proc:k8s-w1:2814"]')).toHaveCount(1);

    const net = svg.locator('[data-kind="namespace"][data-key="ns:k8s-w1:4026532264"]');
    await expect(net).toHaveAttribute('data-ns-type', 'net');
    await expect(net).toHaveAttribute('data-scope', 'pod');
    const links = svg.locator('path[data-from="ns:k8s-w1:4026532264"]');
    await expect(links).toHaveCount(3);
    const targets = (await links.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-to'))))
      .filter((t): t is string => t !== null)
      .sort();
    const ctrKeys = (await ctrs.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key'))))
      .filter((t): t is string => t !== null)
      .sort();
    expect(targets).toEqual(ctrKeys);

    for (const type of ['mnt', 'pid']) {
      await expect(
        svg.locator(`[data-kind="namespace"][data-ns-type="${type}"][data-scope="container"]`),
      ).toHaveCount(3);
    }
    await expect(svg.locator('[data-kind="namespace"][data-scope="host"]')).toHaveCount(8);
    expect(errors).toEqual([]);
  });

  test('the view switch returns to the matrix', async ({ page }) => {
    await page.goto('/#src=myweb2&view=topology');
    await expect(page.getByTestId('topology')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('view-matrix').click();
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    await expect(page.getByTestId('topology')).toHaveCount(0);
  });

  test('the whole picture fits the 1280×720 screen', async ({ page }) => {
    await page.goto('/#src=myweb2&view=topology');
    const svg = page.getByTestId('topology');
    await expect(svg).toBeVisible({ timeout: 20_000 });
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(1280);
    expect(box.height).toBeLessThanOrEqual(720);
  });
});

// Screenshots for people to look at: test-results/topology-<fixture>-<scheme>.png.
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot topology of myweb2 and podman-default, ${scheme}`, async ({ page }) => {
    for (const id of ['myweb2', 'podman-default']) {
      await page.goto(`/#src=${id}&view=topology&theme=${scheme}`);
      const section = page.locator('section.topology');
      await expect(section).toHaveAttribute('data-src', id, { timeout: 20_000 });
      await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `test-results/topology-${id}-${scheme}.png` });
    }
  });
}
