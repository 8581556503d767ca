// A hall with no line syncs by USB stick (issue 19, M13): two browser profiles, the hall device A
// cut off from the network for the whole exchange. A records a demand offline and exports a sync
// bundle; the street-office device B (online) uploads it to the hub and downloads the return
// bundle; A imports it and holds what B recorded meanwhile; B sees A's demand after its next
// sync. A tampered bundle is refused in Chinese both ways, and a replayed one changes nothing.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HubProcess } from '../integration/sync-support/processes';
import { enrolledDevice, startSeededHub } from './hub';
import { screenshot } from './browser';

const run = promisify(execFile);
let hub: HubProcess;
const folder = mkdtempSync(join(tmpdir(), 'yishi-e2e-bundles-'));

beforeAll(async () => {
  hub = await startSeededHub();
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
});

async function recordDemand(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: '诉求登记' }).click();
  await page.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
  await page.getByTestId('intake-place').click();
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

/** The ledger of 高原街2号院 lists a title (reached by the hash: no page load, works offline). */
async function ledgerShows(page: Page, title: string): Promise<boolean> {
  await page.evaluate(() => (location.hash = '#/demands/xg.gyj.gyj2'));
  await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
  await expect.poll(() => page.getByTestId('ledger-total').textContent()).toMatch(/^共 \d+ 条$/);
  return (await page.getByTestId('ledger-row').filter({ hasText: title }).count()) > 0;
}

async function devicePage(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('设备与数据').click();
  await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
}

