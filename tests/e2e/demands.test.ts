import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

const COURTYARD = 'xg.gyj.gyj2';
const DESCRIPTION = '市民反映：2号楼东侧楼道灯坏了一个多星期。晚上老人上下楼看不清台阶';

describe('demand intake and ledgers (集)', () => {
  it('records a demand offline with the keyboard and finds it in its courtyard ledger and the community roll-up', async () => {
    profile = await openProfile('demands');
    const { page, context, baseUrl } = profile;
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '高原街社区议事厅电脑',
      kind: '议事厅电脑',
      home: '高原街社区',
      homeQuery: 'gyjsq',
    });

    // The community ledger before: how many demands the courtyard has.
    await page.getByRole('button', { name: '需求台账' }).click();
    await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('ledger-total').textContent(), { timeout: 60_000 })
      .toMatch(/^共 \d+ 条$/);
    const courtyardCount = page.getByTestId(`child-count-${COURTYARD}`);
    await courtyardCount.waitFor();
    const before = Number(await courtyardCount.textContent());

    await context.setOffline(true);
    await page.getByRole('button', { name: '诉求登记' }).click();
    await page.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
    await page.getByTestId('intake-offline').waitFor();

    // Keyboard only: the place field has the focus; pinyin initials + Enter pick the courtyard.
    const place = page.getByTestId('intake-place');
    await expect.poll(() => place.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('gyj2hy');
    await page
      .getByRole('option', { name: /高原街2号院/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => place.inputValue()).toBe('高原街社区 / 高原街2号院');
    // Enter moved on to the description.
    const description = page.getByTestId('intake-description');
    await expect.poll(() => description.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(DESCRIPTION);
    await page.keyboard.press('Enter'); // → type
    await page.keyboard.press('3'); // 3 投诉, by the number in front of the label
    await expect.poll(() => page.getByTestId('intake-type').inputValue()).toBe('complaint');
    await page.keyboard.press('Enter'); // → category, suggested from the text
    expect(await page.getByTestId('intake-category').inputValue()).toBe('publicFacilities');
    await page.keyboard.press('Enter'); // → source (入户走访 by default)
    expect(await page.getByTestId('intake-source').inputValue()).toBe('visit');
    await page.keyboard.press('Enter'); // → urgency
    await page.keyboard.press('2'); // 2 紧急
    await expect.poll(() => page.getByTestId('intake-urgency').inputValue()).toBe('urgent');
    await page.keyboard.press('Enter'); // → vulnerable resident
    await page.keyboard.press('Space');
    expect(await page.getByTestId('intake-vulnerable').isChecked()).toBe(true);
    await page.keyboard.press('Enter'); // → title: left empty, derived
    await page.keyboard.press('Enter'); // → reporter name
    await page.keyboard.type('王秀英');
    await page.keyboard.press('Enter');
    await page.keyboard.type('13900001234');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2号楼3单元101');
    await expect(page.getByTestId('intake-title').getAttribute('placeholder')).resolves.toBe(
      '2号楼东侧楼道灯坏了一个多星期',
    );
    await page.getByTestId('similar-panel').waitFor();
    await screenshot(page, 'demands-intake.png');

    await page.keyboard.press('Control+Enter');
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('已登记：“2号楼东侧楼道灯坏了一个多星期”');
    // Ready for the next one: same place, empty description with the focus.
    await expect.poll(() => description.inputValue()).toBe('');
    await expect.poll(() => description.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await place.inputValue()).toBe('高原街社区 / 高原街2号院');

    // The courtyard ledger shows it.
    await result.getByRole('button', { name: '在台账中查看' }).click();
    await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
    const row = page.getByTestId('ledger-row').filter({ hasText: '2号楼东侧楼道灯坏了一个多星期' });
    await row.waitFor();
    expect(await row.textContent()).toContain('投诉');

    // The community roll-up counts it.
    await page.getByRole('main').getByRole('button', { name: '高原街社区' }).click();
    await expect.poll(async () => Number(await courtyardCount.textContent())).toBe(before + 1);

    // Its detail: masked nothing for a community worker, history from the audit trail.
    await page.getByRole('button', { name: /^高原街2号院/ }).click();
    await row.click();
    const drawer = page.getByTestId('demand-drawer');
    await drawer.waitFor();
    expect(await drawer.textContent()).toContain('13900001234');
    await drawer.getByTestId('demand-history').getByText('登记诉求').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await screenshot(page, 'demands-ledger.png');

    // Export of the courtyard ledger: asked first, masked by default; a community worker may read
    // personal data but not export it, so the full export is disabled.
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const asked = page.getByRole('dialog', { name: '导出含居民个人信息' });
    await asked.getByText(/完整导出需要/).waitFor();
    expect(await asked.getByRole('radio', { name: /完整导出/ }).isDisabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      asked.getByRole('button', { name: '导出', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^需求台账-高原街2号院-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) as string);
    const sheet = workbook.getWorksheet('需求台账');
    const texts: string[] = [];
    sheet?.eachRow((r) => texts.push((r.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    expect(texts).toHaveLength(before + 2); // header + the earlier demands + ours
    const ours = texts.find((line) => line.includes('2号楼东侧楼道灯坏了一个多星期'));
    expect(ours).toContain('139****1234');
    expect(ours).toContain('王**');
    expect(ours).not.toContain('13900001234');
    await page.getByText(/已导出 \d+ 条（个人信息已脱敏）/).waitFor();

    // After a reload (back online to fetch the page) it is still there, in the ledger and the roll-up.
    await context.setOffline(false);
    await page.reload();
    await openApp(page, baseUrl, `/demands/${COURTYARD}`);
    await row.waitFor();
    await page.getByRole('main').getByRole('button', { name: '高原街社区' }).click();
    await expect.poll(async () => Number(await courtyardCount.textContent())).toBe(before + 1);
  });
});
