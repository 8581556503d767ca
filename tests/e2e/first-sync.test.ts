// A new street-office PC's first sync as a person sees it: enrolled through the first-run screen
// against a hub with the demo street, the page reloaded in the middle of the first sync, and in
// the end every document of its scope stored, the progress at 100 %, and no page of documents
// pulled twice (the hub's access log).

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubProcess } from '../integration/sync-support/processes';
import { PASSPHRASE, openApp } from './app';
import { openProfile, screenshot } from './browser';
import { demoAsOf, startSeededHub, waitUntilSettled } from './hub';

let hub: HubProcess;

beforeAll(async () => {
  hub = await startSeededHub();
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
});

const received = async (page: Page) => {
  const text =
    (await page
      .getByTestId('first-sync-figures')
      .first()
      .textContent()
      .catch(() => '')) ?? '';
  const match = /已接收 ([\d,]+)/.exec(text);
  return match ? Number(match[1]!.replace(/,/g, '')) : 0;
};

it('resumes a first sync after a reload and ends with every document, at 100 %, no page pulled twice', async () => {
  const name = '街道办公室新电脑';
  const code = await hub.enrollCode('xg', 'street-staff', name);
  const { page, baseUrl } = await openProfile('first-sync');
  // People arrive slowly enough to reload between two of their pages. Before the reload, the page
  // after the first one is held in the browser and never reaches the hub (on a busy machine a fixed
  // delay could let the device's next request through while the first page was still being
  // stored, and the hub's log would show that page twice although the device never stored it).
  let reloaded = false;
  await page.route('**/v1/sync/people/pull**', async (route) => {
    if (!reloaded && route.request().url().includes('before=')) {
      while (!reloaded) await new Promise((resolve) => setTimeout(resolve, 100));
      await route.abort().catch(() => undefined);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue().catch(() => undefined);
  });
  await openApp(page, baseUrl);
  await page.getByTestId('device-name-input').fill(name);
  await page.getByTestId('setup-hub-url').fill(hub.url);
  await page.getByTestId('setup-hub-code').fill(code);
  await page.getByRole('button', { name: '连接并完成设置' }).click();
  await page.locator('main').waitFor();

  await expect
    .poll(() => page.getByTestId('sync-state').textContent(), { timeout: 60_000 })
    .toBe('首次同步中');
  // Places and organisations come first, then people: reload once a page of people is stored.
  await expect.poll(() => received(page), { timeout: 120_000, interval: 50 }).toBeGreaterThan(3_000);
  await screenshot(page, 'first-sync-progress.png');
  const before = await received(page);
  reloaded = true;
  await page.reload();
  const gate = page.getByTestId('passphrase');
  await gate.or(page.locator('main')).first().waitFor();
  if (await gate.isVisible()) {
    await gate.fill(PASSPHRASE);
    await page.getByRole('button', { name: '打开' }).click();
  }
  // The progress picks up where it stopped.
  await expect.poll(() => received(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(before);
  await expect.poll(() => page.getByTestId('sync-state').textContent(), { timeout: 180_000 }).toBe('已同步');

  await page.getByRole('navigation').getByText('同步与冲突').click();
  await expect.poll(() => page.getByTestId('first-sync-figures').textContent()).toMatch(/^100% · /);
  await screenshot(page, 'first-sync-done.png');
  await waitUntilSettled(page, 'xg', demoAsOf(hub));

  const withDocuments = hub.pulls.filter((p) => p.status === 200 && p.docs > 0);
  const pages = withDocuments.map((p) => `${p.collection}${p.page}`);
  expect(pages.filter((p) => p.startsWith('people<')).length).toBeGreaterThanOrEqual(4);
  expect(pages.length - new Set(pages).size, pages.join(' ')).toBe(0);
});
