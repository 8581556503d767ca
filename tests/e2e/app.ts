import type { Page } from 'playwright-core';

export const PASSPHRASE = 'yishi-e2e-passphrase';

/** Opens the app; on a fresh profile sets the passphrase, on a known one unlocks if asked. */
export async function openApp(page: Page, baseUrl: string, route = '/'): Promise<void> {
  await page.goto(`${baseUrl}#${route}`);
  const gate = page.getByTestId('passphrase');
  const ready = page.locator('main, [data-testid="device-name-input"]');
  await gate.or(ready).first().waitFor();
  if (await gate.isVisible()) {
    await gate.fill(PASSPHRASE);
    const repeat = page.getByTestId('passphrase-repeat');
    if (await repeat.isVisible()) await repeat.fill(PASSPHRASE);
    await page.getByRole('button', { name: '打开' }).click();
  }
}

/** First-run setup with the demo street, as a person would do it. */
export async function setupWithDemo(
  page: Page,
  options: {
    deviceName: string;
    kind: '议事厅电脑' | '入户走访笔记本' | '街道办公室';
    home: string;
    homeQuery: string;
  },
): Promise<void> {
  await page.getByTestId('device-name-input').fill(options.deviceName);
  await page.getByLabel(options.kind, { exact: false }).check();
  await page.getByRole('button', { name: '加载示例街道' }).click();
  await page.getByText(/示例街道已加载/).waitFor({ timeout: 120_000 });
  await page.getByTestId('home-place-input').fill(options.homeQuery);
  await page
    .getByRole('option', { name: new RegExp(options.home) })
    .first()
    .click();
  await page.getByRole('button', { name: '完成设置', exact: true }).click();
  await page.locator('main').waitFor();
}
