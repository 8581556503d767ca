import { describe, expect, it } from 'vitest';
import { openProfile, screenshot } from './browser';
import { openApp, setupWithDemo } from './app';

describe('the street overview', () => {
  it('is the street office’s first screen, every figure linked to its records', async () => {
    const { page, baseUrl } = await openProfile('overview');
    const uncaught: Error[] = [];
    page.on('pageerror', (error) => uncaught.push(error));
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });
    await page.getByRole('heading', { name: '小关街道总览', level: 1 }).waitFor({ timeout: 60_000 });
    for (const card of [
      'overdue-demands',
      'due-demands',
      'rates',
      'overdue-tasks',
      'due-tasks',
      'callbacks',
      'meetings',
    ])
      await page.getByTestId(`overview-${card}`).waitFor();
    await page.getByTestId('overview-responseRate').waitFor();
    await screenshot(page, 'street-overview.png');
    await page.getByTestId('overview-callbacks').getByRole('button', { name: '打开回访与三率' }).click();
    await page.getByRole('heading', { name: '回访与三率', level: 1 }).waitFor();

    // 未诉先办: three demands about charging at one courtyard make a group on the overview.
    await page.getByRole('button', { name: '诉求登记' }).click();
    await page.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
    const place = page.getByTestId('intake-place');
    await place.click();
    await page.keyboard.type('gyj2hy');
    await page
      .getByRole('option', { name: /高原街2号院/ })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => place.inputValue()).toBe('高原街社区 / 高原街2号院');
    const result = page.getByTestId('intake-result');
    for (const text of CHARGING) {
      await page.getByTestId('intake-description').fill(text);
      await expect.poll(() => page.getByTestId('intake-category').inputValue()).toBe('evCharging');
      await page.keyboard.press('Control+Enter');
      await result
        .filter({ hasText: '已登记' })
        .filter({ hasText: text.slice(0, 8) })
        .waitFor();
    }

    await page.getByRole('button', { name: '总览' }).click();
    const card = page.getByTestId('overview-recurring');
    await card.getByRole('heading', { name: '未诉先办（近 90 天）' }).waitFor();
    const group = card.getByTestId('recurring-group').filter({ hasText: '高原街2号院 · 电动车充电 ·' });
    await group.waitFor();
    const count = Number(/· (\d+) 件/.exec((await group.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    const linkable = Number(/(\d+) 件尚未归入议题/.exec((await group.textContent()) ?? '')?.[1]);
    expect(linkable).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'street-overview-recurring.png');

    await group.getByRole('button', { name: /^建立议题/ }).click();
    const dialog = page.getByRole('dialog');
    const title = dialog.getByLabel('议题名称');
    await expect.poll(() => title.inputValue()).toBe('高原街2号院电动车充电问题（未诉先办）');
    await dialog.getByRole('button', { name: '建立议题' }).click();
    await card.getByText('已建立议题“高原街2号院电动车充电问题（未诉先办）”').waitFor();
    // Every open demand of the group is now in the topic, so the group cannot make another.
    await expect.poll(() => group.getByRole('button', { name: /^建立议题/ }).isDisabled()).toBe(true);
    await group.getByText('这些诉求都已归入议题或已在办理').first().waitFor();

    await card.getByRole('button', { name: '查看议题' }).click();
    const topic = page.getByTestId('topic-row').filter({ hasText: '高原街2号院电动车充电问题（未诉先办）' });
    await topic.getByText(`${linkable} 件诉求`).waitFor();
    await topic.getByRole('button', { name: '详情' }).click();
    const detail = page.getByRole('dialog');
    for (const text of CHARGING) await detail.getByText(text.slice(0, 10)).first().waitFor();
    await screenshot(page, 'street-overview-recurring-topic.png');
    expect(uncaught).toEqual([]);
  });
});

const CHARGING = [
  '3号楼楼下有人私拉飞线给电动车充电，很危险',
  '院里电动车充电桩坏了两个，晚上排队充电',
  '楼道里停着电动车充电，堵住了消防通道',
];
