import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

/** A hand-written `lsns -p` transcript: the pause process of a pod, eight namespaces. */
const LSNS_PAUSE = `root@k8s:~# lsns -p 2814
        NS TYPE   NPROCS   PID USER  COMMAND
4026531834 time      196     1 root  /sbin/init
4026531835 cgroup    189     1 root  /sbin/init
4026531837 user      196     1 root  /sbin/init
4026532264 net         6  2814 65535 /pause
4026532336 mnt         1  2814 65535 /pause
4026532337 uts         6  2814 65535 /pause
4026532338 ipc         6  2814 65535 /pause
4026532339 pid         1  2814 65535 /pause
`;

/** The host's own namespaces, as `lsns -p 1` prints them. */
const LSNS_INIT = `root@k8s:~# lsns -p 1
        NS TYPE   NPROCS   PID USER COMMAND
4026531832 mnt       181     1 root /sbin/init
4026531833 net       190     1 root /sbin/init
4026531834 time      196     1 root /sbin/init
4026531835 cgroup    189     1 root /sbin/init
4026531836 pid       186     1 root /sbin/init
4026531837 user      196     1 root /sbin/init
4026531838 uts       190     1 root /sbin/init
4026531839 ipc       186     1 root /sbin/init
`;

const panel = (page: Page) => page.getByTestId('import-panel');

/** Opens the "Open capture…" dialog from the header. */
async function openDialog(page: Page) {
  await page.getByTestId('import-open').click();
  await expect(panel(page)).toBeVisible();
  // The paste box takes the focus: paste right away.
  await expect(page.getByTestId('import-paste')).toBeFocused();
}

async function shown(page: Page, src: 'paste' | 'files') {
  await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', src, { timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`[#&]src=${src}(&|$)`));
}

