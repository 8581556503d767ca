import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openProfile, screenshot } from './browser';
import { openApp, setupWithDemo } from './app';

async function step(page: Page, action: string, text?: string) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  if (text !== undefined) await page.getByTestId('step-text').fill(text);
  await page.getByTestId('step-submit').click();
}

async function expectStatus(page: Page, status: string) {
  await expect.poll(() => page.getByTestId('project-status').textContent()).toBe(status);
}

async function spend(page: Page, amount: string, note: string) {
  await page.getByTestId('spending-amount').fill(amount);
  await page.getByTestId('spending-note').fill(note);
  await page.getByTestId('spending-add').click();
}

/**
 * The demo street is generated from the clock, and which topics reach a community vote depends on
 * it (at 2026-12-06T02:40Z the parking topic below was not among them). The clock starts here, as
 * in the other demo-dependent tests, so the street is the same on every run.
 */
const T0 = '2026-12-06T01:55:00.000Z';

describe('micro-projects and the outcome archive', () => {
  it('takes a micro-project from proposal to acceptance within budget, then writes up a case', async () => {
    const { page, baseUrl } = await openProfile('projects');
    await page.clock.install({ time: new Date(T0) });
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '高原街社区议事厅电脑',
      kind: '议事厅电脑',
      home: '高原街社区',
      homeQuery: 'gyj',
    });

    // The demo street's projects and their balances per fund source and year.
    await page.getByRole('navigation').getByText('微实事与项目').click();
    await page.getByRole('heading', { name: '微实事与项目', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('project-card').count()).toBeGreaterThan(0);
    await page.getByTestId('fund-balances').waitFor();

    // 提出: a proposal with its fund source and budget (20,000 yuan).
    await page.getByRole('button', { name: '新建项目' }).click();
    await page.getByTestId('project-title').fill('华严北里3号楼楼道扶手加装');
    await page.getByTestId('project-description').fill('为3号楼各单元楼道加装不锈钢扶手，方便老人上下楼。');
    // The topic its approving vote was taken on: the vote picker offers only that topic's passed votes.
    await page.getByRole('dialog').getByRole('checkbox', { name: '高原街社区停车秩序管理' }).check();
    await page.getByTestId('project-budget').fill('20000');
    await page.getByRole('button', { name: '提出项目' }).click();
    await page.getByTestId('project-detail').waitFor();
    await expectStatus(page, '已提出');

    // Approval needs feasibility first, then a vote that passed in a meeting (the demo's records).
    await step(page, '完成可行性评估', '经现场踏勘，楼道宽度满足安装条件，费用经第三方测算。');
    await expectStatus(page, '已评估');
    await page.getByRole('button', { name: '登记表决通过', exact: true }).click();
    await expect.poll(() => page.getByTestId('vote-option').count()).toBe(1);
    await page.getByTestId('vote-option').filter({ hasText: '高原街社区停车秩序管理' }).click();
    await page.getByTestId('step-submit').click();
    await expectStatus(page, '已表决通过');
    // The approving meeting counts as the consultation before the works.
    await expect.poll(() => page.getByTestId('phase-before').textContent()).not.toContain('尚未登记');

    // Milestones before the works start.
    await step(page, '开始实施');
    await page.getByText(/开始实施需要: 实施节点/).waitFor();
    for (const [i, [title, due]] of (
      [
        ['材料采购', '2030-01-10'],
        ['安装施工', '2030-02-10'],
      ] as const
    ).entries()) {
      await page.getByTestId('milestone-title').fill(title);
      await page.getByTestId('milestone-due').fill(due);
      await page.getByRole('button', { name: '添加节点' }).click();
      // Each milestone is written before the next is typed (a slow machine must not merge them).
      await expect.poll(() => page.getByTestId('milestone').count()).toBe(i + 1);
    }
    await expect.poll(() => page.getByTestId('milestone').count()).toBe(2);
    await step(page, '开始实施');
    await expectStatus(page, '实施中');

    // Spending with a receipt photo; beyond the budget is refused with the figures.
    const receipt = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 160 } });
    await page
      .getByTestId('spending-receipts')
      .setInputFiles({ name: '发票.png', mimeType: 'image/png', buffer: receipt });
    await page.getByText('票据 1 张').waitFor();
    await spend(page, '15000', '扶手材料');
    await page.getByText('已登记支出 15,000.00 元').waitFor();
    await spend(page, '6000', '安装人工');
    await page
      .getByText(
        '超出预算，不能登记：预算 20,000.00 元，已支出 15,000.00 元，本次 6,000.00 元，将超出 1,000.00 元',
      )
      .waitFor();
    await spend(page, '5000', '安装人工');
    await page.getByText('已登记支出 5,000.00 元').waitFor();
    await expect.poll(() => page.getByTestId('spending-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('spending-row').first().textContent()).toContain('票据 1 张');
    await expect
      .poll(() => page.getByTestId('spending-summary').textContent())
      .toBe('预算 20,000.00 · 已支出 20,000.00 · 结余 0.00');

    for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: '标记完成' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: '标记完成' }).count()).toBe(0);
    await step(page, '完工', '扶手全部安装完毕，居民试用良好。');
    await expectStatus(page, '已完工');
    // No consultation during or after the works: acceptance asks why, and the record keeps it.
    await page.getByRole('button', { name: '验收通过', exact: true }).first().click();
    await page.getByTestId('step-text').fill('居民代表和楼门长参与验收，安装牢固。');
    await page.getByText('本项目没有登记项目中协商、项目后协商').waitFor();
    await page.getByTestId('step-submit').click();
    await page.getByText('验收前请说明原因').waitFor();
    await page.getByTestId('missing-consultation-reason').fill('工期仅三天，验收时已当场征求楼内居民意见');
    await page.getByTestId('step-submit').click();
    await expectStatus(page, '已验收');
    await expect
      .poll(() => page.getByTestId('missing-consultation-reason-shown').textContent())
      .toContain('工期仅三天，验收时已当场征求楼内居民意见');

    // 公示: composed from the record, printable on A4, then registered as posted.
    const notice = page.getByTestId('notice-preview');
    await expect
      .poll(() => notice.textContent())
      .toContain('预算 20,000.00 元，实际支出 20,000.00 元，结余 0.00 元（票据 1 张）');
    await expect.poll(() => notice.textContent()).toContain('验收合格。居民代表和楼门长参与验收');
    await page.getByTestId('notice-publish').click();
    await expectStatus(page, '已公示');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.yishi-print-sheet').isVisible()).toBe(true);
    // On paper only the notice: the app bar and the navigation are hidden.
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'projects.png');

    // 成果: a case generated from a settled topic's whole history, then edited and published.
    await page.getByRole('navigation').getByText('成果档案').click();
    await page.getByRole('heading', { name: '成果档案', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: '议题' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: '生成初稿' }).click();
    await page.getByTestId('case-editor').waitFor();
    const body = page.getByTestId('case-body');
    for (const heading of ['【问题】', '【协商】', '【办理】', '【督办】', '【成效】']) {
      await expect.poll(() => body.inputValue()).toContain(heading);
    }
    await expect.poll(() => body.inputValue()).toMatch(/居民陆续反映.+诉求 \d+ 件/);
    await expect.poll(() => body.inputValue()).toMatch(/召开.+应到 \d+ 人，实到 \d+ 人/);
    await expect.poll(() => body.inputValue()).toMatch(/回访居民 \d+ 人|尚未回访/);
    await expect.poll(() => body.inputValue()).toMatch(/办理任务 \d+ 项/);
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('草稿');
    await page.getByTestId('case-title').fill('一个扶手引出的议事故事');
    await body.fill(`${await body.inputValue()}\n【居民说】住在六层的王阿姨说：“现在上下楼心里踏实多了。”`);
    await page.getByTestId('case-save').click();
    await page.getByText('已保存').waitFor();
    await page.getByTestId('case-publish').click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('已发布');
    await expect
      .poll(() => page.getByTestId('case-preview').textContent())
      .toContain('现在上下楼心里踏实多了');

    // The edit is stored: after a reload the archive lists it.
    await page.reload();
    await openApp(page, baseUrl, '/archive/xg.gyj');
    await page.getByRole('heading', { name: '成果档案', level: 1 }).waitFor();
    await page.getByText('一个扶手引出的议事故事').first().click();
    await expect.poll(() => page.getByTestId('case-body').inputValue()).toContain('王阿姨');
    await screenshot(page, 'archive-case.png');
  });
});
