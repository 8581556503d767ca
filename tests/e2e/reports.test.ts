import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

/** The whole page in one viewport, so the fixed app bar stays on top of the picture. */
async function fullScreenshot(page: Profile['page'], file: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1360, height });
  await screenshot(page, file);
  await page.setViewportSize({ width: 1360, height: 900 });
}

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

const COMMUNITY = '高原街社区';

describe('reports (报表)', () => {
  it('shows street and community dashboards that drill down, and a monthly report exported and printable', async () => {
    profile = await openProfile('reports');
    const { page, baseUrl } = profile;
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '小关街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });

    // The street dashboard.
    await page.getByRole('button', { name: '统计报表' }).click();
    await page.getByRole('heading', { name: '统计报表', level: 1 }).waitFor();
    const received = page.getByTestId('headline-received');
    await received.waitFor({ timeout: 60_000 });
    const streetReceived = Number(await received.textContent());
    expect(streetReceived).toBeGreaterThan(400);
    // Ten communities side by side (after the records placed on the street itself), then the total.
    const rateRows = page.getByTestId('table-rates').locator('tbody tr');
    const firstCells = page.getByTestId('table-rates').locator('tbody tr td:first-child');
    await expect.poll(() => firstCells.filter({ hasText: /社区$/ }).count()).toBe(10);
    await expect(rateRows.last().locator('td').nth(1).textContent()).resolves.toBe(String(streetReceived));
    await page.locator('.MuiBarElement-root, [class*="MuiBarChart"] rect').first().waitFor();

    // A number opens its records.
    await received.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading').textContent()).resolves.toContain(
      `受理诉求：${streetReceived} 条记录`,
    );
    await dialog.getByTestId('drill-row').first().waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const communityRow = rateRows.filter({ hasText: COMMUNITY });
    const communityReceived = Number(await communityRow.locator('td').nth(1).textContent());
    const communityResolved = await communityRow.locator('td').nth(4).textContent();
    await communityRow.locator('td').nth(4).getByRole('button').click();
    await expect(dialog.getByRole('heading').textContent()).resolves.toContain(`${communityResolved} 条记录`);
    await expect.poll(() => dialog.getByTestId('drill-row').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await fullScreenshot(page, 'dashboard-street.png');

    // The community's own dashboard, chosen with the place picker, agrees with the street's row.
    await page.getByRole('combobox', { name: '地点' }).click();
    await page.getByRole('option', { name: COMMUNITY }).click();
    await expect.poll(() => page.url()).toContain('/reports/xg.gyj');
    await expect
      .poll(async () => Number(await received.textContent()), { timeout: 60_000 })
      .toBe(communityReceived);
    await expect.poll(() => rateRows.filter({ hasText: '高原街' }).count()).toBeGreaterThan(1);
    await expect(page.getByRole('heading', { name: /各院落三率对比/ }).count()).resolves.toBe(1);
    await fullScreenshot(page, 'dashboard-community.png');

    // The monthly report of the street: printable in Chinese, exported to Excel.
    await page.getByRole('combobox', { name: '地点' }).click();
    await page.getByRole('option', { name: '小关街道' }).click();
    await page.getByRole('tab', { name: '月度报表' }).click();
    const documentBox = page.getByTestId('report-document');
    await documentBox.waitFor({ timeout: 60_000 });
    const title = (await documentBox.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title).toMatch(/^小关街道\d{4}年\d{1,2}月议事协商工作月报$/);
    for (const heading of ['一、总体情况', '二、三率情况', '四、议事会召开与参与', '六、微实事与资金使用'])
      await documentBox.getByRole('heading', { name: heading }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${title}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.getWorksheet('报表');
    expect(sheet?.getCell('A1').value).toBe(title);
    const monthReceived = Number(await page.getByTestId('cell-summary-0-1').textContent());
    let found: unknown;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === '受理诉求') found = row.getCell(2).value;
    });
    expect(found).toBe(monthReceived);
    await fullScreenshot(page, 'report-monthly.png');

    // On paper only the report shows: the app frame and the controls are hidden.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByTestId('report-export').isVisible()).toBe(false);
    expect(await documentBox.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
