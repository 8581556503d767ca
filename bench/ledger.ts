// Benchmarks 4, 5 and 6 in the app as shipped (production build, Chromium, IndexedDB): a street
// office device enrolled with a hub holding the street with N demands syncs everything through the
// app's own first-run enrollment; then, per run after a page reload, the 需求台账 of the whole
// street is opened, filtered and scrolled, a demand is recorded with the keyboard, and the heap
// is read.

import type { Item } from './data';
import { heapUsedMiB, openBrowser } from './browser';
import { startBenchHub } from './hub';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { openApp, scrollFrames, setupStandalone, timeInPage } from './app-page';
import type { BenchApi } from './page/main';
import { serveApp } from './serve';
import { quantile, summarize } from './stats';
import type { Summary } from './stats';

export interface LedgerOptions {
  docs: readonly Item[];
  runs: number;
  scrollMs: number;
  log?: (line: string) => void;
}

export interface LedgerResult {
  documents: number;
  /** Demands the street ledger lists (the loaded ones and the demo street's own). */
  demands: number;
  /** Writing the documents into the app's database (bulkUpsert through its schemas and encryption). */
  initialSyncSeconds: number;
  openMs: Summary;
  filterMs: Summary;
  /** Typing into the search box (full pinyin, initials, characters), set and cleared; absent in older results. */
  searchMs?: Summary;
  frameP50Ms: Summary;
  frameP95Ms: Summary;
  frameMaxMs: Summary;
  longFramesPct: Summary;
  writeMs: Summary;
  heapMiB: Summary;
  heapBeforeLedgerMiB: Summary;
}

/** What the search measurement types: full pinyin, initials, characters. */
const SEARCHES = ['dianti', 'wxl', '楼道灯'];

const rowsShown = `() => document.querySelector('[data-testid="ledger-row"]') !== null`;

