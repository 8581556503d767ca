// 备份本机数据 → 从备份恢复 (issue 17, point 9, M14): a community worker's laptop, enrolled and
// synced, records a demand while offline and is backed up; a fresh browser profile restores the
// file (a wrong passphrase first: refused in Chinese, nothing written), shows the same documents,
// and once the street office has revoked the old registration and enrolled the restored device,
// the demand that never reached the hub arrives there. A revoked device exports what it never
// pushed before wiping, and the street office's administrator takes it in with the hub CLI.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { HubProcess } from '../integration/sync-support/processes';
import { enrolledDevice, startSeededHub } from './hub';
import { openProfile, screenshot } from './browser';
import { openApp } from './app';

const run = promisify(execFile);
let hub: HubProcess;
const folder = mkdtempSync(join(tmpdir(), 'yishi-e2e-backup-'));
const BACKUP_PASSPHRASE = '和平里备份-2026';

beforeAll(async () => {
  hub = await startSeededHub();
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
});

async function devicePage(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('设备与数据').click();
  await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
}

async function counts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of COLLECTION_NAMES) {
    await expect.poll(() => page.getByTestId(`count-${name}`).textContent()).toMatch(/^[\d,]+$/);
    out[name] = Number((await page.getByTestId(`count-${name}`).textContent())?.replace(/\D/g, ''));
  }
  return out;
}

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

async function ledgerShows(page: Page, title: string): Promise<boolean> {
  await page.evaluate(() => (location.hash = '#/demands/xg.gyj.gyj2'));
  await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
  await expect.poll(() => page.getByTestId('ledger-total').textContent()).toMatch(/^共 \d+ 条$/);
  return (await page.getByTestId('ledger-row').filter({ hasText: title }).count()) > 0;
}

