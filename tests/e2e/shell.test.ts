import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openProfile, screenshot } from './browser';
import { openApp, PASSPHRASE } from './app';

/**
 * Everything the page keeps: sessionStorage, localStorage and every record of every IndexedDB
 * database, as text (binary values as Latin-1, key objects by their properties).
 */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const text = (value: unknown): string =>
      JSON.stringify(value, (_k, v: unknown) => {
        if (v instanceof ArrayBuffer) v = new Uint8Array(v);
        if (ArrayBuffer.isView(v)) {
          const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
          return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
        }
        if (v instanceof CryptoKey) return { type: v.type, extractable: v.extractable };
        return v;
      });
    for (const storage of [sessionStorage, localStorage])
      for (let i = 0; i < storage.length; i++)
        parts.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    for (const info of await indexedDB.databases()) {
      parts.push(`database ${info.name}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        parts.push(`${info.name}/${store}:${text(rows)}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}

describe('the app shell in browser mode', () => {
  it('opens in Chinese, shows the real database, and keeps what a person entered across a reload', async () => {
    const profile = await openProfile('shell');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);

    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('heading', { name: /首次设置/ }).waitFor();

    // A standalone street office: its own street, no hub, no demo data.
    await page.getByTestId('device-name-input').fill('小关街道办公室电脑');
    await page.getByLabel(/街道办公室/).check();
    await page.getByLabel('街道名称').fill('小关街道');
    await page.getByLabel('街道代码').fill('xg');
    await page.getByRole('button', { name: '创建街道' }).click();
    await page.getByTestId('home-place-input').fill('xgjd');
    await page.getByRole('option', { name: /小关街道/ }).click();
    await page.getByRole('button', { name: '完成设置', exact: true }).click();

    await page.getByRole('navigation').getByText('设备与数据').click();
    await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('device-name').textContent()).toBe('小关街道办公室电脑');
    expect(await page.getByTestId('db-name').textContent()).toBe('yishi');
    expect(await page.locator('[data-testid^="collection-"]').count()).toBe(12);
    await expect.poll(() => page.getByTestId('count-places').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('count-auditTrail').textContent()).toBe('1');
    await expect.poll(async () => (await page.getByTestId('storage-quota').textContent()) !== '—').toBe(true);
    await screenshot(page, 'shell-device-zh.png');

    await page.reload();
    // The passphrase stays for this session, the data stays in IndexedDB.
    await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('device-name').textContent()).toBe('小关街道办公室电脑');
    await expect.poll(() => page.getByTestId('home-place').textContent()).toBe('小关街道');
    await expect.poll(() => page.getByTestId('count-places').textContent()).toBe('1');
  });

  it('asks for the passphrase in a new session and refuses a wrong one', async () => {
    const profile = await openProfile('lock');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);
    await page.getByRole('heading', { name: /首次设置/ }).waitFor();
    // A new tab session has no passphrase in memory: clear it as closing the browser would.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.getByText('输入本机数据口令').waitFor();
    await page.getByTestId('passphrase').fill('not-the-right-one');
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByText('口令不正确，请重新输入').waitFor();
    await page.getByTestId('passphrase').fill('yishi-e2e-passphrase');
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByRole('heading', { name: /首次设置/ }).waitFor();
  });

  it('keeps only non-extractable keys, never the passphrase, in any storage', async () => {
    const profile = await openProfile('no-passphrase-stored');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);
    await page.getByRole('heading', { name: /首次设置/ }).waitFor();
    await page.reload();
    // Unlocked after a reload by the stored keys alone.
    await page.getByRole('heading', { name: /首次设置/ }).waitFor();
    const stored = await everythingStored(page);
    // The probe reads the stores it must (the key ring and the database are there).
    expect(stored).toContain('yishi-keys/rings:');
    expect(stored).toContain('"extractable":false');
    expect(stored).not.toContain('"extractable":true');
    expect(stored).toMatch(/rxdb-dexie-yishi/);
    expect(stored).not.toContain(PASSPHRASE);
  });
});
