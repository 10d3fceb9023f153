import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

async function openDiff(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
  await expect(page.getByTestId('diff-pair').first()).toBeVisible({ timeout: 20_000 });
}

test('myweb2 against myweb2-sharepid: pid becomes pod-shared', async ({ page }) => {
  const errors = collectErrors(page);
  await openDiff(page, 'src=myweb2&view=diff&against=myweb2-sharepid');
  const diff = page.getByTestId('diff');
  await expect(diff).toHaveAttribute('data-against', 'myweb2-sharepid');
  const headline = diff.getByTestId('diff-headline');
  await expect(headline).toHaveCount(1);
  await expect(headline).toHaveAttribute('data-ns-type', 'pid');
  await expect(headline).toHaveAttribute('data-before', 'container');
  await expect(headline).toHaveAttribute('data-after', 'pod');
  await expect(headline).toContainText('pid: container → pod');
  // Every container's pid cell says so in words, not colour alone.
  const pidCells = diff.locator('[data-testid=diff-pod] td[data-ns-type=pid]');
  await expect(pidCells).toHaveCount(3);
  for (const cell of await pidCells.all()) {
    await expect(cell).toHaveAttribute('data-mark', 'scope');
    await expect(cell).toContainText('scope changed');
  }
  await expect(diff.locator('td[data-ns-type=net]').first()).not.toHaveAttribute(
    'data-mark',
    'scope',
  );
  await expect(diff.getByTestId('diff-counts')).toContainText('3 changed');
  expect(errors).toEqual([]);
});

test('defaults to the variant, and the picker writes against= to the hash', async ({ page }) => {
  await openDiff(page, 'src=myweb2&view=diff');
  const diff = page.getByTestId('diff');
  await expect(diff).toHaveAttribute('data-against', 'myweb2-sharepid');
  await diff.locator('[data-against-id=myweb2-hostnet]').click();
  await expect(page).toHaveURL(/against=myweb2-sharepid%2Cmyweb2-hostnet/);
  await expect(diff.getByTestId('diff-pair')).toHaveCount(2);
  const hostnet = diff.locator('[data-testid=diff-pair][data-to=myweb2-hostnet]');
  await expect(hostnet.locator('[data-testid=diff-headline][data-ns-type=net]')).toHaveAttribute(
    'data-after',
    'host',
  );
  await page.goBack();
  await expect(diff.getByTestId('diff-pair')).toHaveCount(1);
});

test('hovering a changed container highlights it', async ({ page }) => {
  await openDiff(page, 'src=myweb2&view=diff&against=myweb2-sharepid');
  const row = page.locator('[data-testid=diff-pod] tbody tr').nth(1);
  await row.locator('th').hover();
  await expect(row).toHaveAttribute('data-highlighted', 'true');
  // The container's namespaces light up too (the pid cell is its own pid namespace).
  await expect(row.locator('td[data-ns-type=pid]')).toHaveAttribute('data-highlighted', 'true');
});

test('a capture against itself: nothing changed; Korean labels', async ({ page }) => {
  await openDiff(page, 'src=nginx&view=diff&against=nginx&lang=ko');
  await expect(page.getByTestId('diff')).toContainText('바뀐 것이 없습니다');
});

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`screenshot: diff myweb2 → sharepid, ${theme}, ${lang}`, async ({ page }) => {
      await openDiff(
        page,
        `src=myweb2&view=diff&against=myweb2-sharepid&theme=${theme}&lang=${lang}`,
      );
      await page.screenshot({ path: `test-results/diff-myweb2-${theme}-${lang}.png` });
    });
  }
}
