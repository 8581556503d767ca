import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

const SAMPLE = join(process.cwd(), 'resources', 'samples', '12345-sample.xlsx');

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

const go = (page: Page, route: string) =>
  page.evaluate((r) => {
    window.location.hash = r;
  }, route);

/** The sample's work orders give every courtyard open demands to group. */
async function importSample(page: Page) {
  await go(page, '/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择工单文件' }).click();
  await (await chooser).setFiles(SAMPLE);
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 90_000 });
}

async function mergeInto(page: Page, count: number, title: string, track: RegExp) {
  const checks = page.getByTestId('demand-check');
  for (let i = 0; i < count; i += 1) await checks.nth(i).check();
  await page.getByRole('button', { name: `合并为新议题（${count} 件）` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('议题名称').fill(title);
  await dialog.getByLabel(track).check();
  await expect
    .poll(() => dialog.getByTestId('deadline-preview').textContent())
    .toMatch(/期限为 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await dialog.getByRole('button', { name: '建立议题' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const titles = (page: Page) => page.getByTestId('topic-title').allTextContents();

describe('topics: from one demand to a class', () => {
  it('merges three demands into a topic, orders it, and escalates it to the community list', async () => {
    profile = await openProfile('topics');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });
    await importSample(page);

    await go(page, '/topics/xg.hxbl.hxbl1');
    await page.getByRole('heading', { name: '楼院议题顺序' }).waitFor();
    await page.getByTestId('candidate-class').first().waitFor();
    const before = await page.getByTestId('demand-check').count();
    expect(before).toBeGreaterThanOrEqual(5);
    // The demo street may already hold a topic of this courtyard; ours come after it.
    const existing = (await titles(page)).length;

    await mergeInto(page, 3, '楼道与单元门安全', /深入议/);
    await expect.poll(() => titles(page)).toContain('楼道与单元门安全');
    await expect.poll(async () => (await titles(page)).length).toBe(existing + 1);
    await expect.poll(() => page.getByTestId('demand-check').count()).toBe(before - 3);
    await expect
      .poll(() => page.getByTestId('topic-row').filter({ hasText: '楼道与单元门安全' }).textContent())
      .toContain('3 件诉求');

    await mergeInto(page, 2, '院内停车与充电', /即时议/);
    await expect.poll(async () => (await titles(page)).length).toBe(existing + 2);
    // Order by hand: whichever is second moves up.
    const order = await titles(page);
    await page.getByTestId('topic-row').nth(1).getByRole('button', { name: '上移' }).click();
    await expect.poll(() => titles(page)).toEqual([order[1], order[0], ...order.slice(2)]);

    // Escalate the three-demand topic to its community; the courtyard keeps it as 已上报.
    const row = page.getByTestId('topic-row').filter({ hasText: '楼道与单元门安全' });
    await row.getByRole('button', { name: '详情' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '上报社区' }).click();
    await dialog.getByLabel('上报理由').fill('涉及产权单位，院内协商无法解决');
    await dialog.getByRole('button', { name: '确认上报' }).click();

    await page.getByRole('heading', { name: '社区议题清单' }).waitFor();
    const escalated = page.getByTestId('topic-row').filter({ hasText: '楼道与单元门安全' });
    await escalated.getByText('来自 惠新北里1号院').waitFor();
    await escalated.getByText('3 件诉求').waitFor();
    await screenshot(page, 'topics-list.png');

    await go(page, '/topics/xg.hxbl.hxbl1');
    await page.getByRole('heading', { name: '楼院议题顺序' }).waitFor();
    await page.getByTestId('topic-row').filter({ hasText: '楼道与单元门安全' }).getByText('已上报').waitFor();
  });
});
