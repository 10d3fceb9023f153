import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

const step = (page: Page) => page.getByTestId('tour-step');

test('the tour list opens from the header and starts a tour', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/#src=nginx');
  await page.getByTestId('tours-button').click();
  const list = page.getByTestId('tour-list');
  await expect(list).toBeVisible();
  await expect(list.locator('[data-tour-id]')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/tour-list.png' });
  await list.locator('[data-tour-id=pause-container] button').click();
  await expect(list).toBeHidden();
  await expect(page).toHaveURL(/tour=pause-container/);
  await expect(page).toHaveURL(/step=1/);
  await expect(step(page)).toContainText('The pause container holds the pod’s net, ipc and uts');
  // Step 1 shows myweb2, filtered to net, ipc and uts, with the pause container selected.
  await expect(page).toHaveURL(/src=myweb2(&|$)/);
  await expect(page).toHaveURL(/types=net%2Cipc%2Cuts/);
  await expect(page).toHaveURL(/select=ctr%3Ak8s-w1%3A55b0ba3f/);
  await expect(page.getByTestId('type-filter').locator('[data-ns-type=pid]')).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  expect(errors).toEqual([]);
});

test('follows a tour forward and back, with the Back button too', async ({ page }) => {
  await page.goto('/#tour=pod-options&step=1');
  await expect(step(page)).toContainText('shareProcessNamespace');
  await expect(page).toHaveURL(/src=myweb2-sharepid/);
  await expect(page.getByTestId('tour-prev')).toBeDisabled();

  await page.getByTestId('tour-next').click();
  await expect(page).toHaveURL(/step=2/);
  await expect(page).toHaveURL(/view=diff/);
  await expect(page.getByTestId('diff')).toHaveAttribute('data-against', 'myweb2-sharepid');
  await expect(page.getByTestId('diff-headline')).toContainText('pid: container → pod');

  await page.getByTestId('tour-next').click();
  await expect(page).toHaveURL(/step=3/);
  await expect(step(page)).toContainText('hostNetwork');
  await expect(page).toHaveURL(/src=myweb2-hostnet/);

  await page.getByTestId('tour-prev').click();
  await expect(page).toHaveURL(/step=2/);
  await expect(page.getByTestId('diff')).toBeVisible();

  // Browser Back walks the same history: step 3, then step 2 again… back to step 1.
  await page.goBack();
  await expect(page).toHaveURL(/step=3/);
  await expect(step(page)).toContainText('hostNetwork');
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/step=1/);
  await expect(step(page)).toContainText('shareProcessNamespace');
  await expect(page).toHaveURL(/src=myweb2-sharepid/);
});

test('arrow keys move between steps; the step text is a live region', async ({ page }) => {
  await page.goto('/#tour=pause-container&step=2');
  await expect(step(page)).toHaveAttribute('aria-live', 'polite');
  await expect(step(page)).toContainText('One net namespace');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=3/);
  await expect(step(page)).toContainText('its own mnt and pid');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/step=2/);
  await page.getByTestId('tour-close').click();
  await expect(page.getByTestId('tour-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/tour=/);
});

test('a Korean tour step', async ({ page }) => {
  await page.goto('/#tour=pause-container&step=3&lang=ko');
  await expect(step(page)).toContainText('각 컨테이너는 자신만의 mnt, pid 네임스페이스');
  await expect(page.getByTestId('tour-next')).toContainText('다음');
});

test('the tour card leaves the drawing visible at 1280×720', async ({ page }) => {
  await page.goto('/#tour=pause-container&step=1');
  await expect(page.getByTestId('topology')).toBeVisible({ timeout: 20_000 });
  const card = (await page.getByTestId('tour-panel').boundingBox())!;
  expect(card.width).toBeLessThanOrEqual(360);
  expect(card.height).toBeLessThan(300);
  // The pod's shared namespaces and its containers are not under the card.
  for (const el of await page.locator('[data-testid=topology] [data-kind=container]').all()) {
    const box = (await el.boundingBox())!;
    const overlaps =
      box.x < card.x + card.width &&
      box.x + box.width > card.x &&
      box.y < card.y + card.height &&
      box.y + box.height > card.y;
    expect(overlaps, `container ${await el.getAttribute('data-key')}`).toBe(false);
  }
});

for (const theme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`screenshot: tour step, ${theme}, ${lang}`, async ({ page }) => {
      await page.goto(`/#tour=pause-container&step=1&theme=${theme}&lang=${lang}`);
      await expect(page.getByTestId('tour-step')).toBeVisible();
      await expect(page).toHaveURL(/select=/);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/tour-step1-${theme}-${lang}.png` });
      await page.goto(`/#tour=pod-options&step=2&theme=${theme}&lang=${lang}`);
      await expect(page.getByTestId('diff-pair')).toBeVisible({ timeout: 20_000 });
      await page.screenshot({ path: `test-results/tour-diff-${theme}-${lang}.png` });
    });
  }
}
