import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Locator, Page } from 'playwright-core';
import { openProfile, screenshot } from './browser';
import { openApp, setupWithDemo } from './app';

/** Keys a hurried or confused person might press in a date or number field. */
const KEYS = [
  ...'0123456789',
  '-',
  '+',
  'e',
  '.',
  'a',
  '年',
  'Backspace',
  'Delete',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Tab',
  'Shift+Tab',
  'Enter',
];

const FIELDS = 'input[type="date"], input[type="datetime-local"], input[inputmode="numeric"]';

/** A select that Enter or a keystroke opened keeps its menu over the page: close it as a person would. */
async function closeMenus(page: Page): Promise<void> {
  const menus = page.locator('.MuiPopover-root, .MuiMenu-root');
  for (let i = 0; i < 3 && (await menus.count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
    if ((await menus.count()) === 0) break;
    await page
      .locator('.MuiPopover-root .MuiBackdrop-root')
      .first()
      .click({ force: true })
      .catch(() => undefined);
  }
}

/**
 * Random keystrokes into every date and number field on screen, a few seconds' worth: nothing
 * may throw, and no page may fall into its error screen.
 */
async function fuzzFields(page: Page, uncaught: Error[], runs: number): Promise<number> {
  const fields = page.locator(FIELDS);
  const count = await fields.count();
  expect(count).toBeGreaterThan(0);
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: count - 1 }),
      fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 14 }),
      async (index, keys) => {
        const field = fields.nth(index);
        await closeMenus(page);
        if (!(await field.isVisible()) || !(await field.isEnabled())) return;
        await field.click();
        for (const key of keys) {
          // Characters without a key of their own arrive as an input method would send them.
          if (key.length === 1 && key.charCodeAt(0) > 127) await page.keyboard.insertText(key);
          else await page.keyboard.press(key);
        }
        expect(uncaught.map((e) => e.message)).toEqual([]);
        expect(await page.getByText('出错了').count()).toBe(0);
        // Tab and Enter may have opened a neighbouring menu: close it before the next run.
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      },
    ),
    { numRuns: runs },
  );
  return count;
}

/** Sets a date field's text as the browser would hand it over (Chromium takes six-digit years). */
async function typeRaw(field: Locator, value: string): Promise<void> {
  await field.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

describe('no input can crash a page', () => {
  it('takes dates by keyboard, refuses absurd ones, survives random keystrokes, and catches a broken page', async () => {
    const { page, baseUrl } = await openProfile('input-safety');
    const uncaught: Error[] = [];
    page.on('pageerror', (error) => uncaught.push(error));
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '高原街社区议事厅电脑',
      kind: '议事厅电脑',
      home: '高原街社区',
      homeQuery: 'gyjsq',
    });

    // The ledger's date filters: typed by keyboard, an absurd year refused, a reversed range told.
    await page.getByRole('navigation').getByText('需求台账').click();
    const total = page.getByTestId('ledger-total');
    await expect.poll(() => total.textContent(), { timeout: 60_000 }).toMatch(/^共 \d+ 条$/);
    const all = (await total.textContent()) ?? '';
    const from = page.getByTestId('filter-from');
    const to = page.getByTestId('filter-to');
    await from.click();
    await page.keyboard.type('20261');
    expect(uncaught).toEqual([]);
    await typeRaw(from, '20261-03-09');
    await page.getByText('年份 20261 不对').waitFor();
    // The refused year filters nothing.
    expect(await total.textContent()).toBe(all);
    await from.fill('2026-03-09');
    await to.fill('2026-03-01');
    await page.getByText('结束日期早于开始日期').waitFor();
    await expect.poll(() => total.textContent()).toMatch(/^符合条件 0 条/);
    await screenshot(page, 'ledger-dates-refused.png');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => total.textContent()).toBe(all);
    expect(await from.inputValue()).toBe('');

    await fuzzFields(page, uncaught, 25);

    // A new meeting: its start time and duration.
    await page.getByRole('navigation').getByText('议事会').click();
    await page.getByRole('button', { name: '新建议事会' }).click();
    await page.getByTestId('new-starts-at').waitFor();
    await fuzzFields(page, uncaught, 20);
    // Tab then Enter reaches 新建议事会 and creates the meeting, as it would for a person: then the
    // form is opened again for the checks below. The creation may still be on its way when the
    // fuzzing ends (it navigates once stored), so wait until the page has stayed put for a second.
    let lastHash: string | undefined;
    await expect
      .poll(
        async () => {
          const hash = await page.evaluate(() => location.hash);
          const settled = hash === lastHash;
          lastHash = hash;
          return settled;
        },
        { interval: 1000, timeout: 15_000 },
      )
      .toBe(true);
    if (!(await page.getByTestId('new-starts-at').isVisible())) {
      await page.getByRole('navigation').getByText('议事会').click();
      await page.getByRole('button', { name: '新建议事会' }).click();
      await page.getByTestId('new-starts-at').waitFor();
    }
    const duration = page.getByLabel('时长（分钟）');
    if (await duration.count()) {
      await duration.fill('1e999');
      await page.getByText('请输入整数').waitFor();
    }
    // Back to a good start time before creating it.
    await page.getByTestId('new-starts-at').fill('2026-12-20T19:00');
    await page.getByTestId('create-meeting').click();
    await page.getByTestId('agenda-add-item').click();
    await fuzzFields(page, uncaught, 25);

    // A page that breaks while rendering shows 出错了 with a way back; the rest of the app lives.
    await page.getByRole('navigation').getByText('设备与数据').click();
    await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();
    // A fault injected into date formatting, which the ledger's rows need while rendering.
    await page.evaluate(() => {
      const original = Date.prototype.getUTCMinutes;
      (window as unknown as { restore: () => void }).restore = () => {
        Date.prototype.getUTCMinutes = original;
      };
      Date.prototype.getUTCMinutes = () => {
        throw new Error('注入的故障');
      };
    });
    await page.getByRole('navigation').getByText('需求台账').click();
    await page.getByText('出错了').waitFor();
    await page.getByText('注入的故障').waitFor();
    await screenshot(page, 'error-boundary.png');
    await page.evaluate(() => (window as unknown as { restore: () => void }).restore());
    await page.getByRole('button', { name: '重新打开本页' }).click();
    await expect.poll(() => total.textContent()).toBe(all);
    // Recorded for the person who looks after the device.
    await page.getByRole('navigation').getByText('设备与数据').click();
    const recorded = page.getByTestId('recorded-error').filter({ hasText: '注入的故障' });
    await recorded.first().waitFor();
    expect(await recorded.first().textContent()).toContain('需求台账');
  });
});
