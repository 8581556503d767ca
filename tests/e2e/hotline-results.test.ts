// A 12345 export with the city's handling results and classes, imported by a street office as a
// person would: an unknown class is assigned before import, the ledger's export asks first and is
// masked, no cell of it can start a formula, and the reports reach back to the export's month.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startsLikeFormula } from '#shared/domain/export/index';
import { ARTIFACTS, openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

const HEADERS = [
  '工单编号',
  '受理时间',
  '派单时间',
  '诉求类型',
  '一级分类',
  '二级分类',
  '三级分类',
  '诉求内容',
  '所属社区',
  '地址',
  '来电人',
  '联系电话',
  '紧急程度',
  '办理时限',
  '承办单位',
  '办结时间',
  '办理结果',
  '是否解决',
  '回访结果',
  '响应情况',
];

/** October 2025: more than twelve months before the session, so only "any month with data" reaches it. */
function row(
  n: number,
  classes: string,
  text: string,
  name: string,
  callback: string,
  closed = true,
): string[] {
  const day = String(n + 1).padStart(2, '0');
  const [c1 = '', c2 = '', c3 = ''] = classes.split('/');
  return [
    `E2E2025100${n}`,
    `2025-10-${day} 09:00`,
    `2025-10-${day} 09:30`,
    '投诉',
    c1,
    c2,
    c3,
    text,
    '高原街社区',
    `高原街2号院${n}号楼1单元10${n}`,
    name,
    `1380000000${n}`,
    '一般',
    '5',
    '小关街道办事处',
    closed ? `2025-10-${String(n + 4).padStart(2, '0')} 16:00` : '',
    closed ? '已派物业处理' : '',
    closed ? (callback === '不满意' ? '否' : '是') : '',
    closed ? callback : '',
    '及时响应',
  ];
}

async function fixture(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单明细');
  sheet.addRow(HEADERS);
  sheet.addRow(row(1, '城乡建设/房屋管理/电梯维修', '老人上下楼不方便，电梯坏了一周', '王秀英', '满意'));
  sheet.addRow(row(2, '城乡建设/房屋管理/楼内线路老化', '楼道里晚上常跳闸', '李建国', '不满意'));
  // What a hostile cell looks like: a formula in the content and a name starting with @.
  sheet.addRow(
    row(3, '城乡建设/房屋管理/电梯维修', '=HYPERLINK("http://example.com","点我")', '@张三', '未联系上'),
  );
  sheet.addRow(row(4, '城市管理/噪声扰民/施工噪声', '夜间施工噪声扰民', '赵敏', '', false));
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'hotline-results-export.xlsx');
  await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

const go = (page: Page, route: string) =>
  page.evaluate((r) => {
    window.location.hash = r;
  }, route);

describe('12345 handling results, classes and safe exports', () => {
  it('imports with the class table, exports masked without formulas, reports the old month', async () => {
    const file = await fixture();
    profile = await openProfile('hotline-results');
    const { page, baseUrl } = profile;
    await page.setViewportSize({ width: 1360, height: 900 });
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });

    await go(page, '/import');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择工单文件' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('heading', { name: '第二步：核对分类' }).waitFor({ timeout: 60_000 });
    // The one class the table lacks waits for a person; the import cannot start before.
    const unknown = page.getByRole('table', { name: '没有对应类别的 12345 分类' });
    await unknown.getByRole('cell', { name: '城市管理/噪声扰民/施工噪声', exact: true }).waitFor();
    await unknown.getByText('推测：邻里纠纷').waitFor();
    expect(await page.getByRole('button', { name: '开始导入' }).isDisabled()).toBe(true);
    await page.getByText('还有 1 个分类没有选择类别。').waitFor();
    await page.getByTestId('import-preview').getByText('推测：邻里纠纷').waitFor();
    await screenshot(page, 'import-classes.png');

    await page.getByRole('combobox', { name: '“城市管理/噪声扰民/施工噪声”的类别' }).click();
    await page.getByRole('option', { name: '邻里纠纷' }).click();
    await page.getByText('1 个新分类都已选择类别，导入时会记住。').waitFor();
    await page.getByTestId('import-preview').getByText('已办结 · 不满意').waitFor();
    await screenshot(page, 'import-classes-assigned.png');
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('summary-created').textContent()).toBe('4');

    // The ledger of the courtyard: the export asks first and is masked by default.
    await go(page, '/demands/xg.gyj.gyj2');
    await page.getByText('老人上下楼不方便，电梯坏了一周').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const asked = page.getByRole('dialog', { name: '导出含居民个人信息' });
    expect(await asked.getByRole('radio', { name: /脱敏导出/ }).isChecked()).toBe(true);
    expect(await asked.getByRole('radio', { name: /完整导出/ }).isDisabled()).toBe(false);
    await screenshot(page, 'export-ask.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      asked.getByRole('button', { name: '导出', exact: true }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          if (typeof c.value === 'object' && c.value !== null && 'formula' in c.value)
            throw new Error(`formula in ${c.address}`);
          cells.push(typeof c.value === 'string' ? c.value : String(c.value ?? ''));
        }),
      );
    expect(cells.filter((text) => startsLikeFormula(text))).toEqual([]);
    expect(cells).toContain('\'=HYPERLINK("http://example.com","点我")');
    expect(cells).toContain('138****0001');
    expect(cells.some((c) => c.includes('13800000001'))).toBe(false);
    await page.getByText(/已导出 \d+ 条（个人信息已脱敏）/).waitFor();

    // The monthly report of October 2025, more than a year back, counts the city's results.
    await go(page, '/reports/xg?view=monthly&period=last12&month=2025-10');
    const documentBox = page.getByTestId('report-document');
    await documentBox.waitFor({ timeout: 60_000 });
    expect(await documentBox.getByRole('heading', { level: 1 }).textContent()).toMatch(/2025年10月/);
    await page.getByTestId('report-month').waitFor({ state: 'attached' });
    expect(await page.getByTestId('report-month').inputValue()).toBe('2025-10');
    await screenshot(page, 'report-2025-10.png');

    // The dashboard explains its rates on hover.
    await go(page, '/reports/xg?view=dashboard&period=last12');
    await page.getByTestId('definition-satisfactionRate').hover();
    await page
      .getByRole('tooltip')
      .getByText(/÷（满意 \+ 基本满意 \+ 不满意 \+ 未联系上）/)
      .waitFor();
    await page
      .getByRole('tooltip')
      .getByText(/不满意（本期 \d+ 件）和未联系上（本期 \d+ 件）都计入分母/)
      .waitFor();
    await screenshot(page, 'report-definitions.png');
  });
});
