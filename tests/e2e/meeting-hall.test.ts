import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openProfile, type Profile } from './browser';
import { openApp, setupWithDemo } from './app';

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
afterAll(async () => {
  await profile?.close();
});

async function newMeeting(title: string, startsAt: string, kind?: string) {
  await page.getByRole('navigation').getByText('议事会').click();
  await page.getByRole('button', { name: '新建议事会' }).click();
  if (kind) {
    await page.getByRole('combobox', { name: '会议类型' }).click();
    await page.getByRole('option', { name: kind }).click();
  }
  await page.getByTestId('new-title').fill(title);
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
});
