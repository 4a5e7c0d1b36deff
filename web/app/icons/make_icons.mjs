// Draws the parents' app icons (a white house with a lit door on Tadaima blue) and
// writes them as PNG next to this script: icon-192.png, icon-512.png (rounded, purpose
// "any") and icon-maskable-512.png (full bleed, the house inside the 80 % safe zone).
// Run `node web/app/icons/make_icons.mjs` after changing the drawing; the PNGs are
// committed so the build needs nothing but this repository.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const kBlue = [10, 90, 168];
const kWhite = [255, 255, 255];
const kDoor = [242, 169, 0];

/** The colour at (x, y) in the unit square, or null where nothing is drawn. */
function paint(x, y, { maskable }) {
  if (!maskable && !insideRoundedSquare(x, y, 0.19)) return null;
  // The house is drawn in a 0..1 frame, shrunk around the centre for the maskable icon.
  const scale = maskable ? 0.78 : 1;
  const hx = (x - 0.5) / scale + 0.5;
  const hy = (y - 0.5) / scale + 0.5;
  const in_roof = hy >= 0.2 && hy <= 0.5 && Math.abs(hx - 0.5) <= (hy - 0.2) * (0.32 / 0.3);
  const in_body = hx >= 0.27 && hx <= 0.73 && hy >= 0.47 && hy <= 0.8;
  const in_door = hx >= 0.435 && hx <= 0.565 && hy >= 0.6 && hy <= 0.8;
  const in_chimney = hx >= 0.63 && hx <= 0.7 && hy >= 0.25 && hy <= 0.4;
  if (in_door) return kDoor;
  if (in_roof || in_body || in_chimney) return kWhite;
  return kBlue;
}

function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels, each the average of 4×4 samples (smooth edges). */
function draw(size, options) {
  const kSamples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < kSamples; sy++) {
        for (let sx = 0; sx < kSamples; sx++) {
          const c = paint((px + (sx + 0.5) / kSamples) / size, (py + (sy + 0.5) / kSamples) / size, options);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const at = (py * size + px) * 4;
      const n = kSamples * kSamples;
      // Colours are averaged over the covered samples only (straight alpha).
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const kCrcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = kCrcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of size×size pixels. */
function png(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];
for (const icon of icons) {
  writeFileSync(join(here, icon.file), png(icon.size, draw(icon.size, icon)));
  console.log(`wrote ${icon.file}`);
}
