import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateDemoStreet } from '#resources/demo/index';
import { ARTIFACTS, openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';
import { attachPhotos } from './photos';

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

// Friday 20 November 2026, 10:00 in Beijing. The demo street is generated at this time, so the
// test knows which decision is still waiting to be handed out (it computes it the same way).
const T0 = '2026-11-20T02:00:00.000Z';
const DAY = 86_400_000;

function fixture() {
  const data = generateDemoStreet({ seed: 1, now: T0, scale: 1 });
  const handed = new Set(data.tasks.map((t) => t.decisionRecordId));
  const decision = data.meetingRecords.find(
    (r) =>
      r.kind === 'decision' &&
      !handed.has(r.id) &&
      r.scope.startsWith('xg.hxy.') &&
      r.parties?.some((p) => p.kind === 'propertyCompany') &&
      r.parties.some((p) => p.kind === 'propertyRightsUnit'),
  );
  if (!decision) throw new Error('the demo street has no decision for 物业 and 产权单位 left to hand out');
  const meeting = data.meetings.find((m) => m.id === decision.meetingId);
  const item = meeting?.agenda.find((a) => a.itemId === decision.agendaItemId);
  const topic = data.topics.find((t) => t.id === item?.topicId);
  if (!item || !topic) throw new Error('decision without its topic');
  const company = decision.parties?.find((p) => p.kind === 'propertyCompany')?.name ?? '';
  const rightsUnit = decision.parties?.find((p) => p.kind === 'propertyRightsUnit')?.name ?? '';
  // The topic's demands wait in it; accepting the last task resolves them for the call-back.
  const topicDemands = data.demands.filter((d) => topic.demandIds.includes(d.id) && d.status === 'inTopic');
  // Another resident of the community, received this year, who will not be satisfied.
  const unhappy = data.demands.find(
    (d) =>
      d.scope.startsWith('xg.hxy.') &&
      d.status === 'resolved' &&
      d.reasonable &&
      !topic.demandIds.includes(d.id) &&
      d.receivedAt >= '2025-12-31T16:00:00.000Z',
  );
  if (!unhappy || topicDemands.length === 0)
    throw new Error('demo street lacks demands awaiting a call-back');
  return { title: item.title, company, rightsUnit, topicDemands, unhappy };
}

const numbers = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
/** Full-page screenshot from the top, so the fixed app bar stays where it belongs. */
async function shot(page: Page, file: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, file);
}

