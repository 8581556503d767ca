import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { HubProcess } from '../integration/sync-support/processes';
import type { HubOptions } from '../integration/sync-support/processes';
import { openProfile } from './browser';
import { openApp } from './app';
import { generateDemoStreet } from '#resources/demo/index';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { visibleToDevice } from '#shared/domain/places/index';

const run = promisify(execFile);

/**
 * A real hub process on PGlite in a temp folder, with the demo street seeded through its CLI (as
 * it stood at `asOf` when given, so that a test knows which work is still waiting).
 */
export async function startSeededHub(options: HubOptions & { asOf?: string } = {}): Promise<HubProcess> {
  const hub = new HubProcess(options);
  // The demo depends on the moment it is generated: the test must expect the street the hub holds.
  const asOf = options.asOf ?? new Date().toISOString();
  seededAsOf.set(hub, asOf);
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
    '--as-of',
    asOf,
  ]);
  return hub;
}

const seededAsOf = new WeakMap<HubProcess, string>();

/** The moment a hub started by startSeededHub generated its demo street. */
export const demoAsOf = (hub: HubProcess): string | undefined => seededAsOf.get(hub);

/** A new device set up the way a street rolls it out: a name, the hub and a one-time code. */
export async function enrolledDevice(
  hub: HubProcess,
  name: string,
  scope: string,
  role = 'community-worker',
  /** The moment the hub's demo street was seeded as of (see startSeededHub). */
  asOf?: string,
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
  await waitUntilSettled(page, scope, asOf ?? seededAsOf.get(hub));
  return page;
}

/**
 * The initial pull has landed: the device screen counts at least every demo document this scope
 * may see (its subtree, plus the places and organisations of its ancestors).
 */
export async function waitUntilSettled(page: Page, scope: string, asOf?: string): Promise<void> {
  const demo = generateDemoStreet({ seed: 1, now: asOf ?? new Date().toISOString(), scale: 1 });
  await page.getByRole('navigation').getByText('设备与数据').click();
  for (const name of COLLECTION_NAMES) {
    const expected = (demo[name] as { scope: string }[]).filter((d) =>
      visibleToDevice(d.scope, name, scope),
    ).length;
    if (expected === 0) continue;
    await expect
      .poll(
        async () =>
          Number(((await page.getByTestId(`count-${name}`).textContent()) ?? '0').replace(/\D/g, '')),
        {
          timeout: 180_000,
          interval: 1_000,
        },
      )
      .toBeGreaterThanOrEqual(expected);
  }
}