describe('a device backup', () => {
  it(
    'restored on a fresh profile shows the same documents, and its unsynced changes reach the hub',
    { timeout: 900_000 },
    async () => {
      const old = await enrolledDevice(hub, '高原街社区工作站', 'xg.gyj');
      const title = `二号院楼道灯坏了-离线登记-${Date.now().toString(36)}`;
      await ledgerShows(old, title);
      await old.context().setOffline(true);
      await expect.poll(() => old.getByTestId('sync-state').textContent(), { timeout: 30_000 }).toBe('离线');
      await recordDemand(old, `${title}。请物业维修。`);

      // 备份本机数据: the passphrase twice; a mismatch keeps the button held.
      await devicePage(old);
      await old.getByRole('button', { name: '备份本机数据' }).click();
      const dialog = old.getByTestId('backup-dialog');
      await dialog.getByLabel('备份口令', { exact: true }).fill(BACKUP_PASSPHRASE);
      await dialog.getByLabel('再次输入备份口令').fill(`${BACKUP_PASSPHRASE}x`);
      await expect.poll(() => dialog.textContent()).toContain('两次输入的口令不一致');
      await dialog.getByLabel('再次输入备份口令').fill(BACKUP_PASSPHRASE);
      const [download] = await Promise.all([
        old.waitForEvent('download'),
        dialog.getByRole('button', { name: '加密并保存' }).click(),
      ]);
      const file = join(folder, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/^议事本机备份-高原街社区工作站-\d{8}-\d{4}\.yishibak$/);
      await expect
        .poll(() => old.getByTestId('backup-message').textContent())
        .toMatch(/已备份 [\d]+ 条记录（其中 [1-9]\d* 条尚未同步/);
      await old.getByRole('heading', { name: '本机备份' }).scrollIntoViewIfNeeded();
      await screenshot(old, 'device-backup-card.png');
      const before = await counts(old);
      const text = readFileSync(file, 'utf8');
      // Sealed: neither the new demand nor any resident's phone is readable in the file. The
      // header's hex digests may hold eleven digits in a row by chance, so phones are looked for
      // in the header without them, and the sealed part must be ciphertext, not encoded JSON.
      const { sealed, ...header } = JSON.parse(text) as {
        sealed: string;
        manifest: Record<string, { sha256: string }>;
        device: { hub: { deviceId: string } };
      };
      const headerText = JSON.stringify(header).replace(/"[0-9a-f]{64}"/g, '""');
      expect(headerText).not.toContain(title);
      expect(headerText).not.toMatch(/1[3-9]\d{9}/);
      expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
      const opened = Buffer.from(sealed, 'base64').toString('utf8');
      expect(opened).not.toContain(title);
      expect(opened).not.toContain('"phone"');
      await old.context().close();

      // A fresh profile: 从备份恢复 on the setup screen.
      const { page: fresh, baseUrl } = await openProfile('restored');
      await openApp(fresh, baseUrl);
      const [chooser] = await Promise.all([
        fresh.waitForEvent('filechooser'),
        fresh.getByRole('button', { name: '选择备份文件' }).click(),
      ]);
      await chooser.setFiles(file);
      await expect
        .poll(() => fresh.getByTestId('restore-file-info').textContent())
        .toContain('“高原街社区工作站”于');
      await fresh.getByLabel('备份口令').fill('不是这个口令-2026');
      await fresh.getByRole('button', { name: '校验并恢复' }).click();
      await expect
        .poll(() => fresh.getByTestId('restore-error').textContent())
        .toContain('口令不对，没有恢复任何数据');
      await screenshot(fresh, 'device-backup-restore-refused.png');
      await fresh.getByLabel('备份口令').fill(BACKUP_PASSPHRASE);
      await fresh.getByRole('button', { name: '校验并恢复' }).click();
      await fresh.locator('main').waitFor({ timeout: 120_000 });

      // The same documents (and the restore's own audit entry).
      await devicePage(fresh);
      expect(await fresh.getByTestId('device-name').textContent()).toBe('高原街社区工作站');
      const after = await counts(fresh);
      expect(after).toEqual({ ...before, auditTrail: before['auditTrail']! + 1 });
      expect(await ledgerShows(fresh, title)).toBe(true);

      // The street office revokes the lost laptop and enrolls the restored one.
      await hub.revoke(header.device.hub.deviceId);
      const code = await hub.enrollCode('xg.gyj', 'community-worker', '高原街社区工作站（恢复）');
      await devicePage(fresh);
      await fresh.getByTestId('hub-url').fill(hub.url);
      await fresh.getByTestId('hub-code').fill(code);
      await fresh.getByRole('button', { name: '连接街道服务器' }).click();
      await fresh.getByTestId('hub-enrolled').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => fresh.getByTestId('sync-state').textContent(), { timeout: 240_000, interval: 1_000 })
        .toBe('已同步');

      // The demand recorded offline before the backup is on the hub now.
      await expect
        .poll(
          async () => {
            const { demands } = await hub.pullAll('xg.gyj', ['demands']);
            return (demands ?? []).some((d) => JSON.stringify(d).includes(title));
          },
          { timeout: 120_000, interval: 2_000 },
        )
        .toBe(true);
    },
  );

  it(
    'of a revoked device: its unsynced changes go to the street office before it wipes, not lost',
    { timeout: 600_000 },
    async () => {
      const name = '高原街入户走访笔记本';
      const laptop = await enrolledDevice(hub, name, 'xg.gyj');
      const title = `五号楼楼道灯坏了-停用前登记-${Date.now().toString(36)}`;
      await ledgerShows(laptop, title);
      await laptop.context().setOffline(true);
      await expect
        .poll(() => laptop.getByTestId('sync-state').textContent(), { timeout: 30_000 })
        .toBe('离线');
      await recordDemand(laptop, `${title}。请物业维修。`);

      // The street office revokes it while it is away; back online, the hub says so.
      const hubCli = (...args: string[]) =>
        run(process.execPath, [
          '--import',
          'tsx',
          'hub/src/cli.ts',
          ...args,
          '--data',
          hub.dataDir,
          '--hub',
          hub.url,
        ]);
      const { stdout } = await hubCli('devices', '--json');
      const listed = JSON.parse(stdout) as
        { devices: { deviceId: string; name: string }[] } | { deviceId: string; name: string }[];
      const devices = Array.isArray(listed) ? listed : listed.devices;
      const id = devices.find((d) => d.name === name)?.deviceId;
      expect(id).toBeTruthy();
      await hub.revoke(id!);
      await laptop.context().setOffline(false);
      const dialog = laptop.getByRole('dialog', { name: '本机已被街道停用' });
      await dialog.waitFor({ timeout: 90_000 });
      await expect
        .poll(() => dialog.getByTestId('revoked-unsynced').textContent())
        .toMatch(/本机还有 [1-9]\d* 条修改/);
      await screenshot(laptop, 'device-revoked-export.png');
      const [download] = await Promise.all([
        laptop.waitForEvent('download'),
        dialog.getByRole('button', { name: '导出未同步的修改' }).click(),
      ]);
      const file = join(folder, download.suggestedFilename());
      await download.saveAs(file);
      await expect
        .poll(() => dialog.getByTestId('revoked-export-message').textContent())
        .toContain('请交给街道办');

      // Without the administrator's confirmation the hub refuses it; with it, the demand arrives.
      await expect(hubCli('import-bundle', file)).rejects.toThrow(/停用，拒绝导入/);
      const taken = await hubCli('import-bundle', file, '--from-revoked');
      expect(taken.stdout).toMatch(
        /已导入已停用设备“.+”（.+）的未同步修改 .+：更改 [1-9]\d* 条，写入 [1-9]\d* 条，冲突 0 条，拒收 0 条/,
      );
      const { demands } = await hub.pullAll('xg.gyj', ['demands']);
      expect((demands ?? []).some((d) => JSON.stringify(d).includes(title))).toBe(true);

      // Then the device wipes and starts again from first-run setup.
      await dialog.getByRole('button', { name: '清除本机数据' }).click();
      await laptop
        .getByTestId('device-name-input')
        .or(laptop.getByTestId('passphrase'))
        .first()
        .waitFor({ timeout: 60_000 });
    },
  );
});
