// Where an initial sync spends its time: one run of the app's sync client in Chromium (as in
// benchmark 1) under the DevTools CPU profiler, printed as self time per function, then the limit
// for comparison. Not part of `npm run bench`; for finding what limits the figure.
// Usage: YISHI_BENCH_NOMINIFY=1 npx tsx bench/profile-sync.ts   (N=20000 PAGE=1000 RUNS=1 PROFILE=1)
// The profile is also written to /tmp/yishi-sync.cpuprofile (open it in Chromium's DevTools).

import { writeFileSync } from 'node:fs';
import { openBrowser } from './browser';
import { countDocs, initialSyncSelection, street } from './data';
import { startBenchHub } from './hub';
import { serveBenchPage } from './serve';
import type { BenchApi } from './page/main';

type Profile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
};

function selfTimes(p: Profile): Array<[string, number]> {
  const byNode = new Map<number, number>();
  p.samples?.forEach((id, k) => byNode.set(id, (byNode.get(id) ?? 0) + (p.timeDeltas?.[k] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const n of p.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (byNode.get(n.id) ?? 0) / 1000);
  }
  return [...byFunction].sort((a, b) => b[1] - a[1]);
}

const n = Number(process.env['N'] ?? 20000);
const page = Number(process.env['PAGE'] ?? 1000);
const small = street(1);
const docs = initialSyncSelection(countDocs(small) >= n ? small : street(84), n);
const hub = await startBenchHub({ docs });
const served = await serveBenchPage();
const browser = await openBrowser('profile');
try {
  const device = await hub.enroll('xg', 'street-staff');
  await browser.page.goto(served.url);
  await browser.page.locator('#status', { hasText: 'ready' }).waitFor();
  const target = {
    hubUrl: hub.url,
    token: device.token,
    scope: device.scope,
    hubId: device.hubId,
    expected: n,
    pageSize: page,
  };
  type W = { yishiBench: BenchApi };
  const cdp = await browser.context.newCDPSession(browser.page);
  const profile = process.env['PROFILE'] !== '0';
  for (let i = 0; i < Number(process.env['RUNS'] ?? 1); i += 1) {
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const run = await browser.page.evaluate((t) => (window as unknown as W).yishiBench.rxdbSync(t), target);
    console.log(
      `yishi: ${Math.round(run.docs / (run.ms / 1000))} documents/s, ${Math.round(run.ms)} ms, first 1,000 after ${Math.round(run.firstThousandMs ?? -1)} ms`,
    );
    if (profile) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      writeFileSync('/tmp/yishi-sync.cpuprofile', JSON.stringify(p));
      const times = selfTimes(p);
      console.log(`sampled ${Math.round(times.reduce((a, [, t]) => a + t, 0))} ms; self time, ms:`);
      for (const [name, ms] of times.slice(0, 30)) console.log(String(Math.round(ms)).padStart(7), name);
    }
    const limit = await browser.page.evaluate(
      (t) => (window as unknown as W).yishiBench.dexieLimit(t),
      target,
    );
    console.log(
      `limit: ${Math.round(limit.docs / (limit.ms / 1000))} documents/s, first 1,000 after ${Math.round(limit.firstThousandMs ?? -1)} ms`,
    );
  }
} finally {
  await browser.close();
  await served.close();
  await hub.dispose();
}
