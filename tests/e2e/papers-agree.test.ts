import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoStreet } from '#resources/demo/index';
import { attendanceText, meetingFigures } from '#shared/domain/meetings/index';
import { openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

// The record the street is judged by must not contradict itself: the minutes, the 公示, the
// 议事指引 and the story written from the topic state the same 应到/实到/委托/列席, speeches, each
// vote's motion and result, and the tasks. The expected figures come from the demo's own records.

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

// Friday 20 November 2026, 10:00 in Beijing, as the demo street is generated.
const T0 = '2026-11-20T02:00:00.000Z';
// 高原街7号院老旧小区综合整治议事协商会: one item, a proxy, an observer, a vote and a task.
const MEETING = 'meeting-000013';

function fixture() {
  const data = generateDemoStreet({ seed: 1, now: T0, scale: 1 });
  const meeting = data.meetings.find((m) => m.id === MEETING);
  const topic = data.topics.find((t) => t.id === meeting?.agenda[0]?.topicId);
  if (!meeting || !topic) throw new Error(`the demo street has no ${MEETING} with its topic`);
  const records = data.meetingRecords.filter((r) => r.meetingId === meeting.id);
  const tasks = data.tasks.filter((t) => t.meetingId === meeting.id);
  const figures = meetingFigures(meeting, records, { tasks });
  return { meeting, topic, figures };
}

/** The text of a paper once it states `expected` (papers render after their records load). */
async function paper(page: Page, route: string, expected: string): Promise<string> {
  await page.evaluate((r) => {
    window.location.hash = r;
  }, route);
  const main = page.locator('main');
  await expect.poll(async () => (await main.textContent()) ?? '', { timeout: 20_000 }).toContain(expected);
  return (await main.textContent()) ?? '';
}

describe('the papers of one meeting agree', () => {
  it('minutes, 公示, guide and story state the same attendance, speeches, motions, results and tasks', async () => {
    const { meeting, topic, figures: f } = fixture();
    const a = f.attendance;
    expect(a.proxies).toBeGreaterThan(0);
    expect(a.observers).toBeGreaterThan(0);
    expect(f.votes.length).toBeGreaterThan(0);
    profile = await openProfile('papers-agree');
    const { page, baseUrl } = profile;
    await page.clock.install({ time: new Date(T0) });
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '高原街社区议事厅电脑',
      kind: '议事厅电脑',
      home: '高原街社区',
      homeQuery: 'gyj',
    });

    const attendance = attendanceText(a);
    const minutes = await paper(page, `/meetings/${meeting.id}/print/minutes`, attendance);
    expect(minutes).toContain(attendance);
    expect(minutes.match(/发言：/g)?.length ?? 0).toBe(f.speeches);
    for (const v of f.votes) {
      expect(minutes).toContain(v.motion);
      expect(minutes).toContain(v.passed ? '通过' : '未通过');
    }

    const notice = await paper(page, `/meetings/${meeting.id}/print/publicNotice`, attendance);
    expect(notice).toContain(attendance);
    for (const v of f.votes) expect(notice).toContain(`表决事项：“${v.motion}”`);
    await screenshot(page, 'papers-agree-notice.png');

    const guide = await paper(page, `/meetings/${meeting.id}/guide`, attendance);
    expect(guide).toContain(attendance);
    const who = a.attendees;
    expect(guide).toContain(
      `居民 ${who.residents} 人、居民代表 ${who.representatives} 人、门楼院长 ${who.leaders} 人到会`,
    );

    // The story, generated from the topic's whole history.
    await page.getByRole('navigation').getByText('成果档案').click();
    await page.getByRole('heading', { name: '成果档案', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: '议题' }).click();
    await page.getByRole('option', { name: new RegExp(`^${topic.title}`) }).click();
    await page.getByRole('combobox', { name: '类型' }).last().click();
    await page.getByRole('option', { name: '故事', exact: true }).click();
    await page.getByRole('button', { name: '生成初稿' }).click();
    await page.getByTestId('case-editor').waitFor();
    const story = (await page.getByTestId('case-body').inputValue()) ?? '';
    expect(story).toContain(
      `应到 ${a.entitled} 人，实到 ${a.present} 人${a.proxies > 0 ? `（含委托 ${a.proxies} 人）` : ''}`,
    );
    expect(story).toContain(`${f.speeches} 人次发言`);
    for (const v of f.votes)
      expect(story).toContain(
        `就“${v.motion}”表决，赞成 ${v.yes} 票、反对 ${v.no} 票、弃权 ${v.abstain} 票，${v.passed ? '获得通过' : '未获通过'}`,
      );
    // The tasks as the story tells them: as many as the meeting's figures count, none said to be
    // on time when one was returned.
    if (f.tasks.total > 0) expect(story).toContain(`办理任务 ${f.tasks.total} 项`);
    if (f.tasks.returned > 0) expect(story).not.toContain('各项任务均按期推进');
    await screenshot(page, 'papers-agree-story.png');
  }, 240_000);
});
