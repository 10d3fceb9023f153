import { expect, test } from '@playwright/test';
import { openFixture } from './helpers.ts';

// Screenshots at the slide size (1280×720) in both colour schemes, for people to look at:
// test-results/<fixture>-<scheme>.png (viewport) and …-full.png (whole page).
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot myweb2 and myweb2-hostnet, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const id of ['myweb2', 'myweb2-hostnet']) {
      await openFixture(page, id);
      await expect(page.getByTestId('matrix')).toBeVisible();
      await page.screenshot({ path: `test-results/${id}-${scheme}.png` });
      await page.screenshot({ path: `test-results/${id}-${scheme}-full.png`, fullPage: true });
    }
  });
}
