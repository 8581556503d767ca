import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { generateDemoStreet } from '#resources/demo/index';
import { LedgerSearch, byReceivedDesc, toLedgerRow } from '#shared/domain/ledger/index';
import { buildPlaceTree, pathTo } from '#shared/domain/places/index';
import { initials } from '#shared/domain/text/pinyin';
import { openProfile, screenshot } from './browser';
import { openApp, setupWithDemo } from './app';

describe('the ledger search box', () => {
  it('finds demands by the reporter’s full pinyin and initials, by title words and order numbers', async () => {
    const { page, baseUrl } = await openProfile('ledger-search');
    await openApp(page, baseUrl);
    await setupWithDemo(page, {
      deviceName: '街道办公室电脑',
      kind: '街道办公室',
      home: '小关街道',
      homeQuery: 'xgjd',
    });

    // The same generator with the same seed as the device's demo street: the expected matches
    // are counted here over the same demands.
    const demo = generateDemoStreet({ seed: 1, now: new Date().toISOString(), scale: 1 });
    const tree = buildPlaceTree(demo.places);
    const rows = demo.demands.map(toLedgerRow).sort(byReceivedDesc);
    const search = new LedgerSearch<(typeof rows)[number]>((scope) =>
      pathTo(tree, scope)
        .slice(1)
        .map((p) => p.name)
        .join(' '),
    );
    const expected = (typed: string) => search.filter(rows, typed);
    const reported = demo.demands.find((d) => d.reporterName?.length === 3 && d.source !== 'hotline');
    const hotline = demo.demands.find((d) => d.hotlineOrderNo !== undefined);
    if (!reported?.reporterName || !hotline?.hotlineOrderNo)
      throw new Error('the demo street has no such demands');
    const name = reported.reporterName;
    const fullPinyin = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).join('');

    await page.getByRole('navigation').getByText('需求台账').click();
    await page.getByRole('heading', { name: '需求台账', level: 1 }).waitFor();
    const total = page.getByTestId('ledger-total');
    await expect.poll(() => total.textContent(), { timeout: 60_000 }).toBe(`共 ${rows.length} 条`);
    const box = page.getByRole('searchbox', { name: '搜索' });

    const cases = [fullPinyin, initials(name, 'person'), name, 'dianti', hotline.hotlineOrderNo.slice(-6)];
    for (const typed of cases) {
      const hits = expected(typed);
      expect(hits.length, typed).toBeGreaterThan(0);
      await box.fill(typed);
      await expect
        .poll(() => total.textContent(), { message: typed })
        .toBe(`符合条件 ${hits.length} 条（本地点共 ${rows.length} 条）`);
      // The newest match is on screen, at the top.
      await expect
        .poll(() => page.getByTestId('ledger-row').first().getAttribute('data-id'))
        .toBe(hits[0]?.id);
    }
    // The reporter's demand is among those found by the name's full pinyin.
    await box.fill(fullPinyin);
    expect(expected(fullPinyin).some((r) => r.id === reported.id)).toBe(true);
    await screenshot(page, 'ledger-search.png');

    await box.fill('zzzzqqq');
    await expect.poll(() => total.textContent()).toBe(`符合条件 0 条（本地点共 ${rows.length} 条）`);
    await page.getByText('没有符合条件的诉求').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => total.textContent()).toBe(`共 ${rows.length} 条`);
    expect(await box.inputValue()).toBe('');
  });
});
