import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoStreet } from '#resources/demo/index';
import { ARTIFACTS, openProfile, screenshot } from './browser';
import type { Profile } from './browser';
import { openApp, setupWithDemo } from './app';

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

// Friday 20 November 2026, 10:00 in Beijing, as the demo street is generated.
const T0 = '2026-11-20T02:00:00.000Z';

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
  if (!decision || !item) throw new Error('the demo street has no decision for 物业 and 产权单位 left');
  const company = decision.parties?.find((p) => p.kind === 'propertyCompany')?.name ?? '';
  const rightsUnit = decision.parties?.find((p) => p.kind === 'propertyRightsUnit')?.name ?? '';
  return { title: item.title, company, rightsUnit, meetingId: decision.meetingId };
}

async function openNav(page: Page, label: string) {
  await page.getByRole('navigation').getByText(label, { exact: true }).click();
  await page.getByRole('heading', { name: label, level: 1 }).waitFor();
}

async function submitStep(page: Page, fields: Record<string, string>) {
  const dialog = page.getByRole('dialog');
  for (const [key, value] of Object.entries(fields)) await dialog.getByTestId(`step-${key}`).fill(value);
  await dialog.getByTestId('step-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Picks a unit of a kind from the directory in the hand-over dialog and confirms with a reason. */
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
  await expect.poll(() => dialog.getByTestId('handover-picked').textContent()).toBe(`接手单位：${name}`);
  await dialog.getByLabel('理由').fill(reason);
  return name;
}

describe('办: a returned or redirected share never strands the work', () => {
  it('shows a declined task on the board until it is reassigned from the directory; 转交 creates the new unit’s task', async () => {
    const f = fixture();
    profile = await openProfile('handover');
    const { page, baseUrl } = profile;
    await page.clock.install({ time: new Date(T0) });
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '惠新苑社区议事厅电脑',
      kind: '议事厅电脑',
      home: '惠新苑社区',
      homeQuery: 'hxysq',
    });
    await openNav(page, '办理任务');
    const pending = page.getByTestId('pending-item').filter({ hasText: f.title });
    await pending.getByRole('button', { name: '转为办理任务' }).click();
    await page.getByRole('dialog').getByTestId('convert-submit').click();
    await page.getByText('已交办 2 项任务').waitFor();
    const companyTask = `${f.title}——${f.company}`;
    const rightsTask = `${f.title}——${f.rightsUnit}`;

    // 产权单位: 不属于职责. The task is 待重新交办 and heads the 督办 board.
    await page.getByText(rightsTask, { exact: true }).click();
    await page.getByRole('heading', { name: rightsTask, level: 1 }).waitFor();
    const rights = page.getByTestId('party-propertyRightsUnit');
    await rights.getByTestId('party-decline').click();
    await submitStep(page, { reason: '线路不属于产权单位管理范围' });
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('待重新交办');
    await openNav(page, '督办');
    await expect.poll(() => page.getByTestId('bucket-count-returned').textContent()).toBe('1');
    const row = page.getByTestId('board-items').locator(':scope > li').filter({ hasText: rightsTask });
    await row.getByTestId('item-bucket-returned').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'board-returned.png');

    // The worker reassigns the share to a street department picked from the directory.
    await row.getByRole('button', { name: '重新交办', exact: true }).click();
    await page.getByRole('heading', { name: rightsTask, level: 1 }).waitFor();
    await rights.getByTestId('party-reassign').click();
    const dept = await handOver(page, '街道科室', '线路改造由街道城市管理办公室牵头');
    await page.screenshot({ path: `${ARTIFACTS}/reassign-dialog.png` });
    await page.getByTestId('handover-dialog').getByRole('button', { name: '确定' }).click();
    await page.getByTestId('handover-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('party-streetDept').getByText(dept).waitFor();
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已交办');
    await openNav(page, '督办');
    await expect.poll(() => page.getByTestId('bucket-count-returned').textContent()).toBe('0');

    // 物业 转交 to another unit from the directory: that unit's own task exists at once.
    await openNav(page, '办理任务');
    await page.getByText(companyTask, { exact: true }).click();
    await page.getByRole('heading', { name: companyTask, level: 1 }).waitFor();
    await page.getByTestId('party-propertyCompany').getByTestId('party-redirect').click();
    const unit = await handOver(page, '驻区单位', '楼内线路归驻区单位维护');
    await page.getByTestId('handover-dialog').getByRole('button', { name: '确定' }).click();
    await page.getByTestId('handover-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('已转交');
    await openNav(page, '办理任务');
    await page.getByText(`${f.title}——${unit}`, { exact: true }).waitFor();

    // The 公示 of the meeting names each motion beside its result.
    await page.evaluate((id) => {
      window.location.hash = `/meetings/${id}/print/publicNotice`;
    }, f.meetingId);
    await page.getByText('表决事项：“').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'public-notice-motions.png');
  }, 240_000);
});
