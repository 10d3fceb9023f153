import { expect, test, type Page } from '@playwright/test';
import { syntheticNode, toSnapshot } from '../scripts/bench/synthetic.ts';
import { collectErrors } from './helpers.ts';

async function openTable(page: Page, hash = ''): Promise<void> {
  await page.goto(`/#src=myweb2&view=table${hash}`);
  await expect(page.getByTestId('ns-table')).toBeVisible({ timeout: 20_000 });
}

const rows = (page: Page) => page.getByTestId('ns-table').locator('tbody tr[data-key]');
const column = (page: Page, name: string) =>
  page.getByTestId('ns-table').locator(`thead th[data-column="${name}"]`);

test.describe('namespace table @model', () => {
  test('lists every namespace of myweb2, each row an entity', async ({ page }) => {
    const errors = collectErrors(page);
    await openTable(page);
    const table = page.getByTestId('ns-table');
    await expect(rows(page)).toHaveCount(19);
    await expect(table.locator('caption')).toContainText('like lsns');
    await expect(table.locator('thead th[scope=col]')).toHaveCount(8);
    await expect(table.locator('tbody th[scope=row]')).toHaveCount(19);
    const net = table.locator('tr[data-key="ns:k8s-w1:4026532264"]');
    await expect(net).toHaveAttribute('data-kind', 'namespace');
    await expect(net).toHaveAttribute('data-ns-type', 'net');
    await expect(net).toHaveAttribute('data-scope', 'pod');
    await expect(net).toContainText('2814 2903 3012');
    await expect(net).toContainText('myweb2-nginx');
    await expect(net).toContainText('default/myweb2');
    await expect(net.locator('.col-nprocs')).toHaveText('6');
    // Default order: by inode, ascending, as lsns prints it.
    await expect(column(page, 'inode')).toHaveAttribute('aria-sort', 'ascending');
    expect(errors).toEqual([]);
  });

  test('sorts by a column on click and on the keyboard, and keeps it in the hash', async ({
    page,
  }) => {
    await openTable(page);
    await column(page, 'nprocs').getByRole('button').click();
    await expect(column(page, 'nprocs')).toHaveAttribute('aria-sort', 'descending');
    await expect(column(page, 'inode')).not.toHaveAttribute('aria-sort');
    await expect(rows(page).first().locator('.col-nprocs')).toHaveText('196');
    await expect(page).toHaveURL(/sort=-nprocs/);

    await column(page, 'type').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(column(page, 'type')).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows(page).first()).toHaveAttribute('data-ns-type', 'mnt');
    await expect(rows(page).last()).toHaveAttribute('data-ns-type', 'time');
    await page.keyboard.press('Space');
    await expect(column(page, 'type')).toHaveAttribute('aria-sort', 'descending');
    await expect(rows(page).first()).toHaveAttribute('data-ns-type', 'time');

    await page.reload();
    await expect(column(page, 'type')).toHaveAttribute('aria-sort', 'descending');
  });

  test('filters by text and honours the type filter', async ({ page }) => {
    await openTable(page);
    const filter = page.getByTestId('ns-table-filter');
    await filter.fill('nginx');
    // nginx's own mnt, pid, cgroup; the pod's net, ipc, uts; the host's user and time.
    await expect(rows(page)).toHaveCount(8);
    await expect(page.getByTestId('ns-table-count')).toHaveText('8 of 19 namespaces');
    await filter.fill('10.244.1.6');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toHaveAttribute('data-key', 'ns:k8s-w1:4026532264');
    await filter.fill('no such namespace');
    await expect(rows(page)).toHaveCount(0);
    await expect(page.getByTestId('ns-table')).toContainText('No namespace matches');
    await filter.fill('');

    await page.getByTestId('type-filter').getByRole('button', { name: 'all' }).click();
    await page.getByTestId('type-filter').locator('[data-ns-type="pid"]').click();
    await expect(rows(page)).toHaveCount(4);
    for (const type of await rows(page).evaluateAll((trs) => trs.map((r) => r.dataset.nsType)))
      expect(type).toBe('pid');
  });

  test('the filter is in the hash: one history entry per edit, Back and Forward restore it', async ({
    page,
  }) => {
    await openTable(page);
    const filter = page.getByTestId('ns-table-filter');
    const count = page.getByTestId('ns-table-count');
    const entries = () => page.evaluate(() => history.length);
    const start = await entries();

    await filter.pressSequentially('nginx');
    await expect(page).toHaveURL(/filter=nginx(&|$)/);
    await expect(rows(page)).toHaveCount(8);
    // Five keystrokes, one entry.
    expect(await entries()).toBe(start + 1);
    await filter.press('Enter');
    await filter.press('Control+a');
    await filter.pressSequentially('10.244.1.6');
    await expect(page).toHaveURL(/filter=10\.244\.1\.6/);
    await expect(rows(page)).toHaveCount(1);
    expect(await entries()).toBe(start + 2);
    await filter.blur();

    await page.goBack();
    await expect(filter).toHaveValue('nginx');
    await expect(count).toHaveText('8 of 19 namespaces');
    await page.goBack();
    await expect(filter).toHaveValue('');
    await expect(rows(page)).toHaveCount(19);
    expect(page.url()).not.toContain('filter=');
    await page.goForward();
    await expect(filter).toHaveValue('nginx');
    await expect(rows(page)).toHaveCount(8);

    // Typing after Back starts a new entry instead of overwriting the one gone back to.
    await filter.fill('pause');
    await expect(page).toHaveURL(/filter=pause/);
    await page.goBack();
    await expect(filter).toHaveValue('nginx');

    // A shared link opens filtered.
    await page.goto('/#src=myweb2&view=table&filter=myweb2-netshoot');
    await expect(filter).toHaveValue('myweb2-netshoot');
    await expect(count).toContainText(' of 19 namespaces');
    await page.reload();
    await expect(filter).toHaveValue('myweb2-netshoot', { timeout: 20_000 });
    await expect(count).toContainText(' of 19 namespaces');
  });

  test('hovering a row highlights it and its members; a click selects it', async ({ page }) => {
    await openTable(page);
    const net = page.locator('tr[data-key="ns:k8s-w1:4026532264"]');
    await net.hover();
    await expect(net).toHaveAttribute('data-highlighted', 'true');
    await expect(page.getByTestId('workspace')).toHaveAttribute('data-highlighting', 'true');
    await expect(net.locator('.member[data-kind=container]').first()).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    const hostMnt = page.locator('tr[data-key="ns:k8s-w1:4026531832"]');
    await expect(hostMnt).not.toHaveAttribute('data-highlighted');

    // A member name highlights its container's namespaces: nginx's own mnt lights up.
    await net.locator('.member', { hasText: 'myweb2-nginx' }).hover();
    await expect(page.locator('tr[data-key="ns:k8s-w1:4026532340"]')).toHaveAttribute(
      'data-highlighted',
      'true',
    );
    await expect(page.locator('tr[data-key="ns:k8s-w1:4026532343"]')).not.toHaveAttribute(
      'data-highlighted',
    );

    await net.locator('.col-inode').click();
    await expect(page).toHaveURL(/select=ns%3Ak8s-w1%3A4026532264/);
    await expect(page.getByTestId('inspector')).toContainText('9e:35:b6:1a:4f:a7');
  });

  test('Korean column names', async ({ page }) => {
    await openTable(page, '&lang=ko');
    await expect(column(page, 'containers')).toContainText('컨테이너');
    await expect(page.getByTestId('ns-table-count')).toHaveText('네임스페이스 19개');
  });
});

