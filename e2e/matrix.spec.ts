import { expect, test } from '@playwright/test';
import { collectErrors, manifest, nonHostTypes, openFixture, readPodGrid } from './helpers.ts';

// Tests tagged @model need the lead's parser and classifier (src/parse, src/model); the others
// check the app shell and pass with the placeholders too. `--grep-invert @model` runs the shell.

test.describe('app shell', () => {
  test('opens on the default fixture, myweb2', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('/#view=matrix');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
    await expect(page.getByTestId('fixture-picker')).toHaveValue('myweb2');
    await expect(page.getByTestId('provenance')).toContainText('reconstructed');
    await expect(page.getByRole('status')).toBeAttached();
    expect(errors).toEqual([]);
  });

  test('the gallery offers every manifest entry with its provenance', async ({ page }) => {
    await page.goto('/#view=matrix');
    const options = page.getByTestId('fixture-picker').locator('option');
    await expect(options).toHaveCount(manifest.length);
    for (const entry of manifest) {
      const option = options.and(page.locator(`[value="${entry.id}"]`));
      await expect(option).toHaveAttribute('data-provenance', entry.provenance);
      await expect(option).toContainText(entry.provenance);
    }
  });

  for (const entry of manifest) {
    test(`fixture ${entry.id} renders a matrix without console errors`, async ({ page }) => {
      const errors = collectErrors(page);
      await openFixture(page, entry.id);
      await expect(page.getByTestId('fixture-picker')).toHaveValue(entry.id);
      await expect(page.locator('#fixture-title')).toHaveText(entry.title);
      expect(errors).toEqual([]);
    });
  }

  test('#src=nginx selects nginx, and the picker writes the hash', async ({ page }) => {
    await openFixture(page, 'nginx');
    await page.getByTestId('fixture-picker').selectOption('myweb2-hostnet');
    await expect(page).toHaveURL(/#src=myweb2-hostnet(&|$)/);
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2-hostnet');
    await page.goBack();
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'nginx');
  });

  test('an unknown source says so and shows the default', async ({ page }) => {
    await page.goto('/#src=no-such-capture&view=matrix');
    await expect(page.getByRole('alert')).toContainText('no-such-capture');
    await expect(page.getByTestId('matrix')).toHaveAttribute('data-src', 'myweb2');
  });

  test('input text is shown as text, never as HTML', async ({ page }) => {
    await openFixture(page, 'myweb2');
    await page.locator('details.inputs summary').click();
    // `ip addr` prints `<BROADCAST,MULTICAST,UP,LOWER_UP>`: as HTML it would vanish into a tag.
    await expect(page.locator('details.inputs pre')).toContainText(
      '<BROADCAST,MULTICAST,UP,LOWER_UP>',
    );
  });
});

