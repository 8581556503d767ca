import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { beijingInputValue } from '#shared/domain/calendar/index';
import { ARTIFACTS, openProfile, screenshot, type Profile } from './browser';
import { openApp, setupWithDemo } from './app';

// The papers and screens of a meeting at the hall: the chair's vote asked and recorded, per-party
// invitations listed, recorded and printed, ballot sheets with cut lines and a copy count, the
// quorum in view while the clerk scrolls, and the projector at 1080p during a speech and a vote.
const DOCS = join(process.cwd(), 'docs', 'screenshots');
let profile: Profile;
let page: Page;
beforeAll(async () => {
  profile = await openProfile('meeting-papers', { shared: true });
  page = profile.page;
  await openApp(page, profile.baseUrl);
  await setupWithDemo(page, {
    deviceName: '高原街社区议事厅电脑',
    kind: '议事厅电脑',
    home: '高原街社区',
    homeQuery: 'gyj',
  });
  await mkdir(DOCS, { recursive: true });
}, 180_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page, `FAILED-meeting-papers-${task.name.slice(0, 40)}.png`);
});
afterAll(async () => {
  await profile?.close();
});

const TITLE = '高原街社区停车秩序议事会';
const text = (testId: string) => page.getByTestId(testId).first().textContent();

/** The paper as the printer gets it (A4 PDF), and its first page as a PNG for the docs. */
async function printToPng(name: string) {
  await mkdir(ARTIFACTS, { recursive: true });
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(DOCS, name)]);
}

/** The quorum bar and current item are on screen, on top, after the page scrolled. */
async function expectStickyInView() {
  const sticky = page.getByTestId('console-sticky');
  const box = await sticky.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('not laid out');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const onTop = await page.getByTestId('quorum').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(onTop).toBe(true);
  expect(await page.getByTestId('console-current-item').isVisible()).toBe(true);
}

