import { spawn, type ChildProcess } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers.ts';

// Live mode against a real agent (contract §4, §5): `nsviz serve --live` on a free loopback port,
// serving the built app from dist/ (the Playwright web server builds it first). Nothing is mocked:
// the agent scans this machine's /proc, and the namespaces the test makes are real.

const IS_ROOT = process.getuid?.() === 0;
const ROOT = new URL('..', import.meta.url).pathname;

test.skip(process.platform !== 'linux', 'the live agent reads /proc: Linux only');
test.describe.configure({ mode: 'serial' });

interface Agent {
  process: ChildProcess;
  url: string;
  port: number;
}

/** Starts the agent (its fixtures off: the app bundles them) and waits for its address. */
async function startAgent(port = 0, extra: readonly string[] = []): Promise<Agent> {
  const child = spawn(
    process.execPath,
    ['bin/nsviz.mjs', 'serve', '--live', '--no-fixtures', '--port', String(port), ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start: ${out}`)), 20_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`agent exited (${code}): ${out}`)));
  });
  return { process: child, url, port: Number(new URL(url).port) };
}

async function stopAgent(agent: Agent | undefined): Promise<void> {
  if (!agent || agent.process.exitCode !== null) return;
  const exited = new Promise((resolve) => agent.process.once('exit', resolve));
  agent.process.kill('SIGTERM');
  await exited;
}

const status = (page: Page) => page.getByTestId('live-status');
const topology = (page: Page) => page.locator('[data-testid=topology]');

let agent: Agent | undefined;
test.afterEach(async () => {
  await stopAgent(agent);
  agent = undefined;
});

test('the app follows this machine live, goes stale without the agent and recovers', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  agent = await startAgent();
  await page.goto(`${agent.url}#src=live`);
  await expect(status(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(page.getByTestId('live-updated')).toBeVisible();
  // The snapshot is drawn: this machine's namespaces, at least the initial ones.
  const drawn = topology(page).locator('[data-kind=namespace]');
  await expect(drawn.first()).toBeVisible();
  expect(await drawn.count()).toBeGreaterThanOrEqual(7);
  // The source picker offers this machine next to the fixtures, and shows it chosen.
  const picker = page.getByTestId('fixture-picker');
  await expect(picker.locator('option[value=live]')).toHaveText(/this machine \(live\)/);
  await expect(picker).toHaveValue('live');

  // The agent goes away: stale (then offline), the last snapshot stays on screen.
  const { port } = agent;
  await stopAgent(agent);
  await expect(status(page)).toHaveAttribute('data-state', /^(stale|offline)$/, {
    timeout: 10_000,
  });
  await expect(status(page)).toContainText(/retrying in \d+ s|retrying now/);
  expect(await drawn.count()).toBeGreaterThanOrEqual(7);
  await page.screenshot({ path: 'test-results/live-stale.png' });

  // It comes back on the same address: live again within the backoff (1, 2, 4 s…).
  agent = await startAgent(port);
  await expect(status(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  // Failed requests while the agent was down are the browser's own console lines; nothing else.
  expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual(
    [],
  );
});

test('a process in new namespaces appears marked as added, and goes when it ends', async ({
  page,
}) => {
  test.skip(!IS_ROOT, 'needs root: unshare --net/--pid/--uts/--ipc makes new namespaces');
  test.setTimeout(90_000);
  agent = await startAgent();
  await page.goto(`${agent.url}#src=live&lang=en`);
  await expect(status(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });

  // A pod-like process: its own pid, mount, net, uts and ipc namespaces.
  const pod = spawn(
    'unshare',
    ['--fork', '--kill-child', '--pid', '--mount-proc', '--net', '--uts', '--ipc', 'sleep', '300'],
    { stdio: 'ignore', detached: true },
  );
  try {
    const selfNet = readlinkSync('/proc/self/ns/net');
    let net = '';
    await expect
      .poll(
        () => {
          try {
            net = readlinkSync(`/proc/${pod.pid}/ns/net`);
          } catch {
            net = '';
          }
          return net !== '' && net !== selfNet;
        },
        { timeout: 5000 },
      )
      .toBe(true);
    const inode = /\[(\d+)\]/.exec(net)![1]!;
    const key = `ns:${hostname()}:${inode}`;
    const drawn = topology(page).locator(`[data-key="${key}"]`);
    await expect(drawn).toHaveAttribute('data-change', 'added', { timeout: 10_000 });
    await expect(page.getByTestId('live-changes').locator(`[data-key="${key}"]`)).toHaveAttribute(
      'data-change',
      'added',
    );
    await drawn.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/live-added.png' });

    process.kill(-pod.pid!, 'SIGKILL');
    await expect(drawn).toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByTestId('live-changes').locator(`[data-key="${key}"]`)).toHaveAttribute(
      'data-change',
      'removed',
    );
    await expect(status(page)).toHaveAttribute('data-state', 'live');
  } finally {
    try {
      process.kill(-pod.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

test('an agent started with --token: the token from the printed address, or typed in', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  const token = 'e2e-token-0123456789';
  agent = await startAgent(0, ['--token', token]);
  // Without the token the agent answers 401: the picker still offers this machine, and the
  // live view asks for the token.
  await page.goto(`${agent.url}#src=live`);
  await expect(page.getByTestId('fixture-picker').locator('option[value=live]')).toHaveText(
    /token needed/,
  );
  await expect(page.getByTestId('live-token')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('live-token').fill(token);
  await page.getByTestId('live-token-submit').click();
  await expect(status(page)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(topology(page).locator('[data-kind=namespace]').first()).toBeVisible();
  // The event stream carries the header too: it opens, instead of leaving the app polling.
  await expect(status(page)).toHaveAttribute('data-stream', 'open', { timeout: 30_000 });

  // The address `nsviz serve` prints: the app takes the token and drops it from the address.
  const fresh = await page.context().newPage();
  const freshErrors = collectErrors(fresh);
  await fresh.goto(`${agent.url}#token=${token}&src=live`);
  await expect(status(fresh)).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  expect(fresh.url()).not.toContain(token);
  expect(fresh.url()).toContain('src=live');
  await fresh.close();
  // The agent's CSP lets index.html's first-frame script run (by its hash): no violations.
  expect([...errors, ...freshErrors].filter((e) => !/401/.test(e))).toEqual([]);
});
