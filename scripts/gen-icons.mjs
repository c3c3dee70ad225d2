// Generates the add-in icons (assets/icon-{16,32,64,80,128}.png) without any image library:
// a Fluent-blue rounded tile with a white sheet grid and a check mark, drawn with 4×4 supersampling
// and encoded as RGBA PNG with Node's zlib. Run once; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shape tests in unit coordinates (0..1).
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 16];
function insideRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function colourAt(x, y, size) {
  const small = size <= 16;
  // Check mark badge (bottom right) on top of everything.
  const bx = 0.7, by = 0.7, br = small ? 0.3 : 0.27;
  if ((x - bx) ** 2 + (y - by) ** 2 <= br * br) {
    const w = small ? 0.07 : 0.055;
    const d = Math.min(distToSegment(x, y, 0.57, 0.71, 0.66, 0.8), distToSegment(x, y, 0.66, 0.8, 0.83, 0.6));
    if (d <= w) return [...WHITE, 255];
    if ((x - bx) ** 2 + (y - by) ** 2 >= (br - (small ? 0.05 : 0.035)) ** 2) return [...WHITE, 255];
    return [...GREEN, 255];
  }
  if (!insideRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.16)) return [0, 0, 0, 0];
  // White sheet with grid lines inside the blue tile.
  if (x >= 0.2 && x <= 0.8 && y >= 0.2 && y <= 0.8) {
    const line = small ? 0.06 : 0.035;
    const rows = small ? [0.4, 0.6] : [0.35, 0.5, 0.65];
    const cols = small ? [0.45] : [0.4, 0.6];
    if (y <= 0.2 + (small ? 0.12 : 0.1)) return [...BLUE, 255].map((v, i) => (i < 3 ? Math.round(v * 0.55 + 255 * 0.45) : v));
    for (const r of rows) if (Math.abs(y - r) <= line / 2) return [...BLUE, 255];
    for (const c of cols) if (Math.abs(x - c) <= line / 2) return [...BLUE, 255];
    return [...WHITE, 255];
  }
  return [...BLUE, 255];
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const buf = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, size);
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      const o = (py * size + px) * 4;
      buf[o] = a ? Math.round(r / a) : 0;
      buf[o + 1] = a ? Math.round(g / a) : 0;
      buf[o + 2] = a ? Math.round(b / a) : 0;
      buf[o + 3] = Math.round(a / (S * S));
    }
  writeFileSync(join(OUT, `icon-${size}.png`), encodePng(size, buf));
}
console.log(`icons written to ${OUT}: ${SIZES.join(', ')}`);
