// Driving the real app (production build) in the benchmark browser: unlock, first-run enrollment
// with the hub, and in-page timers that stop at the frame after the DOM shows what was awaited.

import type { Page } from 'playwright-core';

export const PASSPHRASE = 'yishi-bench-passphrase';

/** Opens the app at `route`; sets or enters the passphrase when the gate asks for it. */
export async function openApp(page: Page, baseUrl: string, route = '/'): Promise<void> {
  await page.goto(`${baseUrl}#${route}`);
  const gate = page.getByTestId('passphrase');
  await gate.or(page.locator('main, [data-testid="device-name-input"]')).first().waitFor();
  if (await gate.isVisible()) {
    await gate.fill(PASSPHRASE);
    const repeat = page.getByTestId('passphrase-repeat');
    if (await repeat.isVisible()) await repeat.fill(PASSPHRASE);
    await page.getByRole('button', { name: '打开' }).click();
  }
}

/** First run of a standalone street-office device with the demo street (no hub, no sync client). */
export async function setupStandalone(page: Page): Promise<void> {
  await page.getByTestId('device-name-input').fill('街道办公室电脑');
  await page.getByLabel('街道办公室', { exact: false }).check();
  await page.getByRole('button', { name: '加载示例街道' }).click();
  await page.getByText(/示例街道已加载/).waitFor({ timeout: 300_000 });
  await page.getByTestId('home-place-input').fill('xgjd');
  await page
    .getByRole('option', { name: /小关街道/ })
    .first()
    .click();
  await page.getByRole('button', { name: '完成设置', exact: true }).click();
  await page.locator('main').waitFor();
}

/** First run as a street office rolls a device out: a name, the hub and a one-time code; then a full sync. */
export async function enrollAndSync(
  page: Page,
  hubUrl: string,
  code: string,
  timeoutMs: number,
): Promise<void> {
  await page.getByTestId('device-name-input').fill('街道办公室电脑');
  await page.getByTestId('setup-hub-url').fill(hubUrl);
  await page.getByTestId('setup-hub-code').fill(code);
  await page.getByRole('button', { name: '连接并完成设置' }).click();
  await page.locator('main').waitFor();
  await waitSynced(page, timeoutMs);
}

export async function waitSynced(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="sync-state"]')?.textContent === '已同步',
    undefined,
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * Starts an in-page stopwatch: `start` runs in the page (it does the action or arms a listener that
 * stamps the start), and the watch stops at the first animation frame after `done()` holds on a DOM
 * mutation. Resolves with the milliseconds between the two.
 */
export async function timeInPage(
  page: Page,
  options: { action: 'hash' | 'input' | 'keydown'; hash?: string; done: string; timeoutMs?: number },
  act: () => Promise<void> = async () => undefined,
): Promise<number> {
  await page.evaluate(
    ({ action, hash, done, timeoutMs }) => {
      const w = window as unknown as { __benchTimer: Promise<number> };
      const check = new Function(`return (${done})();`) as () => boolean;
      let started: number | null = null;
      w.__benchTimer = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${done}`)), timeoutMs);
        const finish = () => {
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve(performance.now() - (started ?? performance.now()));
          });
        };
        const observer = new MutationObserver(() => {
          if (started !== null && check()) finish();
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        if (action === 'hash') {
          started = performance.now();
          location.hash = hash ?? '#/';
        } else {
          document.addEventListener(action, () => (started ??= performance.now()), {
            capture: true,
            once: true,
          });
        }
      });
    },
    {
      action: options.action,
      hash: options.hash,
      done: options.done,
      timeoutMs: options.timeoutMs ?? 120_000,
    },
  );
  await act();
  return page.evaluate(() => (window as unknown as { __benchTimer: Promise<number> }).__benchTimer);
}

/** Frame intervals while the ledger scrolls by `pxPerFrame` for `ms` milliseconds. */
export function scrollFrames(page: Page, pxPerFrame: number, ms: number): Promise<number[]> {
  return page.evaluate(
    ({ pxPerFrame, ms }) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector('[data-testid="ledger-scroll"]') as HTMLElement;
        el.scrollTop = 0;
        const frames: number[] = [];
        const start = performance.now();
        let last = start;
        let direction = 1;
        const step = (t: number) => {
          frames.push(t - last);
          last = t;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) direction = -1;
          if (el.scrollTop <= 0) direction = 1;
          el.scrollTop += direction * pxPerFrame;
          if (t - start < ms) requestAnimationFrame(step);
          else resolve(frames.slice(1));
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(step);
        });
      }),
    { pxPerFrame, ms },
  );
}