test.describe('myweb2 matrix @model', () => {
  test('one pod table, pause row first, two app containers', async ({ page }) => {
    await openFixture(page, 'myweb2');
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('table')).toHaveCount(1);
    await expect(matrix.locator('caption')).toContainText('default/myweb2');
    const rows = matrix.locator('tbody tr[data-container-id]');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toHaveAttribute('data-sandbox', 'true');
    await expect(rows.first()).toContainText('pause');
    const names = await rows.locator('.ctr-name').allTextContents();
    expect(names.slice(1).sort()).toEqual(['myweb2-netshoot', 'myweb2-nginx']);
  });

  test('net, ipc and uts: one cell spanning all containers, scope pod', async ({ page }) => {
    await openFixture(page, 'myweb2');
    for (const type of ['net', 'ipc', 'uts']) {
      const cells = page.getByTestId('matrix').locator(`td[data-ns-type="${type}"]`);
      await expect(cells, type).toHaveCount(1);
      await expect(cells, type).toHaveAttribute('rowspan', '3');
      await expect(cells, type).toHaveAttribute('data-scope', 'pod');
    }
    await expect(page.locator('td[data-ns-type="net"]')).toHaveAttribute(
      'data-inode',
      '4026532264',
    );
  });

  test('mnt and pid: one namespace per container', async ({ page }) => {
    await openFixture(page, 'myweb2');
    const grid = await readPodGrid(page);
    for (const type of ['mnt', 'pid']) {
      const inodes = grid.map((r) => r.ns[type]?.inode);
      expect(new Set(inodes).size, type).toBe(3);
      expect(
        inodes.every((i) => i !== undefined),
        type,
      ).toBe(true);
      expect(
        grid.map((r) => r.ns[type]?.scope),
        type,
      ).toEqual(['container', 'container', 'container']);
    }
    expect(grid[0]?.ns.pid?.inode).toBe(4026532339);
  });

  test("user and time: the host's, labelled host", async ({ page }) => {
    await openFixture(page, 'myweb2');
    for (const [type, inode] of [
      ['user', '4026531837'],
      ['time', '4026531834'],
    ] as const) {
      const cells = page.getByTestId('matrix').locator(`td[data-ns-type="${type}"]`);
      await expect(cells, type).toHaveCount(1);
      await expect(cells, type).toHaveAttribute('rowspan', '3');
      await expect(cells, type).toHaveAttribute('data-scope', 'host');
      await expect(cells, type).toHaveAttribute('data-inode', inode);
      await expect(cells, type).toContainText('host');
    }
  });

  test('cgroup as the capture says: pause the host, each app its own', async ({ page }) => {
    await openFixture(page, 'myweb2');
    const grid = await readPodGrid(page);
    expect(grid.map((r) => r.ns.cgroup?.scope)).toEqual(['host', 'container', 'container']);
  });

  test('the caption shows the pod address from ip addr', async ({ page }) => {
    await openFixture(page, 'myweb2');
    await expect(page.getByTestId('matrix').locator('caption')).toContainText('10.244.1.6/24');
  });
});

test.describe('the other reconstructions @model', () => {
  for (const id of ['metrics-server', 'nginx']) {
    test(`${id}: pause differs from the host in 5 namespaces, the app in 6`, async ({ page }) => {
      await openFixture(page, id);
      const grid = await readPodGrid(page);
      expect(grid).toHaveLength(2);
      expect(grid[0]?.sandbox).toBe(true);
      expect(nonHostTypes(grid[0]!)).toEqual(['ipc', 'mnt', 'net', 'pid', 'uts']);
      expect(nonHostTypes(grid[1]!)).toEqual(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'uts']);
    });
  }

  test('myweb2-sharepid: one pid namespace for the whole pod', async ({ page }) => {
    await openFixture(page, 'myweb2-sharepid');
    const pid = page.getByTestId('matrix').locator('td[data-ns-type="pid"]');
    await expect(pid).toHaveCount(1);
    await expect(pid).toHaveAttribute('rowspan', '3');
    await expect(pid).toHaveAttribute('data-scope', 'pod');
    const grid = await readPodGrid(page);
    expect(new Set(grid.map((r) => r.ns.mnt?.inode)).size).toBe(3);
  });

  test("myweb2-hostnet: the node's net and uts, the pod's own ipc", async ({ page }) => {
    await openFixture(page, 'myweb2-hostnet');
    const grid = await readPodGrid(page);
    expect(grid).toHaveLength(3);
    for (const row of grid) {
      expect(row.ns.net?.scope).toBe('host');
      expect(row.ns.uts?.scope).toBe('host');
      expect(row.ns.ipc?.scope).toBe('pod');
    }
  });
});

