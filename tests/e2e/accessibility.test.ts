import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openProfile, screenshot } from './browser';
import { PASSPHRASE, setupWithDemo } from './app';

// Evaluated through the debugging protocol: the app's CSP (script-src 'self') refuses a script tag.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every screen of the navigation, by its label and its first heading. */
const SCREENS: readonly (readonly [nav: string, heading: RegExp])[] = [
  ['总览', /总览$/],
  ['诉求登记', /^诉求登记$/],
  ['需求台账', /^需求台账$/],
  ['12345 工单导入', /12345/],
  ['议题', /^议题$/],
  ['议事会', /^议事会$/],
  ['办理任务', /^办理任务$/],
  ['督办', /^督办$/],
  ['回访与三率', /^回访与三率$/],
  ['未诉先办', /^未诉先办$/],
  ['统计报表', /报表|统计/],
  ['微实事与项目', /微实事/],
  ['成果档案', /成果档案|案例/],
  ['同步与冲突', /同步/],
  ['设备与数据', /设备与数据/],
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations of what the page shows now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: Violation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}

/** Scope codes (xg, xg.gyj.hxnl5 …) in the text the page shows. */
const scopeCodes = (page: Page) =>
  page.evaluate(() => [
    ...new Set(
      document.body.innerText.match(/(?<![\w./-])xg(?:\.[a-z0-9]+)+(?![\w./-])|[（(]xg[）)]/g) ?? [],
    ),
  ]);

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on first run or on any main screen', async () => {
    const { page, baseUrl } = await openProfile('accessibility');
    const uncaught: Error[] = [];
    page.on('pageerror', (error) => uncaught.push(error));
    const report: Record<string, Violation[]> = {};
    const codes: Record<string, string[]> = {};

    // First run in browser mode: the passphrase gate, then the setup page.
    await page.goto(`${baseUrl}#/`);
    await page.getByTestId('passphrase').waitFor();
    // The rules and the warning are there before the first try.
    expect(await page.getByTestId('passphrase-rules').textContent()).toContain(
      '至少 8 个字符（已输入 0 个）',
    );
    expect(await page.getByTestId('passphrase-warning').textContent()).toContain('口令忘记后无法找回');
    await screenshot(page, 'passphrase-first-run.png');
    report['口令'] = await seriousViolations(page);
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase-repeat').fill(PASSPHRASE);
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByTestId('device-name-input').waitFor();
    report['首次设置'] = await seriousViolations(page);

    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });
    const nav = page.getByRole('navigation');
    for (const [label, heading] of SCREENS) {
      await nav.getByRole('button', { name: label, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 60_000 });
      // Lists and figures arrive from the database after the heading: let them settle.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1_000);
      report[label] = await seriousViolations(page);
      if (report[label].length > 0) await screenshot(page, `axe-${label}.png`);
      codes[label] = await scopeCodes(page);
      if (label === '议题') {
        // A disabled button says why, and is described by it.
        const merge = page.getByRole('button', { name: /合并为新议题/ });
        expect(await merge.isDisabled()).toBe(true);
        const why = await merge.getAttribute('aria-describedby');
        expect(await page.locator(`[id="${why}"]`).textContent()).toBe(
          '先在下方“待议诉求”中勾选要合并的诉求',
        );
      }
      if (label === '需求台账') {
        // The demand drawer: its title and 关闭 sit below the app bar, and it passes axe too.
        await page.getByTestId('ledger-row').first().click();
        const drawer = page.getByTestId('demand-drawer');
        await drawer.waitFor();
        await page.waitForTimeout(500); // the slide-in
        const bar = await page.locator('header').first().boundingBox();
        const close = await drawer.getByRole('button', { name: '关闭' }).boundingBox();
        const title = await drawer.getByRole('heading', { level: 2 }).first().boundingBox();
        expect(bar && close && title).toBeTruthy();
        expect(close!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
        expect(title!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
        await screenshot(page, 'demand-drawer.png');
        report['诉求详情'] = await seriousViolations(page);
        codes['诉求详情'] = await scopeCodes(page);
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden' });
      }
    }
    // Place codes such as (xg.xgbl.xgbl45) never show to people.
    expect(Object.fromEntries(Object.entries(codes).filter(([, v]) => v.length > 0))).toEqual({});
    const failing = Object.fromEntries(Object.entries(report).filter(([, v]) => v.length > 0));
    expect(failing, JSON.stringify(failing, null, 2)).toEqual({});
    expect(uncaught).toEqual([]);
  });
});
