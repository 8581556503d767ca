// Where the intake save spends its time (benchmark 5's local write): the production app in
// Chromium with the demo street, a demand recorded with Ctrl+Enter per run under the DevTools CPU
// profiler, printed as the write's time and the self time per function over all runs. Not part of
// `npm run bench`; for finding what limits the figure.
// Usage: YISHI_BENCH_NOMINIFY=1 npx tsx bench/profile-write.ts   (RUNS=5 PROFILE=1)
// The last profile is also written to /tmp/yishi-write.cpuprofile (open it in Chromium's DevTools).

import { writeFileSync } from 'node:fs';
import { openBrowser } from './browser';
import { openApp, setupStandalone, timeInPage } from './app-page';
import { serveApp } from './serve';
import { quantile } from './stats';

type Profile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
};

function addSelfTimes(p: Profile, into: Map<string, number>): void {
  const byNode = new Map<number, number>();
  p.samples?.forEach((id, k) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas?.[k] ?? 0)));
  for (const n of p.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    into.set(key, (into.get(key) ?? 0) + (byNode.get(n.id) ?? 0) / 1000);
  }
}

const runs = Number(process.env['RUNS'] ?? 5);
const profile = process.env['PROFILE'] !== '0';
const app = await serveApp();
const browser = await openBrowser('profile-write');
const { page } = browser;
try {
  await openApp(page, app.url);
  await setupStandalone(page);
  const cdp = await browser.context.newCDPSession(page);
  const self = new Map<string, number>();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
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
    await page.getByTestId('intake-description').fill(`性能分析：楼道灯不亮 ${run + 1}，请尽快维修。`);
    await page.getByTestId('intake-description').focus();
    // Let the similar-demands scoring (250 ms after typing) settle first, as a person would.
    await page.waitForTimeout(600);
    const before =
      (await page
        .getByTestId('intake-result')
        .textContent()
        .catch(() => null)) ?? '';
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const ms = await timeInPage(
      page,
      {
        action: 'keydown',
        done: `() => { const el = document.querySelector('[data-testid="intake-result"]'); return el !== null && el.textContent !== ${JSON.stringify(before)}; }`,
      },
      () => page.keyboard.press('Control+Enter'),
    );
    times.push(ms);
    console.log(`run ${run + 1}: ${ms.toFixed(1)} ms`, await page.getByTestId('intake-result').textContent());
    if (profile) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      writeFileSync('/tmp/yishi-write.cpuprofile', JSON.stringify(p));
      addSelfTimes(p, self);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`median ${quantile(sorted, 0.5).toFixed(1)} ms over ${runs} runs`);
  if (profile) {
    const all = [...self].sort((a, b) => b[1] - a[1]);
    console.log(`sampled ${Math.round(all.reduce((a, [, t]) => a + t, 0))} ms in all; self time, ms:`);
    for (const [name, ms] of all.slice(0, 40)) console.log(ms.toFixed(1).padStart(8), name);
  }
} finally {
  await browser.close();
  await app.close();
}