test.describe('processes under their containers @model', () => {
  const NGINX_ID = 'bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f';

  test('expand a container: its processes as rows, continuing the shared cells', async ({
    page,
  }) => {
    await openFixture(page, 'myweb2');
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('tr[data-kind=process]')).toHaveCount(0);
    const nginx = matrix.locator(`tr[data-container-id="${NGINX_ID}"]`);
    const toggle = nginx.getByTestId('expand-processes');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const proc = matrix.locator('tr[data-kind=process]');
    await expect(proc).toHaveCount(1);
    await expect(proc).toHaveAttribute('data-key', 'proc:k8s-w1:2903');
    await expect(proc).toContainText('nginx: master process');
    // The process is in the pod's net: the one net cell now spans four rows.
    await expect(matrix.locator('td[data-ns-type="net"]')).toHaveAttribute('rowspan', '4');
    // Sandbox first still, the process right under its container.
    const order = await matrix
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.dataset.kind));
    expect(order).toEqual(['container', 'container', 'container', 'process']);
    await expect(matrix.locator('tbody tr').first()).toHaveAttribute('data-sandbox', 'true');

    await proc.locator('th').hover();
    await expect(nginx).toHaveAttribute('data-highlighted', 'true');
    await proc.locator('th').click();
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'process');

    await toggle.click();
    await expect(matrix.locator('tr[data-kind=process]')).toHaveCount(0);
    await expect(matrix.locator('td[data-ns-type="net"]')).toHaveAttribute('rowspan', '3');
  });

  test('opened containers are in the hash (expand=): links and Back/Forward restore them', async ({
    page,
  }) => {
    await openFixture(page, 'myweb2');
    const matrix = page.getByTestId('matrix');
    const processes = matrix.locator('tr[data-kind=process]');
    const nginx = matrix.locator(`tr[data-container-id="${NGINX_ID}"]`);
    const netshoot = matrix.locator('tr[data-container-id]', { hasText: 'myweb2-netshoot' });
    const nginxKey = encodeURIComponent(`ctr:k8s-w1:${NGINX_ID}`);

    await nginx.getByTestId('expand-processes').click();
    await expect(page).toHaveURL(new RegExp(`expand=${nginxKey}(&|$)`));
    await expect(processes).toHaveCount(1);
    await netshoot.getByTestId('expand-processes').click();
    await expect(processes).toHaveCount(2);
    await expect(page).toHaveURL(new RegExp(`expand=${nginxKey}%2Cctr%3Ak8s-w1%3A7f61`));
    await expect(netshoot).toHaveAttribute('data-expanded', 'true');

    await page.goBack();
    await expect(processes).toHaveCount(1);
    await expect(nginx).toHaveAttribute('data-expanded', 'true');
    await expect(netshoot).not.toHaveAttribute('data-expanded');
    await expect(netshoot.getByTestId('expand-processes')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await page.goBack();
    await expect(processes).toHaveCount(0);
    await page.goForward();
    await expect(processes).toHaveCount(1);
    await expect(processes).toHaveAttribute('data-parent-container', NGINX_ID);

    // A shared link opens with the container's processes listed; folding writes the hash.
    await page.goto(`/#src=myweb2&view=matrix&expand=${nginxKey}`);
    await page.reload();
    await expect(processes).toHaveCount(1, { timeout: 20_000 });
    await expect(processes).toHaveAttribute('data-key', 'proc:k8s-w1:2903');
    await expect(matrix.locator('td[data-ns-type="net"]')).toHaveAttribute('rowspan', '4');
    await nginx.getByTestId('expand-processes').click();
    await expect(processes).toHaveCount(0);
    expect(page.url()).not.toContain('expand=');
  });

  test('the type filter limits the columns, Korean labels', async ({ page }) => {
    await page.goto('/#src=myweb2&view=matrix&types=net,pid&lang=ko');
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('thead th')).toHaveCount(3);
    await expect(matrix.locator('h2')).toHaveText('컨테이너별 네임스페이스');
    await expect(matrix.locator('td[data-ns-type="net"]')).toContainText('파드');
  });
});

test('screenshots: matrix with processes expanded, light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.goto(`/#src=myweb2&view=matrix&theme=${theme}`);
    await page.reload();
    const buttons = page.getByTestId('expand-processes');
    await expect(buttons).toHaveCount(3, { timeout: 20_000 });
    for (const b of await buttons.all()) await b.click();
    await expect(page.locator('tr[data-kind=process]')).toHaveCount(3);
    // Away from the buttons, so no hover highlight dims the picture.
    await page.mouse.move(640, 710);
    await expect(page.getByTestId('workspace')).not.toHaveAttribute('data-highlighting');
    await page.screenshot({ path: `test-results/matrix-expanded-${theme}.png` });
  }
});
