// Draws the extension's icon, images/icon.png (128×128): a round red classification stamp
// around a shield in the blue, black and white of the Estonian flag. Node built-ins only:
// shapes are tested per pixel on a 4×4 grid of samples (anti-aliasing) and written as an
// RGBA PNG with zlib. Run: node scripts/icon.ts [out.png]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type RGBA = readonly [number, number, number, number];

const SIZE = 128;
const C = 64; // centre
const STAMP_RED: RGBA = [190, 30, 45, 255];
const BLUE: RGBA = [0, 114, 206, 255];
const BLACK: RGBA = [20, 20, 20, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const OUTLINE: RGBA = [40, 40, 40, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Half the shield's width at height y (top 34, flat sides to 66, a rounded point at 100), or -1 outside. */
function shieldHalfWidth(y: number, grow = 0): number {
  const top = 34 - grow;
  const bottom = 100 + grow * 1.4;
  const half = 24 + grow;
  if (y < top || y > bottom) return -1;
  if (y <= 66) return half;
  const t = (y - 66) / (bottom - 66);
  return half * Math.sqrt(1 - t * t);
}

/** The colour of the picture at a point. */
function colourAt(x: number, y: number): RGBA {
  const r = Math.hypot(x - C, y - C);
  // The stamp: a thick outer ring, a thin inner ring, and twelve ticks between them.
  if (r >= 54 && r <= 62) return STAMP_RED;
  if (r >= 46 && r <= 48.5) return STAMP_RED;
  if (r > 48.5 && r < 54) {
    const a = Math.atan2(y - C, x - C);
    const step = Math.PI / 6;
    const off = Math.abs(((a % step) + step) % step - step / 2);
    if (off * r > step / 2 * r - 1.3) return STAMP_RED;
  }
  // The shield, outlined so that its white band shows on a light background.
  const inner = shieldHalfWidth(y);
  if (inner >= 0 && Math.abs(x - C) <= inner) {
    if (y < 56) return BLUE;
    if (y < 78) return BLACK;
    return WHITE;
  }
  const outer = shieldHalfWidth(y, 2.5);
  if (outer >= 0 && Math.abs(x - C) <= outer) return OUTLINE;
  return CLEAR;
}

/** RGBA pixels, each the average of 4×4 samples (colours weighted by alpha). */
function render(): Buffer {
  const px = Buffer.alloc(SIZE * SIZE * 4);
  const n = 4;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const i = (y * SIZE + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a); px[i + 1] = Math.round(g / a); px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? fileURLToPath(new URL('../images/icon.png', import.meta.url));
  writeFileSync(out, encodePng(SIZE, SIZE, render()));
  console.log(`wrote ${out}`);
}
