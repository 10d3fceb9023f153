import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openFixture } from './helpers.ts';

// Screenshots for people to look at, under test-results/:
// - <fixture>-<scheme>.png (viewport) and …-full.png (whole page): the matrix at slide size;
// - shell-<size>-<theme>-<lang>-<what>.png: the default page (myweb2's topology), the import
//   dialog with an error, and the gallery, at the projector's 1280×720 and a laptop's 1440×900.
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

const SIZES = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1440x900', width: 1440, height: 900 },
] as const;

/** Garbage with a tag in it: the dialog must list it with file and line, as text. */
const GARBAGE = '<b>hello</b> this is not a capture\nsecond line\n';

async function settle(page: Page) {
  // Fonts and the drawing are in place; no caret blinking into the picture.
  await page.evaluate(async () => {
    await document.fonts.ready;
    (document.activeElement as HTMLElement | null)?.blur();
  });
}

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'ko'] as const) {
      const tag = `${size.name}-${theme}-${lang}`;
      test(`shell screenshots ${tag}`, async ({ page }) => {
        test.setTimeout(90_000);
        const errors = collectErrors(page);
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(`/#src=myweb2&theme=${theme}&lang=${lang}`);
        const svg = page.getByTestId('topology');
        await expect(svg).toBeVisible({ timeout: 20_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await settle(page);
        await page.screenshot({ path: `test-results/shell-${tag}-default.png` });

        await page.getByTestId('import-open').click();
        await page.getByTestId('import-paste').fill(GARBAGE);
        await page.getByTestId('import-submit').click();
        await expect(page.getByTestId('import-panel').getByRole('alert')).toBeVisible();
        await page.getByTestId('import-paste').blur();
        await page.screenshot({ path: `test-results/shell-${tag}-import-error.png` });
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: lang === 'ko' ? '갤러리' : 'Gallery' }).click();
        await expect(page.getByTestId('gallery')).toBeVisible();
        await settle(page);
        await page.screenshot({ path: `test-results/shell-${tag}-gallery.png` });
        expect(errors).toEqual([]);
      });
    }
  }
}
