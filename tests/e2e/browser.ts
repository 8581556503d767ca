import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return path;
}

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

export interface Profile {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A fresh browser profile (its own IndexedDB) for one test. Screenshots of every open page are
 * kept in tests/artifacts when the test fails.
 */
export async function openProfile(
  name: string,
  options: {
    /** The computer's time zone, e.g. 'UTC' for a PC never set to Beijing. */
    timezoneId?: string;
    /** Opened in beforeAll and shared by the tests of a file, which closes it in afterAll. */
    shared?: boolean;
  } = {},
): Promise<Profile> {
  const dir = await mkdtemp(join(tmpdir(), `yishi-e2e-${name}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    viewport: { width: 1360, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  let closed = false;
  async function close() {
    if (closed) return;
    closed = true;
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
  if (options.shared) return { context, page, baseUrl: inject('baseUrl'), close };
  // Runs after the test body, before anything else closes the browser: keep what it showed.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await mkdir(ARTIFACTS, { recursive: true });
      const safe = task.name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_').slice(0, 80);
      for (const [i, p] of context.pages().entries()) {
        await p
          .screenshot({ path: join(ARTIFACTS, `FAILED-${name}-${safe}-${i}.png`), fullPage: true })
          .catch(() => undefined);
      }
    }
    await close();
  });
  return { context, page, baseUrl: inject('baseUrl'), close };
}

export async function screenshot(page: Page, file: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, file), fullPage: true });
}
