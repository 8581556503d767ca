import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { HubProcess } from '../integration/sync-support/processes';
import { openProfile } from './browser';
import { openApp } from './app';

const run = promisify(execFile);

/** A real hub process on PGlite in a temp folder, with the demo street seeded through its CLI. */
export async function startSeededHub(): Promise<HubProcess> {
  const hub = new HubProcess();
  await hub.start();
  await run(process.execPath, [
    '--import',
    'tsx',
    'hub/src/cli.ts',
    'seed-demo',
    '--data',
    hub.dataDir,
    '--hub',
    hub.url,
  ]);
  return hub;
}

/** A new device set up the way a street rolls it out: a name, the hub and a one-time code. */
export async function enrolledDevice(
  hub: HubProcess,
  name: string,
  scope: string,
  role = 'community-worker',
): Promise<Page> {
  const code = await hub.enrollCode(scope, role, name);
  const { page, baseUrl } = await openProfile(name);
  await openApp(page, baseUrl);
  await page.getByTestId('device-name-input').fill(name);
  await page.getByTestId('setup-hub-url').fill(hub.url);
  await page.getByTestId('setup-hub-code').fill(code);
  await page.getByRole('button', { name: '连接并完成设置' }).click();
  await page.locator('main').waitFor();
  await expect.poll(() => page.getByTestId('sync-state').textContent(), { timeout: 90_000 }).toBe('已同步');
  await waitUntilSettled(page);
  return page;
}

/** The device screen's document total stops growing: the initial pull has landed. */
async function waitUntilSettled(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('设备与数据').click();
  const total = async () =>
    Number(((await page.getByTestId('count-total').textContent()) ?? '0').replace(/\D/g, ''));
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await total();
        const settled = now > 0 && now === last;
        last = now;
        return settled;
      },
      { timeout: 120_000, interval: 2_000 },
    )
    .toBe(true);
}
