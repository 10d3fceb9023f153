import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

const NODE = 'k8s-w1';
const NGINX = `ctr:${NODE}:bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f`;
const SHOOT = `ctr:${NODE}:7f616141384dba9c189e35109d64363635b7445afb9a1d3bff5be68b1dd07481`;

async function openCompare(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#src=myweb2&view=compare${hash}`);
  await expect(page.getByTestId('compare')).toBeVisible({ timeout: 20_000 });
}

const verdicts = (page: Page) =>
  page
    .getByTestId('compare-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.dataset.nsType, tr.dataset.verdict])),
    );

test.describe('compare @model', () => {
  test("myweb2's two app containers share net, ipc, uts and differ in mnt, pid", async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await openCompare(page, `&compare=${NGINX},${SHOOT}`);
    const summary = page.getByTestId('compare-summary');
    await expect(summary).toContainText('Share net, ipc, uts');
    await expect(summary).toContainText('differ in mnt, pid, cgroup');
    expect(await verdicts(page)).toEqual({
      mnt: 'different',
      net: 'same',
      pid: 'different',
      ipc: 'same',
      uts: 'same',
      user: 'same',
      cgroup: 'different',
      time: 'same',
    });
    const table = page.getByTestId('compare-table');
    await expect(table.locator('thead th[data-kind=container]')).toHaveText([
      /myweb2-nginx/,
      /myweb2-netshoot/,
    ]);
    // Same namespace: one cell spanning both picks, with its inode and scope in words.
    const net = table.locator('tr[data-ns-type=net] td[data-kind=namespace]');
    await expect(net).toHaveCount(1);
    await expect(net).toHaveAttribute('colspan', '2');
    await expect(net).toHaveAttribute('data-inode', '4026532264');
    await expect(net).toContainText('pod');
    await expect(table.locator('tr[data-ns-type=net] [data-testid=verdict]')).toContainText('same');
    const mnt = table.locator('tr[data-ns-type=mnt] td[data-kind=namespace]');
    await expect(mnt).toHaveCount(2);
    await expect(mnt.first()).toHaveAttribute('data-scope', 'container');
    await expect(table.locator('tr[data-ns-type=mnt] [data-testid=verdict]')).toContainText(
      'different',
    );
    expect(errors).toEqual([]);
  });

  test('pick with the picker; the type filter limits the rows', async ({ page }) => {
    await openCompare(page);
    await expect(page.getByTestId('compare')).toContainText('Nothing picked yet');
    await page.getByTestId('compare-search').fill('myweb2-');
    // Both containers, and their processes (whose container's name matches).
    const picks = page.getByTestId('compare-pick').and(page.locator('[data-kind=container]'));
    await expect(picks).toHaveCount(2);
    await picks.filter({ hasText: 'myweb2-nginx' }).click();
    await expect(page.getByTestId('compare')).toContainText('One picked');
    await picks.filter({ hasText: 'myweb2-netshoot' }).click();
    await expect(picks.first()).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('compare-summary')).toContainText('Share net, ipc, uts');
    await expect(page).toHaveURL(/compare=ctr/);

    await page.getByTestId('type-filter').getByRole('button', { name: 'all' }).click();
    await page.getByTestId('type-filter').locator('[data-ns-type="net"]').click();
    await page.getByTestId('type-filter').locator('[data-ns-type="pid"]').click();
    await expect(page.getByTestId('compare-table').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('compare-summary')).toHaveText('Share net; differ in pid.');

    // Removing one pick from its column header leaves one: nothing to compare.
    await page.getByRole('button', { name: /Remove myweb2-nginx/ }).click();
    await expect(page.getByTestId('compare-table')).toHaveCount(0);
  });

  test('the pod preset compares pause with both apps, processes too', async ({ page }) => {
    await openCompare(page);
    await page.getByTestId('compare-preset').click();
    await expect(page.getByTestId('compare-table').locator('thead th[data-kind]')).toHaveCount(3);
    expect((await verdicts(page)).net).toBe('same');
    expect((await verdicts(page)).cgroup).toBe('different');
    await page.getByTestId('compare-search').fill('2903');
    await page.getByTestId('compare-pick').click();
    await expect(page.getByTestId('compare-table').locator('thead th[data-kind]')).toHaveCount(4);
    await expect(
      page.getByTestId('compare-table').locator('thead th[data-kind=process]'),
    ).toContainText('PID 2903');
    // nginx's main process shares nginx's mnt, not the others': partly shared.
    expect((await verdicts(page)).mnt).toBe('partial');
  });

  test('the inspector adds the selected container to the comparison', async ({ page }) => {
    await page.goto(`/#src=myweb2&view=matrix&select=${encodeURIComponent(NGINX)}`);
    const toggle = page.getByTestId('compare-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.locator(`tr[data-key="${SHOOT}"] th`).click();
    await page.getByTestId('compare-toggle').click();
    await page.getByTestId('open-compare').click();
    await expect(page.getByTestId('compare-summary')).toContainText('differ in mnt, pid');
    // And removes it again.
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('compare-table')).toHaveCount(0);
  });

  test('hovering a compared namespace highlights its members', async ({ page }) => {
    await openCompare(page, `&compare=${NGINX},${SHOOT}`);
    await page.locator('tr[data-ns-type=net] td[data-kind=namespace]').hover();
    await expect(page.locator(`th[data-key="${NGINX}"]`)).toHaveAttribute(
      'data-highlighted',
      'true',
    );
  });

  test('Korean summary', async ({ page }) => {
    await openCompare(page, `&compare=${NGINX},${SHOOT}&lang=ko`);
    await expect(page.getByTestId('compare-summary')).toContainText('공유: net, ipc, uts');
    await expect(page.getByTestId('compare-summary')).toContainText('다름: mnt, pid, cgroup');
  });
});

test('screenshots: compare in light, dark and Korean', async ({ page }) => {
  for (const [name, hash] of [
    ['light', `&compare=${NGINX},${SHOOT}&theme=light`],
    ['dark', `&compare=${NGINX},${SHOOT}&theme=dark`],
    ['ko', `&compare=${NGINX},${SHOOT},proc:${NODE}:2814&lang=ko&theme=light`],
  ] as const) {
    await openCompare(page, hash);
    await page.screenshot({ path: `test-results/compare-${name}.png` });
  }
  await openCompare(page, `&compare=${NGINX}&theme=dark`);
  await page.getByTestId('compare-search').fill('myweb2');
  await page.screenshot({ path: 'test-results/compare-picker-dark.png', fullPage: true });
});
