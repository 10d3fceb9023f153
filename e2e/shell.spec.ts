import { expect, test, type Page } from '@playwright/test';
import { collectErrors, manifest } from './helpers.ts';

/** Opens myweb2 (its topology, unless `hash` picks another view) and waits for it. */
async function topology(page: Page, hash = '') {
  await page.goto(`/#src=myweb2${hash}`);
  await expect(page.getByTestId('workspace')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('main .view-area > *').first()).toBeVisible({ timeout: 20_000 });
}

test.describe('app shell', () => {
  test('on a 1280×720 projector the drawing is on screen at load, header in one row', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await topology(page);
    const header = await page.locator('header.app-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(60);
    // Header and workspace toolbar (views, filter, search, export) leave the rest to the view.
    const view = await page.locator('main .view-area').boundingBox();
    expect(view!.y, 'the view starts under 160 px').toBeLessThanOrEqual(160);
    const svg = await page.getByTestId('topology').boundingBox();
    expect(svg!.y, 'the drawing starts in the upper half').toBeLessThan(360);
    // The import panel is a dialog now: closed until asked for.
    await expect(page.getByTestId('import-panel')).toBeHidden();
    expect(errors).toEqual([]);
  });

  test('the gallery lists every bundled capture with description and provenance', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await topology(page, '&view=matrix&select=ns:k8s-w1:4026532264');
    const opener = page.getByRole('button', { name: 'Gallery' });
    await opener.click();
    const gallery = page.getByTestId('gallery');
    await expect(gallery).toBeVisible();
    await expect(gallery.getByRole('heading', { level: 2 })).toHaveText('Bundled captures');
    const cards = gallery.locator('.gallery-card');
    await expect(cards).toHaveCount(manifest.length);
    for (const entry of manifest) {
      const card = gallery.locator(`[data-fixture-id="${entry.id}"]`);
      await expect(card).toHaveAttribute('data-provenance', entry.provenance);
      await expect(card.locator('a')).toHaveText(entry.title);
      await expect(card.locator('.provenance')).toHaveText(entry.provenance);
      await expect(card.locator('.card-desc')).not.toBeEmpty();
    }
    await expect(gallery.locator('a[aria-current="page"]')).toHaveText(manifest[0]!.title);
    // Escape closes it and gives the focus back.
    await page.keyboard.press('Escape');
    await expect(gallery).toBeHidden();
    await expect(opener).toBeFocused();
    // A card opens its capture, keeping the view and dropping the old selection.
    await opener.click();
    await gallery.locator('[data-fixture-id="nginx"] a').click();
    await expect(gallery).toBeHidden();
    await expect(page).toHaveURL(/#src=nginx&view=matrix$/);
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
    await page.goBack();
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    expect(errors).toEqual([]);
  });

  test('Korean: every shell text, the fixture texts and <html lang>', async ({ page }) => {
    const errors = collectErrors(page);
    await topology(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('lang-ko').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page).toHaveTitle('nsviz: 파드 네임스페이스 토폴로지');
    const header = page.locator('header.app-header');
    await expect(header).toContainText('파드 네임스페이스 토폴로지');
    await expect(header.getByRole('button', { name: '갤러리' })).toBeVisible();
    await expect(page.getByTestId('import-open')).toHaveText('캡처 열기…');
    await expect(page.getByTestId('fixture-picker')).toContainText(
      'myweb2: 파드 하나, 컨테이너 둘',
    );
    await expect(page.locator('#fixture-title')).toHaveText('myweb2: 파드 하나, 컨테이너 둘');
    await expect(page.getByTestId('provenance')).toContainText('스터디 노트에서 재구성');
    await expect(page.locator('#warnings-title')).toContainText('분석 경고');

    await page.getByTestId('import-open').click();
    const dialog = page.getByTestId('import-panel');
    await expect(page.getByRole('dialog')).toContainText('내 캡처 열기');
    await expect(dialog).toContainText('파일 선택…');
    await expect(page.getByTestId('import-submit')).toHaveText('붙여 넣은 내용 보기');
    await page.getByTestId('import-paste').fill('이건 캡처가 아닙니다\n');
    await page.getByTestId('import-submit').click();
    await expect(dialog.getByRole('alert')).toContainText('paste, 1번째 줄');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '갤러리' }).click();
    await expect(page.getByTestId('gallery')).toContainText('내장 캡처');
    await expect(page.getByTestId('gallery')).toContainText('스터디 노트에서 재구성');
    await expect(page.locator('[data-fixture-id="myweb2-hostnet"] a')).toHaveText(
      'hostNetwork를 켠 myweb2',
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors).toEqual([]);
  });

  test('themes: the system scheme without theme=, the toggle, the hash', async ({ page }) => {
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const canvas = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await topology(page);
    expect(await canvas()).toBe('rgb(21, 21, 24)');
    const toggle = page.getByTestId('theme-toggle');
    await expect(toggle).toHaveAccessibleName('Switch to the light theme');
    await toggle.click();
    await expect(page).toHaveURL(/theme=light/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await canvas()).toBe('rgb(246, 246, 248)');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await topology(page);
    expect(await canvas()).toBe('rgb(246, 246, 248)');
    await expect(toggle).toHaveAccessibleName('Switch to the dark theme');
    expect(await bg()).toBe('rgba(0, 0, 0, 0)');
  });

  test('keyboard: the skip link goes to the view; landmarks; visible focus', async ({ page }) => {
    await topology(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the view' });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('main .view-area > *').first()).toBeFocused();
    await expect(page).toHaveURL(/#src=myweb2$/);

    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Captures' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('nsviz');

    // A focus ring on a header button reached by keyboard.
    await page.getByTestId('import-open').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page
      .getByTestId('import-open')
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`WCAG AA text contrast of the shell, ${theme}`, async ({ page }) => {
      await topology(page, `&theme=${theme}`);
      const low = [...(await lowContrast(page, 'header, .toolbar, .fixture-info, .warnings'))];
      await page.getByTestId('import-open').click();
      await page.getByTestId('import-paste').fill('not a capture\n');
      await page.getByTestId('import-submit').click();
      await expect(page.getByTestId('import-panel').getByRole('alert')).toBeVisible();
      low.push(...(await lowContrast(page, 'dialog[open]')));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Gallery' }).click();
      await expect(page.getByTestId('gallery')).toBeVisible();
      low.push(...(await lowContrast(page, 'dialog[open]')));
      expect(low).toEqual([]);
    });
  }
});

/**
 * Text in `scope` whose contrast with its background is under WCAG AA (4.5:1, or 3:1 for
 * large text), as "text: ratio" lines. The background is the nearest opaque one up the tree;
 * disabled controls and placeholders are exempt, as WCAG says.
 */
function lowContrast(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      if (c.startsWith('color(srgb')) return [m[0]! * 255, m[1]! * 255, m[2]! * 255, m[3] ?? 1];
      return [m[0]!, m[1]!, m[2]!, m[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] >= 0.99) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const out: string[] = [];
    for (const root of document.querySelectorAll(scope)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        const el = n.parentElement;
        if (!text || !el || el.closest('svg, [disabled], option')) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || Number(style.opacity) < 0.1) continue;
        const fg = parse(style.color);
        const bg = background(el);
        // A translucent text colour is blended over its background first.
        const blended = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i]! * (1 - fg[3]));
        const [a, b] = [lum(blended), lum(bg)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize);
        const bold = Number(style.fontWeight) >= 700;
        const large = size >= 24 || (bold && size >= 18.66);
        if (ratio < (large ? 3 : 4.5)) out.push(`${text.slice(0, 40)}: ${ratio.toFixed(2)}`);
      }
    }
    return out;
  }, scope);
}
