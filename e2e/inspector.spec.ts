import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

const NODE = 'k8s-w1';
const NGINX = `ctr:${NODE}:bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f`;
const PAUSE = `ctr:${NODE}:55b0ba3f658668d629c3afcebf3bf38f51ffea26e18a2eeb22f3feb558157ad3`;
const POD = `pod:${NODE}:0baaf614-4cfe-49f1-a7d6-7225ff12e6ca`;
const NET = `ns:${NODE}:4026532264`;

async function inspect(page: Page, key: string, extra = '', src = 'myweb2'): Promise<void> {
  await page.goto(`/#src=${src}&view=matrix&select=${encodeURIComponent(key)}${extra}`);
  await expect(page.getByTestId('inspector')).toBeVisible({ timeout: 20_000 });
}

const fact = (page: Page, term: string) =>
  page
    .getByTestId('inspector')
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('+ dd');

test.describe('inspector @model', () => {
  test('a process: PID, PPID, command, user, cgroup, container, pod, namespaces', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await inspect(page, `proc:${NODE}:2903`);
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toHaveAttribute('data-kind', 'process');
    await expect(inspector.getByRole('heading', { level: 2 })).toContainText('PID 2903');
    await expect(inspector.getByTestId('fact-pid')).toHaveText('2903');
    await expect(inspector.getByTestId('fact-ppid')).toHaveText('2794');
    await expect(inspector.getByTestId('fact-command')).toHaveText(
      'nginx: master process nginx -g daemon off;',
    );
    await expect(fact(page, 'User')).toHaveText('root');
    await expect(inspector.getByTestId('fact-cgroup')).toContainText(
      'cri-containerd-bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f.scope',
    );
    await expect(fact(page, 'Container').locator(`[data-key="${NGINX}"]`)).toHaveText(
      'myweb2-nginx',
    );
    await expect(fact(page, 'Pod').locator(`[data-key="${POD}"]`)).toHaveText('default/myweb2');
    await expect(inspector.locator(`button[data-key="${NET}"]`)).toHaveText('4026532264');
    expect(errors).toEqual([]);
  });

  test('a container: id, name, image, runtime, sandbox, processes, namespaces', async ({
    page,
  }) => {
    await inspect(page, NGINX);
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByTestId('fact-id')).toHaveText(NGINX.slice(`ctr:${NODE}:`.length));
    await expect(fact(page, 'Name')).toHaveText('myweb2-nginx');
    await expect(fact(page, 'Image')).toHaveText('bf3b3ee435bb1');
    await expect(fact(page, 'Runtime')).toHaveText('containerd');
    await expect(inspector.getByTestId('fact-sandbox')).toHaveText('no');
    await expect(inspector.locator(`button[data-key="proc:${NODE}:2903"]`)).toBeVisible();
    await inspect(page, PAUSE);
    await expect(page.getByTestId('fact-sandbox')).toContainText('yes');
    await expect(page.getByTestId('inspector').getByRole('heading', { level: 2 })).toContainText(
      'pause',
    );
  });

  test('a pod: its containers and IP', async ({ page }) => {
    await inspect(page, POD);
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByTestId('fact-ips')).toHaveText('10.244.1.6/24');
    await expect(inspector.locator(`button[data-key="${PAUSE}"]`)).toContainText('pause');
    await expect(inspector.locator(`button[data-key="${NGINX}"]`)).toBeVisible();
  });

  test('a net namespace: NPROCS, interfaces, IP and MAC, members', async ({ page }) => {
    await inspect(page, NET);
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByTestId('fact-inode')).toHaveText('4026532264');
    await expect(inspector.getByTestId('fact-nprocs')).toHaveText('6 (3 in the input)');
    await expect(fact(page, 'Scope')).toContainText('pod');
    const eth0 = inspector.locator('[data-interface=eth0]');
    await expect(eth0).toContainText('9e:35:b6:1a:4f:a7');
    await expect(eth0).toContainText('10.244.1.6/24');
    await expect(inspector.locator(`button[data-key="${NGINX}"]`)).toBeVisible();
  });

  test('a uts namespace: the hostname', async ({ page }) => {
    await inspect(page, 'ns:nsviz-node:4026532324', '', 'podman-default');
    await expect(page.getByTestId('fact-hostname')).toHaveText('nsviz-rec-default');
  });

  test('links select, hovering a link highlights in the view, × and Escape close', async ({
    page,
  }) => {
    await inspect(page, `proc:${NODE}:2903`);
    const inspector = page.getByTestId('inspector');
    await inspector.locator(`button[data-key="${NET}"]`).hover();
    await expect(page.getByTestId('matrix').locator(`td[data-key="${NET}"]`)).toHaveAttribute(
      'data-highlighted',
      'true',
    );

    await fact(page, 'Container').getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`select=${encodeURIComponent(NGINX)}`));
    await expect(inspector).toHaveAttribute('data-kind', 'container');
    await page.goBack();
    await expect(inspector).toHaveAttribute('data-kind', 'process');

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('inspector')).toHaveCount(0);
    await expect(page).not.toHaveURL(/select=/);

    await inspect(page, NET);
    await page.getByTestId('inspector-close').click();
    await expect(page.getByTestId('inspector')).toHaveCount(0);
  });

  test('command lines are text, never HTML', async ({ page, baseURL }) => {
    const snapshot = {
      schema: 'nsviz/snapshot@1',
      sources: [{ format: 'nsviz-snapshot' }],
      nodes: [{ name: 'n' }],
      namespaces: [{ node: 'n', type: 'net', inode: 4026532001 }],
      processes: [
        {
          node: 'n',
          pid: 7,
          command: '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>',
          namespaces: { net: 4026532001 },
        },
      ],
      containers: [],
      pods: [],
      warnings: [],
    };
    await page.route('**/nsviz-e2e/html.json', (route) => route.fulfill({ json: snapshot }));
    const url = `${baseURL}/nsviz-e2e/html.json`;
    await page.goto(`/#src=${encodeURIComponent(url)}&view=table&select=proc%3An%3A7`);
    await expect(page.getByTestId('fact-command')).toHaveText(
      '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>',
      { timeout: 20_000 },
    );
    await expect(page.getByTestId('inspector').locator('img, b')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
  });

  test('Korean', async ({ page }) => {
    await inspect(page, NET, '&lang=ko');
    await expect(page.getByTestId('inspector')).toContainText('인터페이스');
    await expect(page.getByTestId('inspector-close')).toHaveAttribute('aria-label', /닫기/);
  });
});

test('screenshots: inspector in light, dark and Korean', async ({ page }) => {
  for (const [name, key, extra] of [
    ['process-light', `proc:${NODE}:2903`, '&theme=light'],
    ['net-dark', NET, '&theme=dark'],
    ['container-ko', NGINX, '&lang=ko&theme=light'],
  ] as const) {
    await inspect(page, key, extra);
    await page.screenshot({ path: `test-results/inspector-${name}.png` });
  }
});
