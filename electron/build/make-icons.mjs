// Draws the app icon (three stacked strata on a rounded square) and writes resources/icons/:
// icon.svg, icon.png (512×512, macOS and Windows) and 256x256.png (Linux). One geometry feeds both
// the SVG and the rasterizer, so they match. Pure Node: an RGBA buffer, supersampled, encoded as PNG
// with node:zlib. Run: node electron/build/make-icons.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'resources', 'icons');

// Geometry in a 512×512 design space.
const BACKGROUND = { x: 32, y: 32, size: 448, radius: 96, top: '#1e293b', bottom: '#0f172a' };
const LAYER = { cx: 256, halfWidth: 152, halfHeight: 76 };
/** Bottom to top, as painted. */
const LAYERS = [
  { cy: 316, color: '#0891b2' },
  { cy: 256, color: '#22d3ee' },
  { cy: 196, color: '#a5f3fc' },
];
/** The background-coloured gap around each layer, in design units measured across an edge. */
const GAP = 12;
const HALO_SCALE = 1 + GAP * Math.hypot(1 / LAYER.halfWidth, 1 / LAYER.halfHeight);
const SUBSAMPLES = 4;

function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function mix(a, b, t) {
  return a.map((channel, i) => channel + (b[i] - channel) * t);
}

function backgroundAt(y) {
  const t = Math.min(1, Math.max(0, (y - BACKGROUND.y) / BACKGROUND.size));
  return mix(hexToRgb(BACKGROUND.top), hexToRgb(BACKGROUND.bottom), t);
}

function insideRoundedSquare(x, y) {
  const { x: left, y: top, size, radius } = BACKGROUND;
  if (x < left || y < top || x > left + size || y > top + size) return false;
  const dx = Math.max(left + radius - x, 0, x - (left + size - radius));
  const dy = Math.max(top + radius - y, 0, y - (top + size - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function insideRhombus(x, y, cy, scale) {
  return Math.abs(x - LAYER.cx) / (LAYER.halfWidth * scale) + Math.abs(y - cy) / (LAYER.halfHeight * scale) <= 1;
}

/** The colour at one design-space point, or null where the icon is transparent. */
function colorAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  let color = backgroundAt(y);
  for (const layer of LAYERS) {
    if (insideRhombus(x, y, layer.cy, HALO_SCALE)) color = backgroundAt(y);
    if (insideRhombus(x, y, layer.cy, 1)) color = hexToRgb(layer.color);
  }
  return color;
}

function rasterize(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const unit = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const color = colorAt((px + (sx + 0.5) / SUBSAMPLES) * unit, (py + (sy + 0.5) / SUBSAMPLES) * unit);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((covered / SUBSAMPLES ** 2) * 255);
      }
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = size * 4;
  const scanlines = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) pixels.copy(scanlines, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function rhombusPoints(cy, scale) {
  const w = LAYER.halfWidth * scale;
  const h = LAYER.halfHeight * scale;
  const round = (n) => Number(n.toFixed(2));
  return [
    [LAYER.cx, cy - h],
    [LAYER.cx + w, cy],
    [LAYER.cx, cy + h],
    [LAYER.cx - w, cy],
  ]
    .map(([x, y]) => `${round(x)},${round(y)}`)
    .join(' ');
}

function svg() {
  const { x, y, size, radius, top, bottom } = BACKGROUND;
  const layers = LAYERS.flatMap((layer) => [
    `  <polygon points="${rhombusPoints(layer.cy, HALO_SCALE)}" fill="url(#bg)"/>`,
    `  <polygon points="${rhombusPoints(layer.cy, 1)}" fill="${layer.color}"/>`,
  ]);
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
    '  <title>Strata</title>',
    `  <defs><linearGradient id="bg" x1="0" y1="${y}" x2="0" y2="${y + size}" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>`,
    `  <rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${radius}" fill="url(#bg)"/>`,
    ...layers,
    '</svg>',
    '',
  ].join('\n');
}

await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'icon.svg'), svg());
await writeFile(join(outDir, 'icon.png'), encodePng(512, rasterize(512)));
await writeFile(join(outDir, '256x256.png'), encodePng(256, rasterize(256)));
console.log(`Wrote icon.svg, icon.png (512×512) and 256x256.png to ${outDir}`);
