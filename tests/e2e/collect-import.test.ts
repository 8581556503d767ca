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

async function importSample(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择工单文件' }).click();
  await (await chooser).setFiles(SAMPLE);
  await page.getByRole('heading', { name: '第一步：核对列的对应关系' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('import-preview').getByText('可以导入').first().waitFor();
  await page.getByRole('button', { name: '开始导入' }).click();
  await page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 90_000 });
}

const count = (page: Page, id: string) => page.getByTestId(id).textContent();

describe('12345 work-order import', () => {
  it('imports the sample workbook, explains the refused rows, and changes nothing the second time', async () => {
    profile = await openProfile('collect-import');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });
    await page.evaluate(() => {
      window.location.hash = '/import';
    });
    await page.getByRole('heading', { name: '12345 工单导入', level: 1 }).waitFor();

    await importSample(page);
    expect(await count(page, 'summary-created')).toBe('500');
    // Two orders re-exported later in the file: the later row wins.
    expect(await count(page, 'summary-updated')).toBe('2');
    expect(await count(page, 'summary-refused')).toBe('18');
    const refused = page.getByTestId('refused-rows');
    await refused.getByText('缺少工单编号').first().waitFor();
    await refused.getByText(/未知社区“和平里社区”/).waitFor();
    await refused.getByText('联系电话“1370000”不是有效的电话号码').waitFor();
    await screenshot(page, 'import-summary.png');

    await page.getByRole('button', { name: '继续导入其他文件' }).click();
    await importSample(page);
    expect(await count(page, 'summary-created')).toBe('0');
    expect(await count(page, 'summary-updated')).toBe('0');
    expect(await count(page, 'summary-unchanged')).toBe('502');
    expect(await count(page, 'summary-refused')).toBe('18');
  });
});
