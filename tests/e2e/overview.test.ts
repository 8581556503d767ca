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
    expect(uncaught).toEqual([]);
  });
});
