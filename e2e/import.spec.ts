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

async function shown(page: Page, src: 'paste' | 'files') {
  await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', src, { timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`[#&]src=${src}(&|$)`));
}

test.describe('import', () => {
  test('a pasted lsns -p transcript becomes the shown source', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    await page.getByTestId('import-paste').fill(LSNS_PAUSE);
    await page.getByTestId('import-submit').click();
    await shown(page, 'paste');
    await expect(page.getByTestId('source-counts')).toContainText('2 processes · 8 namespaces');
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
    await panel(page).screenshot({ path: 'test-results/import-panel.png' });
    expect(errors).toEqual([]);
  });

  test('pasted garbage is listed with source and line; the text stays', async ({ page }) => {
    await page.goto('/#src=nginx&view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
    const garbage = '<b>hello</b> this is not a capture\nsecond line\n';
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
  });

  test('two chosen files are merged into one snapshot', async ({ page }) => {
    await page.goto('/#view=matrix');
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
  });

  test('a 20 MB capture parses off the main thread, with progress', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    const big = syntheticCapture(20_000_000);
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