test.describe('import', () => {
  test('a pasted lsns -p transcript becomes the shown source', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    await openDialog(page);
    await page.getByTestId('import-paste').fill(LSNS_PAUSE);
    await page.screenshot({ path: 'test-results/import-panel.png' });
    await page.getByTestId('import-submit').click();
    await shown(page, 'paste');
    await expect(page.getByTestId('source-counts')).toContainText('2 processes · 8 namespaces');
    // Shown without problems: the dialog closed and the focus is back on its opener.
    await expect(panel(page)).toBeHidden();
    await expect(page.getByTestId('import-open')).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('pasted garbage is listed with source and line; the text stays', async ({ page }) => {
    await page.goto('/#src=nginx&view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
    const garbage = '<b>hello</b> this is not a capture\nsecond line\n';
    await openDialog(page);
    await page.getByTestId('import-paste').fill(garbage);
    await page.getByTestId('import-submit').click();
    const alert = panel(page).getByRole('alert');
    await expect(alert).toContainText('paste, line 1');
    // The failing line is shown as text: as HTML, `<b>` would vanish into a tag.
    await expect(alert.locator('pre.excerpt')).toContainText('<b>hello</b> this is not a capture');
    await expect(page.getByTestId('import-paste')).toHaveValue(garbage);
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
    await expect(page).toHaveURL(/[#&]src=nginx(&|$)/);
    await panel(page).screenshot({ path: 'test-results/import-error.png' });
    // Closed and opened again, the dialog still holds the text.
    await page.keyboard.press('Escape');
    await expect(panel(page)).toBeHidden();
    await openDialog(page);
    await expect(page.getByTestId('import-paste')).toHaveValue(garbage);
  });

  test('in Korean, parse problems and warnings are Korean; the English original stays at hand', async ({
    page,
  }) => {
    await page.goto('/#src=myweb2&view=matrix&lang=ko');
    const warning = page.getByTestId('warnings').locator('.message').first();
    await expect(warning).toHaveText(
      /^프로세스 3개는 kubectl exec myweb2\/myweb2-netshoot 안에서 읽었습니다\./,
      { timeout: 20_000 },
    );
    await expect(warning).toHaveAttribute('data-issue', 'inside-wrapper');
    await expect(warning).toHaveAttribute('title', /^원문: the 3 processes were read inside/);
    await expect(page.getByTestId('warnings').locator('.where').first()).toHaveAttribute(
      'title',
      'reconstructed/myweb2.txt, 135번째 줄',
    );

    await openDialog(page);
    await page.getByTestId('import-paste').fill('<b>hello</b> this is not a capture\n');
    await page.getByTestId('import-submit').click();
    const alert = panel(page).getByRole('alert');
    await expect(alert).toContainText('이 입력에서 읽을 수 있는 내용이 없습니다');
    await expect(alert).toContainText('paste, 1번째 줄');
    const problem = alert.locator('[data-issue]');
    await expect(problem).toHaveAttribute('data-issue', 'unknown-format');
    await expect(problem).toContainText('알 수 없는 형식입니다. 읽을 수 있는 형식: ');
    await expect(problem).not.toContainText('unknown format');
    await expect(problem).toHaveAttribute('title', /^원문: unknown format: expected one of: /);
    await panel(page).screenshot({ path: 'test-results/import-error-ko.png' });

    // A snapshot with a wrong value: the "expected …, found …" frame in Korean, the parts kept.
    await page
      .getByTestId('import-paste')
      .fill('{"schema":"nsviz/snapshot@1","processes":[{"node":"n","pid":"x"}]}');
    await page.getByTestId('import-submit').click();
    await expect(alert.locator('[data-issue]')).toHaveText(
      'processes.0.pid: 예상한 내용: a value of type integer · 실제 내용: "x"',
    );

    // The same in English: the parser's sentence, unchanged. (The modal dialog covers the
    // language switch; the hash is the same switch.)
    await page.evaluate(() => (location.hash = location.hash.replace('lang=ko', 'lang=en')));
    await expect(alert.locator('[data-issue]')).toHaveText(
      'processes.0.pid: expected a value of type integer, found "x"',
    );
  });

  test('two chosen files are merged into one snapshot', async ({ page }) => {
    await page.goto('/#view=matrix');
    await openDialog(page);
    await page.getByTestId('import-file').setInputFiles([
      { name: 'pause.txt', mimeType: 'text/plain', buffer: Buffer.from(LSNS_PAUSE) },
      { name: 'init.txt', mimeType: 'text/plain', buffer: Buffer.from(LSNS_INIT) },
    ]);
    await shown(page, 'files');
    // 8 + 8 rows; time, cgroup and user are the host's in both: 13 distinct namespaces.
    await expect(page.getByTestId('source-counts')).toContainText('pause.txt, init.txt');
    await expect(page.getByTestId('source-counts')).toContainText('2 processes · 13 namespaces');
  });

  test('files dropped on the page are opened; an overlay shows while dragging', async ({
    page,
  }) => {
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      (window as unknown as { nsvizDrop: DataTransfer }).nsvizDrop = dt;
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    }, LSNS_PAUSE);
    await expect(page.getByTestId('drop-overlay')).toBeVisible();
    await page.evaluate(() => {
      const dt = (window as unknown as { nsvizDrop: DataTransfer }).nsvizDrop;
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    });
    await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
    await shown(page, 'files');
    await expect(page.getByTestId('source-counts')).toContainText('dropped.txt');
    await expect(panel(page)).toBeHidden();
  });

  test('a dropped file that cannot be read opens the dialog with the failing line', async ({
    page,
  }) => {
    await page.goto('/#src=nginx&view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['no capture here\n'], 'notes.txt', { type: 'text/plain' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    });
    const alert = panel(page).getByRole('alert');
    await expect(alert).toContainText('notes.txt, line 1');
    await expect(alert.locator('pre.excerpt')).toContainText('no capture here');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
  });

  test('a 20 MB capture parses off the main thread, with progress', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    const big = syntheticCapture(20_000_000);
    await openDialog(page);
    await page.getByTestId('import-file').setInputFiles({
      name: 'big.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(big),
    });
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('data-phase', 'parsing', { timeout: 20_000 });
    // While the worker parses, the page answers at once.
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      await page.evaluate(() => document.title);
      delays.push(Date.now() - start);
      await page.waitForTimeout(100);
    }
    expect(Math.max(...delays), `page.evaluate round trips: ${delays.join(', ')} ms`).toBeLessThan(
      200,
    );
    await shown(page, 'files');
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('source-counts')).toContainText('big.txt');
  });
});

