import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubProcess } from '../integration/sync-support/processes';
import { enrolledDevice, startSeededHub } from './hub';
import { screenshot } from './browser';

let hub: HubProcess;

beforeAll(async () => {
  hub = await startSeededHub();
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
});

const enrolled = (name: string, scope: string) => enrolledDevice(hub, name, scope);

async function recordDemand(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: '诉求登记' }).click();
  await page.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
  const place = page.getByTestId('intake-place');
  await place.click();
  await page.keyboard.type('gyj2hy');
  await page
    .getByRole('option', { name: /高原街2号院/ })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('intake-description').fill(description);
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('intake-result').waitFor();
}

async function ledgerShows(page: Page, scope: string, title: string): Promise<boolean> {
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/demands/${scope}`);
  await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
  await expect.poll(() => page.getByTestId('ledger-total').textContent()).toMatch(/^共 \d+ 条$/);
  return (await page.getByTestId('ledger-row').filter({ hasText: title }).count()) > 0;
}

/** Looks into the profile's raw IndexedDB (every RxDB store) for a text, as a forensic check would. */
function localDatabaseContains(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (JSON.stringify(rows).includes(needle)) {
          db.close();
          return true;
        }
      }
      db.close();
    }
    return false;
  }, text);
}

describe('sync through the street hub in Chromium', () => {
  it('two devices of one community see each other’s new demand; another community never does', async () => {
    const hallA = await enrolled('高原街社区议事厅电脑', 'xg.gyj');
    const laptopB = await enrolled('高原街社区走访笔记本', 'xg.gyj');
    const other = await enrolled('惠新东街社区议事厅电脑', 'xg.hxdj');

    const title = `楼道堆物影响消防通道-${Date.now().toString(36)}`;
    await recordDemand(hallA, `${title}。请物业尽快清理。`);
    const started = Date.now();

    await expect
      .poll(() => ledgerShows(laptopB, 'xg.gyj.gyj2', title), { timeout: 20_000, interval: 500 })
      .toBe(true);
    const seenAfterMs = Date.now() - started;
    expect(seenAfterMs).toBeGreaterThan(0);
    await screenshot(laptopB, 'sync-second-device-ledger.png');

    // The other community had the same time and more: the document never reaches its database
    // (the same probe finds it on the two devices of 高原街社区).
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await localDatabaseContains(hallA, title)).toBe(true);
    expect(await localDatabaseContains(laptopB, title)).toBe(true);
    expect(await localDatabaseContains(other, title)).toBe(false);
    expect(await ledgerShows(other, 'xg.hxdj', title)).toBe(false);
    await other.getByRole('navigation').getByText('设备与数据').click();
    await other.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
    expect(await other.getByTestId('home-place').textContent()).toContain('惠新东街社区');
  });
});
