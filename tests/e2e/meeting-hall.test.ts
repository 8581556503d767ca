import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openProfile, screenshot, type Profile } from './browser';
import { openApp, setupWithDemo } from './app';
import { beijingInputValue } from '#shared/domain/calendar/index';

// A hall PC in browser mode whose clock is set to UTC, as many PCs are out of the box: every
// time typed and read must still be Beijing time. One demo street serves every case here.
let profile: Profile;
let page: Page;
beforeAll(async () => {
  profile = await openProfile('meeting-hall', { timezoneId: 'UTC', shared: true });
  page = profile.page;
  await openApp(page, profile.baseUrl);
  await setupWithDemo(page, {
    deviceName: '高原街社区议事厅电脑',
    kind: '议事厅电脑',
    home: '高原街社区',
    homeQuery: 'gyj',
  });
}, 180_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `FAILED-meeting-hall-${task.name.slice(0, 40)}.png`);
});
afterAll(async () => {
  await profile?.close();
});

const text = (testId: string) => page.getByTestId(testId).first().textContent();

/** The refusal is on screen (not under the sticky bar) and right below the field that caused it. */
async function expectInViewBeside(refusal: Locator, field: Locator) {
  const box = await refusal.boundingBox();
  const fieldBox = await field.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !fieldBox || !viewport) throw new Error('not laid out');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.y - (fieldBox.y + fieldBox.height)).toBeLessThan(120);
  const onTop = await refusal.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(onTop).toBe(true);
}

async function newMeeting(title: string, startsAt: string, kind?: string, venue?: string) {
  await page.getByRole('navigation').getByText('议事会').click();
  // A test before may leave minutes unsaved on purpose: leaving them is the person's choice.
  const leave = page.getByRole('dialog').getByRole('button', { name: '离开' });
  const create = page.getByRole('button', { name: '新建议事会' });
  await leave.or(create).first().waitFor();
  if (await leave.isVisible()) await leave.click();
  await create.click();
  if (kind) {
    await page.getByRole('combobox', { name: '会议类型' }).click();
    await page.getByRole('option', { name: kind }).click();
  }
  await page.getByTestId('new-title').fill(title);
  await page.getByRole('combobox', { name: '会议地点' }).click();
  await (venue ? page.getByRole('option', { name: venue }) : page.getByRole('option').first()).click();
  await page.getByTestId('new-starts-at').fill(startsAt);
  await page.getByTestId('create-meeting').click();
  await page.getByTestId('meeting-title').filter({ hasText: title }).waitFor();
}