/** Many `lsns -p` outputs, one per process, until the text reaches `size` characters. */
function syntheticCapture(size: number): string {
  const types = ['mnt', 'net', 'time', 'cgroup', 'pid', 'user', 'uts', 'ipc'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const pid = 10_000 + i;
    const rows = types.map(
      (t, k) =>
        `${4026533000 + (i % 500) * 8 + k} ${t.padEnd(6)}      1 ${pid} root  /usr/bin/worker --id ${i}`,
    );
    const block = `root@k8s:~# lsns -p ${pid}\n        NS TYPE   NPROCS   PID USER  COMMAND\n${rows.join('\n')}\n`;
    parts.push(block);
    length += block.length;
  }
  return parts.join('');
}

test.describe('#src=<url>', () => {
  test('a capture served over http is fetched, parsed and drawn', async ({ page }) => {
    const errors = collectErrors(page);
    // public/examples/lsns-pause.txt, served by the app's own server: relative and absolute.
    await page.goto('/#src=/examples/lsns-pause.txt&view=matrix');
    const matrix = page.getByTestId('matrix');
    await expect(matrix).toHaveAttribute('data-src', '/examples/lsns-pause.txt', {
      timeout: 20_000,
    });
    await expect(page.getByTestId('source-counts')).toContainText('lsns-pause.txt');
    await expect(page.getByTestId('source-counts')).toContainText('2 processes');
    const absolute = new URL('/examples/lsns-pause.txt', page.url()).href;
    await page.goto(`/#src=${encodeURIComponent(absolute)}&view=matrix`);
    await expect(matrix).toHaveAttribute('data-src', absolute, { timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  test('an HTTP error names the URL and the status, and offers ways on', async ({ page }) => {
    await page.route('**/captures/missing.txt', (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }),
    );
    await page.goto('/#src=/captures/missing.txt&view=matrix');
    const problem = page.getByTestId('url-problem');
    const alert = problem.getByRole('alert');
    await expect(alert).toContainText('Could not open this URL');
    await expect(alert).toContainText('/captures/missing.txt');
    await expect(alert).toContainText('HTTP 404');
    await problem.screenshot({ path: 'test-results/url-error.png' });
    await page.goto('/#src=/captures/missing.txt&view=matrix&lang=ko');
    await expect(alert).toContainText('이 URL을 열 수 없습니다');
    await expect(alert.locator('[data-failure]')).toHaveText(
      /^서버가 HTTP 404( [\w ]+)? 상태로 응답했습니다\.$/,
    );
    await problem.screenshot({ path: 'test-results/url-error-ko.png' });
    await page.goto('/#src=/captures/missing.txt&view=matrix');
    // "Try again" fetches again: now the server has it.
    await page.unroute('**/captures/missing.txt');
    await page.route('**/captures/missing.txt', async (route) => {
      const text = await (await page.request.get('/examples/lsns-pause.txt')).text();
      await route.fulfill({ status: 200, contentType: 'text/plain', body: text });
    });
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('matrix')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('source-counts')).toContainText('2 processes');
  });

  test('an unreachable server and a text with nothing to read are told apart', async ({ page }) => {
    await page.goto('/#src=http://127.0.0.1:9/capture.txt&lang=ko');
    const alert = page.getByTestId('url-problem').getByRole('alert');
    await expect(alert).toContainText('이 URL을 열 수 없습니다');
    await expect(alert).toContainText('CORS');
    await page.goto('/#src=/favicon.svg');
    await expect(alert).toContainText('This URL has nothing nsviz can read');
    await expect(alert).toContainText('favicon.svg');
    // The way on: a bundled capture from the gallery.
    await page
      .getByTestId('url-problem')
      .getByRole('button', { name: /bundled capture/ })
      .click();
    await page.getByTestId('gallery').locator('[data-fixture-id="nginx"] a').click();
    await expect(page.getByTestId('topology')).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/#src=nginx/);
  });
});
