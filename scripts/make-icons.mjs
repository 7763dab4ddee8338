// Draws the toolbar icon (a warm porch light over a parcel) as PNGs into public/icon/.
// Run once when the design changes: `node scripts/make-icons.mjs`. No image library needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const bg = [31, 41, 55];
function pixel(u, v) {
  // rounded square background
  const r = 0.18, dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0), dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
  // glow of the light
  const d = Math.hypot(u - 0.5, v - 0.3);
  if (d < 0.13) return [255, 200, 70, 255];
  // parcel
  if (u > 0.27 && u < 0.73 && v > 0.52 && v < 0.84) {
    if (Math.abs(u - 0.5) < 0.04 || Math.abs(v - 0.6) < 0.025) return [120, 78, 40, 255];
    return [196, 140, 82, 255];
  }
  if (d < 0.3) { const t = 1 - d / 0.3; return [Math.round(bg[0] + (255 - bg[0]) * t * 0.35), Math.round(bg[1] + (200 - bg[1]) * t * 0.35), Math.round(bg[2] + (70 - bg[2]) * t * 0.35), 255]; }
  return [...bg, 255];
}
mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icon/${s}.png`, png(s, pixel));
console.log('icons written');