describe('the hall console on a PC set to UTC', () => {
  it('keeps a typed start time of 19:00 as 19:00 Beijing time', async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    await newMeeting('楼门口晾衣架议事会', '2026-12-20T19:00');
    expect(await page.getByTestId('meeting-when').textContent()).toContain('2026年12月20日 19:00');
    expect(await page.getByTestId('prepare-starts-at').inputValue()).toBe('2026-12-20T19:00');
    await page.getByRole('navigation').getByText('议事会').click();
    await page.getByText('2026年12月20日 19:00').first().waitFor();
  });

  it('refuses an impossible and a negative count beside the field, recording nothing', async () => {
    // Today, in Beijing: no early-start question here.
    await newMeeting('楼道堆物清理议事会', beijingInputValue(new Date(Date.now() + 60_000).toISOString()));
    await page.getByTestId('agenda-add-item').click();
    await page.getByTestId('agenda-item-1').getByLabel('议程内容').fill('楼道堆物清理方案');
    await page.getByTestId('roster-add-residentRep').click();
    await page.getByTestId('prepare-save').click();
    await page.getByTestId('prepare-notice').click();
    await expect.poll(() => text('meeting-state')).toBe('已发通知');
    await page.getByRole('tab', { name: '会议现场' }).click();
    await page.getByRole('button', { name: '开始会议' }).click();
    await expect.poll(() => text('meeting-state')).toBe('进行中');
    const absent = page.locator('[data-testid^="roster-"][data-entitled="yes"][data-status="absent"]');
    while ((await page.getByTestId('quorum').getAttribute('data-reached')) !== 'yes') {
      const before = await absent.count();
      await absent.first().click();
      await expect.poll(() => absent.count()).toBe(before - 1);
    }
    const present = Number(/^实到 (\d+)/.exec((await text('quorum-line')) ?? '')?.[1]);
    await page.getByTestId('start-item-1').click();
    await page.getByTestId('speaker-name').fill('张桂兰');
    await page.getByTestId('speaker-queue').click();
    await page.getByTestId('vote-open').click();

    const refusal = page.getByTestId('refusal-count-hall');
    await page.getByTestId('count-hall-yes').fill(String(present + 7));
    await page.getByTestId('count-hall-submit').click();
    await expect.poll(() => refusal.textContent()).toContain(`超过实到人数 ${present}`);
    expect(await refusal.getAttribute('role')).toBe('alert');
    await expectInViewBeside(refusal, page.getByTestId('count-hall-yes'));

    await page.getByTestId('count-hall-yes').fill('-3');
    await page.getByTestId('count-hall-submit').click();
    await expect.poll(() => refusal.textContent()).toContain('票数不能为负');
    await expectInViewBeside(refusal, page.getByTestId('count-hall-yes'));
    expect(await page.getByTestId('counted-hall').count()).toBe(0);
    // What was typed stays for the clerk to correct.
    expect(await page.getByTestId('count-hall-yes').inputValue()).toBe('-3');
  });

  it('asks before 散会 and lists the queued speaker; cancel keeps the meeting running', async () => {
    await page.getByRole('button', { name: '散会' }).click();
    const dialog = page.getByTestId('adjourn-dialog');
    await dialog.getByText('排队发言：张桂兰').waitFor();
    await dialog.getByText('表决“同意“楼道堆物清理方案”的方案”尚未结束计票').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await text('meeting-state')).toBe('进行中');

    await page.getByTestId('count-hall-yes').fill('10');
    await page.getByTestId('count-hall-submit').click();
    await page.getByTestId('counted-hall').waitFor();
    await page.getByTestId('vote-close').click();
    await page.getByTestId('vote-result').waitFor();
    await page.getByRole('button', { name: '散会' }).click();
    await page.getByTestId('adjourn-dialog').getByRole('button', { name: '确认散会' }).click();
    await expect.poll(() => text('meeting-state')).toBe('已散会');
  });

  it('asks before 重新生成草稿 replaces edited minutes; cancel keeps the edits', async () => {
    await page.getByRole('tab', { name: '纪要与公示' }).click();
    await page.getByTestId('minutes-draft').click();
    const minutes = page.getByTestId('minutes-text');
    await expect.poll(() => minutes.inputValue()).toContain('楼道堆物清理方案');
    await minutes.press('End');
    await minutes.pressSequentially('补充：物业下周一清理。');
    await page.getByTestId('minutes-draft').click();
    const dialog = page.getByTestId('redraft-dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await minutes.inputValue()).toContain('补充：物业下周一清理。');
  });

  it('asks before leaving unsaved minutes, and keeps them on the device across a reload', async () => {
    await page.getByRole('navigation').getByText('议事会').click();
    const dialog = page.getByTestId('leave-dialog');
    await dialog.getByRole('button', { name: '留下继续编辑' }).click();
    await dialog.waitFor({ state: 'detached' });
    const minutes = page.getByTestId('minutes-text');
    expect(await minutes.inputValue()).toContain('补充：物业下周一清理。');

    // Unloading the page asks too (the browser's own question); staying keeps the edits.
    const asked: string[] = [];
    page.once('dialog', (d) => void (asked.push(d.type()), d.dismiss()));
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    expect(await minutes.inputValue()).toContain('补充：物业下周一清理。');

    // A power cut: the page goes without asking; the edits come back from this device.
    const route = page.url().split('#')[1] ?? '/';
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await openApp(page, profile.baseUrl, route);
    await page.getByTestId('minutes-restored').waitFor();
    expect(await page.getByTestId('minutes-text').inputValue()).toContain('补充：物业下周一清理。');
  });

  it('adds only the leaders of that courtyard to a courtyard meeting, says how many first, removes in bulk', async () => {
    await newMeeting('4号院楼道照明议事会', '2026-12-21T19:00', '楼院议事会', '高原街4号院议事角');
    await expect.poll(() => text('roster-place')).toContain('高原街4号院议事角');
    const button = page.getByTestId('roster-add-buildingLeader');
    await expect.poll(async () => Number(await button.getAttribute('data-count'))).toBeGreaterThan(0);
    const count = Number(await button.getAttribute('data-count'));
    expect(await button.textContent()).toContain(`（${count} 人）`);
    await button.click();
    await expect.poll(() => text('roster-count')).toContain(`应到 ${count} 人`);
    const places = await page
      .getByTestId('roster-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-place')));
    expect(places).toHaveLength(count);
    for (const place of places) expect(place).toMatch(/^xg\.gyj\.gyj4\./);
    expect(await button.getAttribute('data-count')).toBe('0');

    // Two rows chosen and removed at once.
    await page
      .getByRole('checkbox', { name: /^选择 / })
      .nth(0)
      .check();
    await page
      .getByRole('checkbox', { name: /^选择 / })
      .nth(1)
      .check();
    await page.getByRole('button', { name: '移除所选（2 人）' }).click();
    await expect.poll(() => text('roster-count')).toContain(`应到 ${count - 2} 人`);
  });
});
