// Photos (intake, evidence of handling, receipts) are compressed on the device before they are
// stored: a phone photo of 4–8 MB becomes a JPEG of a few hundred KB, which the field laptop keeps
// and later syncs without trouble.

export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_QUALITY = 0.8;

/** Size within `max` on the longer edge, keeping the aspect ratio; never enlarges. */
export function fitWithin(
  width: number,
  height: number,
  max = PHOTO_MAX_EDGE,
): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= max || longer === 0) return { width, height };
  const scale = max / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes (respecting the camera's orientation), scales down and re-encodes as JPEG. */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d context unavailable');
    // JPEG has no transparency: a white ground instead of black for PNG screenshots.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
        'image/jpeg',
        PHOTO_QUALITY,
      ),
    );
  } finally {
    bitmap.close();
  }
}

/** Attachment ids of a set of photos: <prefix>photo-1.jpg, photo-2.jpg … (a demand's have no prefix). */
export function photoAttachmentId(index: number, prefix = ''): string {
  return `${prefix}photo-${index + 1}.jpg`;
}
