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

/** The sha256 of each photo shown in a list of thumbnails, as the page holds the bytes. */
export function photoDigests(scope: Locator): Promise<string[]> {
  return scope.locator('img').evaluateAll(async (images) => {
    const out: string[] = [];
    for (const img of images as HTMLImageElement[]) {
      const bytes = await (await fetch(img.src)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      out.push([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
    return out;
  });
}