export async function benchLedger(options: LedgerOptions): Promise<LedgerResult> {
  const log = options.log ?? (() => undefined);
  const hub = await startBenchHub({ docs: options.docs });
  const cleanups: Array<() => Promise<void>> = [() => hub.dispose()];
  try {
    const app = await serveApp();
    cleanups.push(() => app.close());
    const browser = await openBrowser('ledger');
    cleanups.push(() => browser.close());
    const { page } = browser;
    await openApp(page, app.url);
    await setupStandalone(page);
    // The volume goes in through the app's own database code from the benchmark page beside the
    // app (same origin, same database, same key); a standalone device runs no sync client that
    // would push it all back to a hub during the measurements.
    const device = await hub.enroll('xg', 'street-staff');
    await page.goto(`${app.url}bench/index.html`);
    await page.locator('#status', { hasText: 'ready' }).waitFor();
    const loaded = await page.evaluate(
      (t) => (window as unknown as { yishiBench: BenchApi }).yishiBench.loadIntoApp(t),
      {
        hubUrl: hub.url,
        token: device.token,
        scope: device.scope,
        hubId: device.hubId,
        expected: options.docs.length,
        pageSize: 2000,
        databaseName: 'yishi',
        collections: [...COLLECTION_NAMES],
      },
    );
    if (loaded.docs !== options.docs.length)
      throw new Error(`loaded ${loaded.docs} of ${options.docs.length}`);
    const initialSyncSeconds = loaded.ms / 1000;
    log(`  ${loaded.docs} documents written into the app's database in ${initialSyncSeconds.toFixed(1)} s`);

    const open: number[] = [];
    const filter: number[] = [];
    const search: number[] = [];
    const p50: number[] = [];
    const p95: number[] = [];
    const max: number[] = [];
    const long: number[] = [];
    const write: number[] = [];
    const heap: number[] = [];
    const heapBefore: number[] = [];
    let totalText = '';
    let ledgerDemands = 0;
    for (let run = 0; run < options.runs; run += 1) {
      // A fresh page each run: nothing cached in memory, the ledger's query reads IndexedDB. (Going
      // from one hash route to another would be a same-document navigation, not a reload.)
      await page.goto('about:blank');
      await openApp(page, app.url, '/device');
      await page.locator('main').waitFor();
      heapBefore.push(await heapUsedMiB(page));

      open.push(await timeInPage(page, { action: 'hash', hash: '#/demands/xg', done: rowsShown }));
      await page
        .getByTestId('ledger-total')
        .filter({ hasText: /^共 \d+ 条$/ })
        .waitFor();
      totalText = (await page.getByTestId('ledger-total').textContent()) ?? '';
      ledgerDemands = Number(/\d+/.exec(totalText)?.[0]);

      const dateFrom = page.getByTestId('filter-from');
      const filtered = `() => document.querySelector('[data-testid="ledger-total"]')?.textContent?.startsWith('符合条件') === true`;
      const unfiltered = `() => document.querySelector('[data-testid="ledger-total"]')?.textContent === '${totalText}'`;
      filter.push(
        await timeInPage(page, { action: 'input', done: filtered }, () =>
          dateFrom.fill(`${new Date().getUTCFullYear()}-06-01`),
        ),
      );
      filter.push(await timeInPage(page, { action: 'input', done: unfiltered }, () => dateFrom.fill('')));

      // The search box: full pinyin of a title word, a reporter's initials, characters.
      const box = page.getByTestId('ledger-search');
      for (const typed of SEARCHES) {
        search.push(await timeInPage(page, { action: 'input', done: filtered }, () => box.fill(typed)));
        search.push(await timeInPage(page, { action: 'input', done: unfiltered }, () => box.fill('')));
      }

      const frames = (await scrollFrames(page, 600, options.scrollMs)).sort((a, b) => a - b);
      p50.push(quantile(frames, 0.5));
      p95.push(quantile(frames, 0.95));
      max.push(frames.at(-1) ?? NaN);
      long.push((100 * frames.filter((f) => f > 50).length) / Math.max(1, frames.length));
      heap.push(await heapUsedMiB(page));

      await page.evaluate(() => (location.hash = '#/intake'));
      await page.getByRole('heading', { name: '诉求登记', level: 1 }).waitFor();
      const place = page.getByTestId('intake-place');
      await place.click();
      await page.keyboard.type('gyj2hy');
      await page
        .getByRole('option', { name: /高原街2号院/ })
        .first()
        .waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('intake-description').fill(`基准测试：楼道灯不亮 ${run + 1}，请尽快维修。`);
      await page.getByTestId('intake-description').focus();
      const before =
        (await page
          .getByTestId('intake-result')
          .textContent()
          .catch(() => null)) ?? '';
      write.push(
        await timeInPage(
          page,
          {
            action: 'keydown',
            done: `() => { const el = document.querySelector('[data-testid="intake-result"]'); return el !== null && el.textContent !== ${JSON.stringify(before)}; }`,
          },
          () => page.keyboard.press('Control+Enter'),
        ),
      );
      log(
        `  run ${run + 1}: ledger open ${open.at(-1)!.toFixed(0)} ms, filter ${filter.at(-2)!.toFixed(0)}/${filter.at(-1)!.toFixed(0)} ms, search ${search
          .slice(-2 * SEARCHES.length)
          .map((ms) => ms.toFixed(0))
          .join(
            '/',
          )} ms, frames p95 ${p95.at(-1)!.toFixed(1)} ms, write ${write.at(-1)!.toFixed(1)} ms, heap ${heap.at(-1)!.toFixed(0)} MiB`,
      );
    }
    return {
      documents: options.docs.length,
      demands: ledgerDemands,
      initialSyncSeconds,
      openMs: summarize(open),
      filterMs: summarize(filter),
      searchMs: summarize(search),
      frameP50Ms: summarize(p50),
      frameP95Ms: summarize(p95),
      frameMaxMs: summarize(max),
      longFramesPct: summarize(long),
      writeMs: summarize(write),
      heapMiB: summarize(heap),
      heapBeforeLedgerMiB: summarize(heapBefore),
    };
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}
