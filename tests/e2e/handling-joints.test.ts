import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { generateDemoStreet } from '#resources/demo/index';
import type { HubProcess } from '../integration/sync-support/processes';
import { screenshot } from './browser';
import { enrolledDevice, startSeededHub } from './hub';
import { attachPhotos, photoDigests } from './photos';

// 办督评 at every joint, on two devices of one community through a real hub: a decision with three
// parties; 物业 completes with two photos and is accepted; 产权单位 转交 to a unit from the
// directory, whose own task is completed and accepted; 街道科室 declines and is reassigned to
// another street department, which completes. The topic closes only after the last acceptance,
// the call-backs close the loop, and the photos reach the second device byte for byte.

// Friday 20 November 2026, 10:00 in Beijing: the demo street as it stood then still has a decision
// for 物业 and 产权单位 waiting to be handed out.
const T0 = '2026-11-20T02:00:00.000Z';

let hub: HubProcess;
beforeAll(async () => {
  hub = await startSeededHub({ asOf: T0 });
}, 180_000);
afterAll(async () => {
  await hub?.dispose();
});

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
  const meeting = data.meetings.find((m) => m.id === decision?.meetingId);
  const item = meeting?.agenda.find((a) => a.itemId === decision?.agendaItemId);
  const topic = data.topics.find((t) => t.id === item?.topicId);
  if (!decision || !item || !topic)
    throw new Error('the demo street has no decision for 物业 and 产权单位 left');
  const name = (kind: string) => decision.parties?.find((p) => p.kind === kind)?.name ?? '';
  return {
    title: item.title,
    company: name('propertyCompany'),
    rightsUnit: name('propertyRightsUnit'),
    topic,
  };
}

async function openNav(page: Page, label: string) {
  await page.getByRole('navigation').getByText(label, { exact: true }).click();
  await page.getByRole('heading', { name: label, level: 1 }).waitFor();
}

