// Draws the 512×512 app icon (resources/build/icon.png) with a PNG encoder written here, using
// only node:zlib: a red rounded square with a white speech bubble holding three dots — people
// talking things over. electron-builder derives the Windows .ico and Linux sizes from it.
// Usage: node scripts/make-icon.mjs [output.png]
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels (row-major, 4 bytes each) → PNG file bytes; filter 0 on every scanline. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distance to a rounded rectangle centred at (cx, cy): negative inside.
function roundedRect(px, py, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(px - cx) - halfW + radius;
  const qy = Math.abs(py - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

// Signed distance to a triangle (the bubble's tail), after Inigo Quilez.
function triangle(px, py, [a, b, c]) {
  const edges = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let d = Infinity;
  let sign = 1;
  let inside = 0;
  for (const [[x0, y0], [x1, y1]] of edges) {
    const ex = x1 - x0;
    const ey = y1 - y0;
    const wx = px - x0;
    const wy = py - y0;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    if (ex * wy - ey * wx > 0) inside += 1;
  }
  if (inside === 0 || inside === 3) sign = -1;
  return sign * d;
}

const coverage = (distance) => Math.min(Math.max(0.5 - distance, 0), 1);

export function drawIcon(size = 512) {
  const s = size / 512;
  const red = [198, 40, 40];
  const white = [255, 255, 255];
  const pixels = Buffer.alloc(size * size * 4);
  const tail = [
    [190 * s, 330 * s],
    [250 * s, 330 * s],
    [160 * s, 400 * s],
  ];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const px = x + 0.5;
      const py = y + 0.5;
      const tile = coverage(roundedRect(px, py, 256 * s, 256 * s, 240 * s, 240 * s, 96 * s));
      const bubble = Math.max(
        coverage(roundedRect(px, py, 256 * s, 236 * s, 160 * s, 110 * s, 56 * s)),
        coverage(triangle(px, py, tail)),
      );
      const dots = Math.max(
        ...[176, 256, 336].map((cx) => coverage(circle(px, py, cx * s, 236 * s, 26 * s))),
      );
      const whiteAmount = bubble * (1 - dots);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c += 1) {
        pixels[i + c] = Math.round(red[c] * (1 - whiteAmount) + white[c] * whiteAmount);
      }
      pixels[i + 3] = Math.round(tile * 255);
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const output = resolve(process.argv[2] ?? join(repoRoot, 'resources', 'build', 'icon.png'));
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, drawIcon(512));
  console.log(`icon written: ${output}`);
}