async function downloadBy(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(folder, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

async function chooseFor(page: Page, button: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(path);
}

describe('a hall with no line syncs by sync bundles', () => {
  it(
    'exports, imports at the street office, brings back what others recorded, and refuses forgeries',
    { timeout: 600_000 },
    async () => {
      const hallA = await enrolledDevice(hub, '高原街社区议事厅电脑', 'xg.gyj');
      const streetB = await enrolledDevice(hub, '街道办公室电脑', 'xg', 'street-staff');
      const stamp = Date.now().toString(36);
      const titleA = `楼道堆物影响消防通道-议事厅离线登记-${stamp}`;
      const titleB = `楼道堆物堵住单元门-街道登记-${stamp}`;

      // The screens the hall will use are loaded; then it loses its line for good and keeps working.
      await ledgerShows(hallA, titleA);
      await hallA.getByRole('button', { name: '诉求登记' }).click();
      await hallA.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
      await hallA.context().setOffline(true);
      await expect
        .poll(() => hallA.getByTestId('sync-state').textContent(), { timeout: 30_000 })
        .toBe('离线');
      await recordDemand(hallA, `${titleA}。请物业尽快清理。`);
      // Meanwhile the street office records a demand of the same courtyard online.
      await recordDemand(streetB, `${titleB}。请物业尽快清理。`);
      await expect
        .poll(() => streetB.getByTestId('sync-state').textContent(), { timeout: 30_000 })
        .toBe('已同步');

      // 导出同步包 on the hall device.
      await devicePage(hallA);
      await expect
        .poll(() => hallA.getByTestId('bundle-pending').textContent())
        .toMatch(/本机待上传 [1-9]\d* 条更改/);
      await screenshot(hallA, 'bundles-hall-card.png');
      const deviceFile = await downloadBy(hallA, '导出同步包');
      await expect
        .poll(() => hallA.getByTestId('hall-bundle-message').textContent())
        .toContain('已导出同步包');
      expect(readFileSync(deviceFile, 'utf8')).toContain(titleA);

      // A stick altered on the way is refused at the street office, in Chinese, writing nothing.
      const forged = join(folder, 'forged-device.json');
      writeFileSync(forged, readFileSync(deviceFile, 'utf8').replace(titleA, `${titleA}（被改过）`));
      await devicePage(streetB);
      await chooseFor(streetB, '上传同步包', forged);
      await expect
        .poll(() => streetB.getByTestId('street-bundle-error').textContent())
        .toContain('同步包校验失败');

      // The genuine bundle: imported under the rules of a push, the return bundle downloaded.
      await chooseFor(streetB, '上传同步包', deviceFile);
      await expect
        .poll(() => streetB.getByTestId('street-bundle-report').textContent())
        .toMatch(/已导入设备“/);
      await screenshot(streetB, 'bundles-street-card.png');
      const returnFile = await downloadBy(streetB, '下载回传包');
      expect(readFileSync(returnFile, 'utf8')).toContain(titleB);

      // B sees A's demand after its next sync.
      await streetB.getByRole('button', { name: '立即同步' }).click();
      await expect.poll(() => ledgerShows(streetB, titleA), { timeout: 30_000, interval: 1_000 }).toBe(true);

      // A tampered return bundle is refused on the hall device and changes nothing.
      const forgedReturn = join(folder, 'forged-return.json');
      writeFileSync(forgedReturn, readFileSync(returnFile, 'utf8').replace(titleB, `${titleB}（被改过）`));
      await devicePage(hallA);
      await chooseFor(hallA, '导入同步包', forgedReturn);
      await expect
        .poll(() => hallA.getByTestId('hall-bundle-message').textContent())
        .toContain('回传包校验失败');
      expect(await ledgerShows(hallA, titleB)).toBe(false);

      // The genuine return bundle: A, still offline, now holds B's demand and has nothing waiting.
      await devicePage(hallA);
      await chooseFor(hallA, '导入同步包', returnFile);
      await expect
        .poll(() => hallA.getByTestId('hall-bundle-message').textContent(), { timeout: 60_000 })
        .toMatch(
          /已导入回传包：服务器接受本机更改 [1-9]\d* 条，冲突 0 条，拒绝 0 条；收到新数据 [1-9]\d* 条/,
        );
      await screenshot(hallA, 'bundles-hall-imported.png');
      // Nothing exported is left waiting (only the import's own audit entry is new since).
      expect(await hallA.getByTestId('hall-bundle-message').textContent()).not.toContain('要等联网');
      await expect.poll(() => hallA.getByTestId('bundle-pending').textContent()).toBe('本机待上传 1 条更改');
      expect(await ledgerShows(hallA, titleB)).toBe(true);
      expect(await ledgerShows(hallA, titleA)).toBe(true);
      const countA = async () =>
        Number((await hallA.getByTestId('ledger-total').textContent())?.replace(/\D/g, ''));
      const before = await countA();

      // The same return bundle again: nothing changes.
      await devicePage(hallA);
      await chooseFor(hallA, '导入同步包', returnFile);
      await expect
        .poll(() => hallA.getByTestId('hall-bundle-message').textContent())
        .toContain('这次没有任何改变');

      // The same device bundle again, this time through the hub's CLI: a replay, nothing written;
      // its fresh return bundle taken in by A changes nothing either.
      const replayOut = join(folder, 'replay-return.json');
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          'hub/src/cli.ts',
          'import-bundle',
          deviceFile,
          '--out',
          replayOut,
          '--data',
          hub.dataDir,
          '--hub',
          hub.url,
        ],
        { cwd: process.cwd() },
      );
      expect(stdout).toContain('导入过，这次没有再写入任何数据');
      await chooseFor(hallA, '导入同步包', replayOut);
      await expect
        .poll(() => hallA.getByTestId('hall-bundle-message').textContent(), { timeout: 60_000 })
        .toContain('已导入回传包');
      expect(await hallA.getByTestId('hall-bundle-message').textContent()).not.toContain('要等联网');
      expect(await ledgerShows(hallA, titleB)).toBe(true);
      expect(await countA()).toBe(before);

      // The street office uploading the same bundle: told it is a replay.
      await devicePage(streetB);
      await chooseFor(streetB, '上传同步包', deviceFile);
      await expect.poll(() => streetB.getByTestId('street-bundle-report').textContent()).toContain('导入过');

      // Once the hall device is revoked, its bundles are refused.
      await hub.revoke((JSON.parse(readFileSync(deviceFile, 'utf8')) as { deviceId: string }).deviceId);
      await chooseFor(streetB, '上传同步包', deviceFile);
      await expect
        .poll(() => streetB.getByTestId('street-bundle-error').textContent())
        .toMatch(/已于 .*停用，拒绝导入/);
      await screenshot(streetB, 'bundles-street-refused.png');
    },
  );
});
