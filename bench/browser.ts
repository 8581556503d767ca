// Headless Chromium for the benchmarks (Debian's, through playwright-core), one fresh profile
// folder per use, plus the JavaScript heap as Chromium's DevTools protocol reports it.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(name: string): Promise<BenchBrowser> {
  const dir = await mkdtemp(join(tmpdir(), `yishi-bench-${name}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1360, height: 900 },
    // The app's service worker answers every navigation with the app shell (navigateFallback),
    // which would also swallow the benchmark page served beside the app; the desktop app has no
    // service worker either, and the earlier runs were measured without one.
    serviceWorkers: 'block',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // performance.memory with exact (not bucketed) figures.
      '--enable-precise-memory-info',
    ],
  });
  // tsx compiles page functions with esbuild's keepNames, which calls a helper the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** JSHeapUsedSize after a full garbage collection, in MiB. */
export async function heapUsedMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    return used / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}
