import { describe, expect, it } from 'vitest';
import { generateDemoStreet, demoCounts } from '#resources/demo/index';
import { openProfile, screenshot } from './browser';
import { openApp, setupWithDemo } from './app';

describe('the demo street', () => {
  it('loads from the first-run screen and the device screen shows its counts', async () => {
    const { page, baseUrl } = await openProfile('demo');
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '高原街社区议事厅电脑',
      kind: '议事厅电脑',
      home: '高原街社区',
      homeQuery: 'gyj',
    });
    await page.getByRole('navigation').getByText('设备与数据').click();
    await page.getByRole('heading', { name: '设备与数据', level: 1 }).waitFor();

    // The same generator with the same seed: the counts the device shows are the real ones.
    const expected = demoCounts(generateDemoStreet({ seed: 1, now: new Date().toISOString(), scale: 1 }));
    for (const name of ['places', 'people', 'organizations', 'demands', 'meetings'] as const) {
      await expect
        .poll(async () => Number((await page.getByTestId(`count-${name}`).textContent())?.replace(/,/g, '')))
        .toBe(expected[name]);
    }
    await expect.poll(() => page.getByTestId('home-place').textContent()).toBe('小关街道 / 高原街社区');
    await screenshot(page, 'demo-device-counts.png');
  });
});
