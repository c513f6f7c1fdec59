// Draws media/icon.png (128×128, the marketplace icon) with Node alone: the activity-bar motif, a shield
// holding a clock, white on a blue tile. Run `node media/build-icon.mjs` after changing the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

// The shield's outline in unit coordinates: straight top and sides, a curved point at the bottom.
function shieldOutline() {
  const pts = [
    [0.5, 0.12],
    [0.8, 0.22],
    [0.8, 0.5],
  ];
  const bezier = (p0, p1, p2, t) => [0, 1].map((i) => (1 - t) ** 2 * p0[i] + 2 * (1 - t) * t * p1[i] + t * t * p2[i]);
  for (let t = 0.05; t <= 1; t += 0.05) pts.push(bezier([0.8, 0.5], [0.8, 0.76], [0.5, 0.9], t));
  for (let t = 0.05; t <= 1; t += 0.05) pts.push(bezier([0.5, 0.9], [0.2, 0.76], [0.2, 0.5], t));
  pts.push([0.2, 0.22]);
  return pts;
}
const SHIELD = shieldOutline();

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const BLUE_TOP = [0x0b, 0x3d, 0x91];
const BLUE_BOTTOM = [0x15, 0x65, 0xc0];
const WHITE = [0xff, 0xff, 0xff];
const INK = [0x0b, 0x3d, 0x91];
const CLOCK = { cx: 0.5, cy: 0.49, r: 0.165, ring: 0.035 };

/** The colour at a point, or null outside the rounded tile. */
function colourAt(x, y) {
  const corner = 0.18; // rounded tile
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return null;
  const d = Math.hypot(x - CLOCK.cx, y - CLOCK.cy);
  const hand = Math.min(
    distanceToSegment(x, y, [CLOCK.cx, CLOCK.cy], [CLOCK.cx, CLOCK.cy - 0.11]),
    distanceToSegment(x, y, [CLOCK.cx, CLOCK.cy], [CLOCK.cx + 0.075, CLOCK.cy + 0.05]),
  );
  if (Math.abs(d - CLOCK.r) < CLOCK.ring / 2 || hand < 0.018) return INK;
  if (inPolygon(x, y, SHIELD)) return WHITE;
  return BLUE_TOP.map((c, i) => Math.round(c + (BLUE_BOTTOM[i] - c) * y));
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  rows[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++)
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
        if (c) {
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 1;
        }
      }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const n = SAMPLES * SAMPLES;
    if (sum[3]) for (let i = 0; i < 3; i++) rows[o + i] = Math.round(sum[i] / sum[3]);
    rows[o + 3] = Math.round((255 * sum[3]) / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
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
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8;
header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