test.describe('namespace table at scale @model', () => {
  test('2,000 processes: pages of 100 rows, quick to sort and filter', async ({
    page,
    baseURL,
  }) => {
    const big = toSnapshot(syntheticNode(2000, 100));
    await page.route('**/nsviz-e2e/big.json', (route) => route.fulfill({ json: big }));
    const url = `${baseURL}/nsviz-e2e/big.json`;
    await page.goto(`/#src=${encodeURIComponent(url)}&view=table`);
    const table = page.getByTestId('ns-table');
    await expect(rows(page)).toHaveCount(100, { timeout: 20_000 });
    const total = Number(await table.getAttribute('data-rows'));
    expect(total).toBeGreaterThan(1000);
    await expect(page.getByTestId('ns-table-range')).toContainText(`of ${total}`);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByTestId('ns-table-range')).toContainText('Rows 101–200');

    const started = Date.now();
    await column(page, 'nprocs').getByRole('button').click();
    await expect(column(page, 'nprocs')).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('ns-table-range')).toContainText('Rows 1–100');
    await page.getByTestId('ns-table-filter').fill('app-2');
    await expect(page.getByTestId('ns-table-count')).toContainText(' of ');
    // Generous: shared CI machines are slow; a non-paged table of 1,000+ rows took far longer.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

test('screenshots: table in light, dark and Korean', async ({ page }) => {
  for (const [name, hash] of [
    ['light', '&theme=light'],
    ['dark', '&theme=dark'],
    ['ko', '&lang=ko&theme=light&select=ns%3Ak8s-w1%3A4026532264'],
  ] as const) {
    await openTable(page, hash);
    await page.screenshot({ path: `test-results/table-${name}.png` });
  }
});