async function openTask(page: Page, title: string) {
  await openNav(page, '办理任务');
  await page.getByText(title, { exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function submitStep(page: Page, fields: Record<string, string>, photos = 0, choice?: string) {
  const dialog = page.getByRole('dialog');
  if (choice) await dialog.getByLabel(choice, { exact: true }).check();
  for (const [key, value] of Object.entries(fields)) await dialog.getByTestId(`step-${key}`).fill(value);
  if (photos > 0) await attachPhotos(page, dialog, photos);
  await dialog.getByTestId('step-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The one party of a task page takes its share on and finishes it; the worker accepts it. */
async function workAndAccept(page: Page, party: Locator, note: string, photos = 0) {
  await party.getByTestId('party-accept').click();
  await expect.poll(() => party.getByTestId('party-state').textContent()).toBe('办理中');
  await party.getByTestId('party-finish').click();
  await submitStep(page, { note }, photos);
  await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已完成待验收');
  await page.getByRole('button', { name: '验收', exact: true }).click();
  await submitStep(page, { note: '居民代表现场验收合格' }, 0, '验收合格');
  await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已验收');
}

/** Picks the first unit of a kind in the hand-over dialog, gives the reason and confirms. */
async function handOver(page: Page, kind: string, reason: string): Promise<string> {
  const dialog = page.getByTestId('handover-dialog');
  await dialog.getByRole('button', { name: kind, exact: true }).click();
  const first = dialog
    .getByRole('button')
    .filter({ hasText: kind })
    .filter({ hasNotText: '全部类别' })
    .nth(1);
  await first.waitFor();
  const name = ((await first.locator('span').first().textContent()) ?? '').trim();
  await first.click();
  await dialog.getByLabel('理由').fill(reason);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'detached' });
  return name;
}

async function topicStatus(page: Page, scope: string, title: string): Promise<string | null> {
  await page.evaluate((s) => {
    window.location.hash = `/topics/${s}`;
  }, scope);
  const row = page.getByTestId('topic-row').filter({ hasText: title });
  await row.first().waitFor();
  return row.first().getByTestId('topic-status').textContent();
}

describe('办督评 at every joint', () => {
  it('settles three parties through 转交 and 重新交办, closes the topic last and carries the photos to a second device', async () => {
    const f = fixture();
    const hall = await enrolledDevice(hub, '惠新苑社区议事厅电脑', 'xg.hxy', 'community-worker', T0);
    const laptop = await enrolledDevice(hub, '惠新苑社区走访笔记本', 'xg.hxy', 'community-worker', T0);

    // 交办: 物业 and 产权单位 from the decision, a 街道科室 added from the directory: three tasks.
    await openNav(hall, '办理任务');
    await hall
      .getByTestId('pending-item')
      .filter({ hasText: f.title })
      .getByRole('button', { name: '转为办理任务' })
      .click();
    const convert = hall.getByRole('dialog');
    await convert.getByLabel('按名称或拼音首字母查找').fill('城市管理');
    const deptName = '城市管理办公室';
    await convert
      .getByTestId('party-option-streetDept')
      .filter({ hasText: deptName })
      .getByRole('checkbox')
      .check();
    await convert.getByTestId('convert-submit').click();
    await hall.getByText('已交办 3 项任务').waitFor();

    // 物业 finishes with two real photos and is accepted.
    const companyTask = `${f.title}——${f.company}`;
    await openTask(hall, companyTask);
    await workAndAccept(hall, hall.getByTestId('party-propertyCompany'), '楼内公共线路已检修', 2);
    const finished = hall.getByTestId('history-progress').filter({ hasText: '办结' });
    // The hub answers the step with the task as it stored it; the photos stay (or come back from it).
    await expect
      .poll(() => finished.getByTestId('history-photo-count').textContent(), { timeout: 60_000 })
      .toBe('2 张照片');
    const hallDigests = await photoDigests(finished, 2);
    expect(await topicStatus(hall, f.topic.scope, f.topic.title)).not.toBe('已办结');

    // 产权单位 转交 to a 驻区单位 from the directory; that unit's own task is done and accepted.
    await openTask(hall, `${f.title}——${f.rightsUnit}`);
    await hall.getByTestId('party-propertyRightsUnit').getByTestId('party-redirect').click();
    const unit = await handOver(hall, '驻区单位', '楼内线路归驻区单位维护');
    await expect.poll(() => hall.getByTestId('task-status').textContent()).toBe('已转交');
    await openTask(hall, `${f.title}——${unit}`);
    await workAndAccept(
      hall,
      hall.locator('[data-testid^="party-"]').filter({ hasText: unit }),
      '线路已更换',
    );
    expect(await topicStatus(hall, f.topic.scope, f.topic.title)).not.toBe('已办结');

    // 街道科室 declines: the task waits on the board until it is reassigned to another department.
    const deptTask = `${f.title}——${deptName}`;
    await openTask(hall, deptTask);
    await hall.getByTestId('party-streetDept').getByTestId('party-decline').click();
    await submitStep(hall, { reason: '不属于本科室职责' });
    await expect.poll(() => hall.getByTestId('task-status').textContent()).toBe('待重新交办');
    await openNav(hall, '督办');
    await expect.poll(() => hall.getByTestId('bucket-count-returned').textContent()).toBe('1');
    const returned = hall.getByTestId('board-items').locator(':scope > li').filter({ hasText: deptTask });
    await returned.getByTestId('item-bucket-returned').waitFor();
    await returned.getByRole('button', { name: '重新交办', exact: true }).click();
    await hall.getByRole('heading', { name: deptTask, level: 1 }).waitFor();
    await hall.getByTestId('party-streetDept').getByTestId('party-reassign').click();
    const secondDept = await handOver(hall, '街道科室', '由城市管理办公室牵头');
    await openNav(hall, '督办');
    await expect.poll(() => hall.getByTestId('bucket-count-returned').textContent()).toBe('0');
    await openTask(hall, deptTask);
    expect(await topicStatus(hall, f.topic.scope, f.topic.title)).not.toBe('已办结');
    await openTask(hall, deptTask);
    await workAndAccept(
      hall,
      hall.locator('[data-testid="party-streetDept"]').filter({ hasText: secondDept }),
      '已协调完成线路改造',
    );

    // Every share is settled: the topic closes by itself.
    await expect
      .poll(() => topicStatus(hall, f.topic.scope, f.topic.title), { timeout: 20_000 })
      .toBe('已办结');
    await screenshot(hall, 'handling-topic-closed.png');

    // 评: the residents the topic served are called back; the loop is closed.
    await openNav(hall, '回访与三率');
    const waiting = hall.locator(
      f.topic.demandIds.map((id) => `[data-testid="callback-record-${id}"]`).join(','),
    );
    await expect.poll(() => waiting.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    let called = 0;
    for (const id of f.topic.demandIds) {
      const record = hall.getByTestId(`callback-record-${id}`);
      if ((await record.count()) === 0) continue;
      await record.click();
      await submitStep(hall, { note: '电话回访，线路改造后没有再跳闸' }, 0, '满意');
      await hall.getByTestId(`callback-${id}`).waitFor({ state: 'detached' });
      called += 1;
    }
    expect(called).toBeGreaterThan(0);
    await openNav(hall, '办理任务');
    await hall.getByRole('button', { name: '已验收/办结' }).click();
    await hall
      .getByTestId('task-list')
      .locator(':scope > li')
      .filter({ hasText: companyTask })
      .getByText('已办结')
      .waitFor({ timeout: 30_000 });

    // The laptop of the same community holds the 物业's photos, byte for byte, through the hub.
    await openNav(laptop, '办理任务');
    await laptop.getByRole('button', { name: '已验收/办结' }).click();
    await laptop.getByText(companyTask, { exact: true }).click();
    await laptop.getByRole('heading', { name: companyTask, level: 1 }).waitFor();
    const onLaptop = laptop.getByTestId('history-progress').filter({ hasText: '办结' });
    await expect
      .poll(() => onLaptop.getByTestId('history-photo-count').textContent(), { timeout: 90_000 })
      .toBe('2 张照片');
    expect((await photoDigests(onLaptop, 2)).sort()).toEqual([...hallDigests].sort());
    await screenshot(laptop, 'handling-photos-second-device.png');
  }, 600_000);
});
