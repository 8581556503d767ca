import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import type { HubProcess } from '../integration/sync-support/processes';
import { openApp } from './app';
import { openProfile, screenshot } from './browser';
import { startSeededHub } from './hub';

// Browser mode served by the hub: a PC opens http://<hub>/, enrolls, and from then on starts with
// no network; a new build is announced and taken only when the person chooses 刷新.

let hub: HubProcess;
let appDir: string;

beforeAll(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'yishi-hub-app-'));
  await cp(inject('rendererDir'), appDir, { recursive: true });
  hub = await startSeededHub({ appDir });
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
  await rm(appDir, { recursive: true, force: true });
});

/** A second production build whose only difference is its version, deployed where the hub serves. */
async function deployNewBuild(version: string): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'yishi-next-build-'));
  const saved = { nodeEnv: process.env.NODE_ENV, version: process.env.npm_package_version };
  process.env.NODE_ENV = 'production';
  process.env.npm_package_version = version;
  try {
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'warn',
      mode: 'production',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = saved.nodeEnv;
    if (saved.version === undefined) delete process.env.npm_package_version;
    else process.env.npm_package_version = saved.version;
  }
  for (const entry of await readdir(appDir)) await rm(join(appDir, entry), { recursive: true, force: true });
  await cp(outDir, appDir, { recursive: true });
  await rm(outDir, { recursive: true, force: true });
}

async function deviceScreenShows(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('navigation').getByText('设备与数据').click();
  await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toMatch(text);
}

describe('browser mode served by the hub', () => {
  it('enrolls from the hub’s own page, starts offline, and takes a new build only on 刷新', async () => {
    const code = await hub.enrollCode('xg.gyj', 'community-worker', '高原街社区议事厅备用电脑');
    const { page, context } = await openProfile('hub-served');
    await openApp(page, hub.url);
    await page.getByTestId('device-name-input').fill('高原街社区议事厅备用电脑');
    // Opened from the hub, the address is already filled in.
    await expect.poll(() => page.getByTestId('setup-hub-url').inputValue()).toBe(hub.url);
    await page.getByTestId('setup-hub-code').fill(code);
    await page.getByRole('button', { name: '连接并完成设置' }).click();
    await page.locator('main').waitFor();
    await expect.poll(() => page.getByTestId('sync-state').textContent(), { timeout: 90_000 }).toBe('已同步');
    await expect
      .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)))
      .toBe(true);

    // No network at all: the reload still starts the app, with its data.
    await context.setOffline(true);
    await page.reload();
    await openApp(page, hub.url);
    await page.locator('main').waitFor();
    await page.getByRole('navigation').getByText('需求台账').click();
    await expect.poll(() => page.getByTestId('ledger-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await deviceScreenShows(page, /版本\s*0\.1\.0/);
    await screenshot(page, 'offline-start-device.png');

    // Back online, a new build is on the hub: announced, and applied only on 刷新.
    await deployNewBuild('0.1.1-e2e');
    await context.setOffline(false);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    await page.getByText('新版本可用').waitFor({ timeout: 60_000 });
    await screenshot(page, 'offline-start-update.png');
    await deviceScreenShows(page, /版本\s*0\.1\.0(?!\.)/);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '刷新' }).click()]);
    await openApp(page, hub.url);
    await deviceScreenShows(page, /版本\s*0\.1\.1-e2e/);
  });
});
