import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Real photos for a photo field: PNG screenshots of parts of the page (the app compresses them to
 * JPEG on the device as it would a camera's), each a different picture.
 */
export async function attachPhotos(page: Page, scope: Locator, count: number, testId = 'step-photos') {
  const files = [];
  for (let i = 0; i < count; i++) {
    const buffer = await page.screenshot({ clip: { x: 40 * i, y: 20 * i, width: 320, height: 240 } });
    files.push({ name: `现场照片${i + 1}.png`, mimeType: 'image/png', buffer });
  }
  await scope.getByTestId(testId).setInputFiles(files);
  await scope.getByText(`已选 ${count} 张`).waitFor();
}

/** The sha256 of each photo shown as a thumbnail, as the device's database stored its bytes. */
export async function photoDigests(scope: Locator, count: number): Promise<string[]> {
  const thumbnails = scope.locator('img[data-digest]');
  await expect.poll(() => thumbnails.count(), { timeout: 30_000 }).toBe(count);
  return thumbnails.evaluateAll((images) => images.map((img) => img.getAttribute('data-digest') ?? ''));
}