const percent = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`;

async function openNav(page: Page, label: string) {
  await page.getByRole('navigation').getByText(label, { exact: true }).click();
  await page.getByRole('heading', { name: label, level: 1 }).waitFor();
}

async function submitStep(page: Page, fields: Record<string, string>, choice?: string) {
  const dialog = page.getByRole('dialog');
  if (choice) await dialog.getByLabel(choice, { exact: true }).check();
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'photos') await attachPhotos(page, dialog, Number(value));
    else await dialog.getByTestId(`step-${key}`).fill(value);
  }
  await dialog.getByTestId('step-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

async function rates(page: Page) {
  const [satisfied = 0, basically = 0, callbacks = 0, unsatisfied = 0] = await numbers(
    page.getByTestId('rate-satisfaction-evidence'),
  );
  const [resolved = 0, reasonable = 0, reopened = 0, reopenedOpen = 0] = await numbers(
    page.getByTestId('rate-resolution-evidence'),
  );
  return {
    satisfied,
    basically,
    callbacks,
    unsatisfied,
    resolved,
    reasonable,
    reopened,
    reopenedOpen,
    satisfaction: await page.getByTestId('rate-satisfaction-value').textContent(),
    resolution: await page.getByTestId('rate-resolution-value').textContent(),
  };
}

describe('办 督 评: from a decision to the resident’s call-back', () => {
  it('hands a decision to 物业 and 产权单位, escalates the overdue task, accepts both and closes the loop with call-backs', async () => {
    const f = fixture();
    profile = await openProfile('handle-loop');
    const { page, baseUrl } = profile;
    await page.clock.install({ time: new Date(T0) });
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '惠新苑社区议事厅电脑',
      kind: '议事厅电脑',
      home: '惠新苑社区',
      homeQuery: 'hxysq',
    });

    // 办: the decision becomes one task for each party, due in 3 working days (Wednesday).
    await openNav(page, '办理任务');
    const pending = page.getByTestId('pending-item').filter({ hasText: f.title });
    await pending.getByRole('button', { name: '转为办理任务' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel(f.company).isChecked()).toBe(true);
    expect(await dialog.getByLabel(f.rightsUnit).isChecked()).toBe(true);
    await dialog.getByTestId('convert-days').fill('3');
    expect(await dialog.getByTestId('convert-due').textContent()).toContain('2026-11-25 10:00');
    await page.screenshot({ path: `${ARTIFACTS}/tasks-convert.png` });
    await dialog.getByTestId('convert-submit').click();
    await page.getByText('已交办 2 项任务').waitFor();
    await expect.poll(() => pending.count()).toBe(0);
    await shot(page, 'tasks-list.png');
    const companyTask = `${f.title}——${f.company}`;
    const rightsTask = `${f.title}——${f.rightsUnit}`;

    // The 产权单位 accepts, reports progress with photos and finishes in time.
    await page.getByText(rightsTask, { exact: true }).click();
    await page.getByRole('heading', { name: rightsTask, level: 1 }).waitFor();
    expect(await page.getByTestId('task-due').textContent()).toBe('2026-11-25 10:00');
    const rights = page.getByTestId('party-propertyRightsUnit');
    await rights.getByTestId('party-accept').click();
    await expect.poll(() => rights.getByTestId('party-state').textContent()).toBe('办理中');
    await page.getByTestId('task-progress').click();
    await submitStep(page, { note: '已进场更换入户线路，完成一半', photos: '2' });
    await page.getByText('2 张照片').waitFor();
    await rights.getByTestId('party-finish').click();
    await submitStep(page, { note: '入户线路和电表箱已全部更换' });
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已完成待验收');

    // Six days later the 物业 task is overdue: 督办 to the community.
    await page.clock.fastForward(6 * DAY);
    await openNav(page, '督办');
    await expect.poll(() => page.getByTestId('bucket-count-overdue').textContent()).not.toBe('0');
    const items = page.getByTestId('board-items');
    const companyRow = items.locator(':scope > li').filter({ hasText: companyTask });
    await companyRow.getByTestId('item-bucket-overdue').waitFor();
    expect(await companyRow.getByTestId('item-bucket-overdue').textContent()).toBe('逾期 24 小时');
    await items
      .locator(':scope > li')
      .filter({ hasText: rightsTask })
      .getByTestId('item-bucket-awaitingAcceptance')
      .waitFor();
    await companyRow.getByRole('button', { name: '督办' }).click();
    await submitStep(page, { reason: '逾期未接单，提交社区督办' });
    await companyRow.getByText('社区督办').waitFor();
    await page.getByTestId('by-party').getByText(f.company).waitFor();
    await shot(page, 'supervision-board.png');

    // The 物业 finishes after 督办; acceptance (验收) passes for both.
    await companyRow.getByText(companyTask).click();
    await page.getByRole('heading', { name: companyTask, level: 1 }).waitFor();
    expect(await page.getByTestId('task-supervised').textContent()).toBe('社区');
    const company = page.getByTestId('party-propertyCompany');
    await company.getByTestId('party-accept').click();
    await expect.poll(() => company.getByTestId('party-state').textContent()).toBe('办理中');
    await company.getByTestId('party-finish').click();
    await submitStep(page, { note: '楼内公共线路已检修', photos: '1' });
    await page.getByRole('button', { name: '验收', exact: true }).click();
    await submitStep(page, { note: '居民代表和楼门长现场验收合格', photos: '3' }, '验收合格');
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已验收');
    await page.getByTestId('history-escalation').getByText('督办（提交社区）').waitFor();
    await page.getByTestId('history-acceptance').waitFor();
    await shot(page, 'tasks.png');

    await openNav(page, '督办');
    const rightsRow = page.getByTestId('board-items').locator(':scope > li').filter({ hasText: rightsTask });
    await rightsRow.getByRole('button', { name: '验收', exact: true }).click();
    await submitStep(page, { note: '电表箱更换到位' }, '验收合格');
    await expect.poll(() => rightsRow.count()).toBe(0);

    // 评: the residents are called back; the rates of the year change accordingly.
    await openNav(page, '回访与三率');
    await page.getByTestId('period').locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: '本年' }).click();
    await page.getByTestId('rate-satisfaction').waitFor();
    const before = await rates(page);
    const outcomes = ['满意', '基本满意', '满意'];
    for (const [i, demand] of f.topicDemands.entries()) {
      await page.getByTestId(`callback-record-${demand.id}`).click();
      await submitStep(page, { note: '电话回访，线路改造后没有再跳闸' }, outcomes[i % 3]);
      await page.getByTestId(`callback-${demand.id}`).waitFor({ state: 'detached' });
    }
    await page.getByTestId(`callback-record-${f.unhappy.id}`).click();
    await submitStep(page, { note: '居民反映问题反复出现' }, '不满意（重新办理）');
    await page.getByTestId(`callback-${f.unhappy.id}`).waitFor({ state: 'detached' });

    const good = f.topicDemands.map((_, i) => outcomes[i % 3]);
    const after = await rates(page);
    expect(after.satisfied).toBe(before.satisfied + good.filter((o) => o === '满意').length);
    expect(after.basically).toBe(before.basically + good.filter((o) => o === '基本满意').length);
    expect(after.unsatisfied).toBe(before.unsatisfied + 1);
    expect(after.callbacks).toBe(before.callbacks + f.topicDemands.length + 1);
    expect(after.satisfaction).toBe(percent(after.satisfied + after.basically, after.callbacks));
    expect(after.satisfaction).not.toBe(before.satisfaction);
    // 不满意 reopened a resolved demand of this year: one fewer resolved, one more reopened.
    expect(after.resolved).toBe(before.resolved - 1);
    expect(after.reasonable).toBe(before.reasonable);
    expect(after.reopenedOpen).toBe(before.reopenedOpen + 1);
    expect(after.resolution).toBe(percent(after.resolved, after.reasonable));
    expect(after.resolution).not.toBe(before.resolution);
    await shot(page, 'callbacks-rates.png');

    // The loop is closed: both tasks are 办结 once every resident they served was satisfied.
    await openNav(page, '办理任务');
    await page.getByRole('button', { name: '已验收/办结' }).click();
    const list = page.getByTestId('task-list');
    for (const title of [companyTask, rightsTask]) {
      await list.locator(':scope > li').filter({ hasText: title }).getByText('已办结').waitFor();
    }
  }, 300_000);
});