describe('a meeting’s papers and screens', () => {
  it('asks whether a representative who chairs keeps a vote, and records the answer', async () => {
    await page.getByRole('navigation').getByText('议事会').click();
    await page.getByRole('button', { name: '新建议事会' }).click();
    await page.getByTestId('new-title').fill(TITLE);
    await page.getByRole('combobox', { name: '会议地点' }).click();
    await page.getByRole('option').first().click();
    await page
      .getByTestId('new-starts-at')
      .fill(beijingInputValue(new Date(Date.now() + 60_000).toISOString()));
    await page.getByTestId('create-meeting').click();
    await page.getByTestId('meeting-title').filter({ hasText: TITLE }).waitFor();
    await page.getByTestId('agenda-add-item').click();
    await page.getByTestId('agenda-item-1').getByLabel('议程内容').fill('停车位划线与分配方案');
    await page.getByTestId('agenda-add-item').click();
    await page.getByTestId('agenda-item-2').getByLabel('议程内容').fill('楼道照明改造');
    const reps = page.getByTestId('roster-add-residentRep');
    await expect.poll(async () => Number(await reps.getAttribute('data-count'))).toBeGreaterThan(10);
    const entitled = Number(await reps.getAttribute('data-count'));
    await reps.click();
    await expect.poll(() => text('roster-count')).toContain(`应到 ${entitled} 人`);

    const first = page.getByTestId('roster-row').first();
    const name = (await first.locator('p').first().textContent()) ?? '';
    await first.getByRole('button', { name: '设为主持人' }).click();
    const dialog = page.getByTestId('chair-vote-dialog');
    await dialog.getByText(`${name}担任主持人，是否保留表决权？`).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'meeting-chair-vote-dialog.png') });
    await dialog.getByRole('button', { name: '保留表决权' }).click();
    await expect.poll(() => text('roster-chair')).toBe(`主持人：${name}（居民代表，保留表决权）`);
    // The role label stays, and so does the vote.
    expect(await first.textContent()).toContain('居民代表、主持人');
    expect(await text('roster-count')).toContain(`应到 ${entitled} 人`);
    await page.getByTestId('prepare-save').click();
    await page.getByTestId('prepare-message').filter({ hasText: '已保存' }).waitFor();
    // Stored with the meeting: a reload shows the same answer.
    await page.reload();
    await openApp(page, profile.baseUrl, page.url().split('#')[1] ?? '/');
    await expect.poll(() => text('roster-chair')).toBe(`主持人：${name}（居民代表，保留表决权）`);
  });

  it('lists who is invited, records who was told and how, and prints one party’s notice', async () => {
    const count = page.getByTestId('notified-count');
    await expect.poll(() => count.textContent()).toMatch(/^已通知 0 \/ 共 \d+$/);
    const total = Number(/共 (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    expect(total).toBe(Number(/应到 (\d+) 人/.exec((await text('roster-count')) ?? '')?.[1]));
    const row = page.getByTestId('invitee').nth(1);
    const name = (await row.locator('p').first().textContent()) ?? '';
    expect(await row.textContent()).toContain('居民代表');
    await row.getByRole('button', { name: '记录已通知' }).click();
    await expect.poll(() => count.textContent()).toBe(`已通知 1 / 共 ${total}`);
    expect(await row.getAttribute('data-notified')).toBe('yes');
    expect(await row.textContent()).toContain('电话 · ');
    // Exactly the recorded list: nobody else shows as told.
    expect(await page.locator('[data-testid="invitee"][data-notified="yes"]').count()).toBe(1);
    await page.getByTestId('invitations').screenshot({ path: join(ARTIFACTS, 'meeting-invitations.png') });

    await row.getByRole('button', { name: '打印通知' }).click();
    const paper = page.getByTestId('paper');
    await paper.filter({ hasText: `${TITLE}参会通知` }).waitFor();
    // The venue and the issuing committee are read from the places before printing.
    await paper.filter({ hasText: '高原街社区居民委员会' }).waitFor();
    expect(await paper.textContent()).toContain(`${name}（居民代表）：`);
    expect(await paper.textContent()).toContain('您是本次会议的应到人员，享有表决权');
    await printToPng('meeting-invitation-print');
  });

  it('prints ballot sheets of three slips with cut lines, the copies asked for, the full motion on each', async () => {
    await page.getByTestId('paper-ballot').click();
    const copies = page.getByTestId('ballot-copies');
    await copies.fill('0');
    const refusal = page.getByTestId('ballot-copies-refusal');
    await expect.poll(() => refusal.textContent()).toBe('份数须在 1 到 500 之间');
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('ballot-sheet').count()).toBe(0);
    await copies.fill('4');
    await expect.poll(() => text('ballot-summary')).toBe('共 2 项表决，每项 4 份，需 3 张 A4 纸');
    expect(await page.getByTestId('ballot-slip').count()).toBe(8);
    expect(await page.getByTestId('ballot-sheet').count()).toBe(3);
    // Cut lines only between the slips of a sheet: 2 + 2 + 1.
    expect(await page.getByTestId('ballot-cut').count()).toBe(5);
    const slips = await page.getByTestId('ballot-slip').allTextContents();
    expect(slips[0]).toContain('表决事项：同意“停车位划线与分配方案”的方案');
    expect(slips[7]).toContain('表决事项：同意“楼道照明改造”的方案');
    expect(slips[7]).toContain('第 4 份');
    await screenshot(page, 'meeting-ballot-screen.png');
    await printToPng('meeting-ballot-sheet-print');
  });

  it('keeps the quorum and the current item in view while signing in, queueing and voting', async () => {
    await page.getByRole('tab', { name: '会前准备' }).click();
    await page.getByTestId('prepare-notice').click();
    await expect.poll(() => text('meeting-state')).toBe('已发通知');
    await page.getByRole('tab', { name: '会议现场' }).click();
    await page.getByRole('button', { name: '开始会议' }).click();
    await expect.poll(() => text('meeting-state')).toBe('进行中');
    const absent = page.locator('[data-testid^="roster-"][data-entitled="yes"][data-status="absent"]');
    while ((await page.getByTestId('quorum').getAttribute('data-reached')) !== 'yes') {
      const before = await absent.count();
      await absent.last().scrollIntoViewIfNeeded();
      await absent.last().click();
      await expect.poll(() => absent.count()).toBe(before - 1);
    }
    await expectStickyInView();
    await page.getByTestId('start-item-1').click();
    await page.getByTestId('console-current-item').filter({ hasText: '当前议程：' }).waitFor();
    for (const speaker of ['张桂兰', '王建国', '李秀英']) {
      await page.getByTestId('speaker-name').fill(speaker);
      await page.getByTestId('speaker-queue').click();
    }
    await page.getByTestId('speak-1').click();
    await page.getByTestId('vote-open').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    await expectStickyInView();
  });

  it('shows the speech, the next two, the agenda and the countdowns on a 1080p projector, then the vote', async () => {
    const id = /meetings\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    const projector = await page.context().newPage();
    await projector.setViewportSize({ width: 1920, height: 1080 });
    // The projector's own clock, so it can be moved past the speaking time.
    await projector.clock.install({ time: Date.now() });
    await openApp(projector, profile.baseUrl, `/projector/meeting/${id}`);
    await projector.getByTestId('projector-speaker').filter({ hasText: '发言人：张桂兰' }).waitFor();
    expect(await projector.getByTestId('projector-next-name').allTextContents()).toEqual([
      '1. 王建国',
      '2. 李秀英',
    ]);
    const rows = projector.getByTestId('projector-agenda-row');
    expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-state')))).toEqual([
      'current',
      'pending',
    ]);
    expect(await projector.getByTestId('projector-speaker-clock').textContent()).toMatch(/剩余 0[0-3]:\d\d/);
    await expect(projector.getByRole('button', { name: '全屏' }).isVisible()).resolves.toBe(true);
    // Legible from 8 m: no text on the projector under 40 px (the full-screen button aside).
    const small = await projector.getByTestId('projector').evaluate((root) =>
      [...root.querySelectorAll('p, span, b')]
        .filter((el) => !el.closest('button') && (el.textContent ?? '').trim() !== '')
        .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 40)
        .map((el) => `${el.textContent}: ${getComputedStyle(el).fontSize}`),
    );
    expect(small).toEqual([]);
    await projector.screenshot({ path: join(DOCS, 'projector-speech-1080p.png') });

    // Over the speaking time: said in words, not by colour alone.
    await projector.clock.fastForward('05:00');
    await expect
      .poll(() => projector.getByTestId('projector-speaker-clock').textContent())
      .toMatch(/超时 0\d:\d\d/);
    expect(await projector.getByTestId('projector-speaker-clock').getAttribute('data-overrun')).toBe('yes');

    await page.getByTestId('end-speech').click();
    await page.getByTestId('vote-open').click();
    const motion = (await projector.getByTestId('projector-motion').textContent()) ?? '';
    expect(motion).toMatch(/^表决事项：同意“.+”的方案$/);
    // Everyone present votes for it: it passes.
    const present = /^实到 (\d+)/.exec((await text('quorum-line')) ?? '')?.[1] ?? '';
    await page.getByTestId('count-hall-yes').fill(present);
    await page.getByTestId('count-hall-submit').click();
    await page.getByTestId('counted-hall').waitFor();
    await page.getByTestId('vote-close').click();
    await expect.poll(() => projector.getByTestId('projector-result').textContent()).toBe('通过');
    expect(await projector.getByTestId('projector-motion').textContent()).toBe(motion);
    await projector.screenshot({ path: join(DOCS, 'projector-vote-1080p.png') });
    // The full-screen button takes the whole screen and offers the way back.
    await projector.getByRole('button', { name: '全屏' }).click();
    await expect.poll(() => projector.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await projector.getByRole('button', { name: '退出全屏' }).click();
    await expect.poll(() => projector.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await projector.close();
  });
});
