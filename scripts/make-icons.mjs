// Draws the app's icons as PNGs with nothing but zlib: the tray's four states (16 px and @2x 32 px)
// and the 512 px app icon electron-builder turns into the installer's and the window's icon.
// Run `node scripts/make-icons.mjs` after changing a colour; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');

/** State colours: green serving, grey stopped, red failed, amber serving without the loyalty programme. */
const TRAY_STATES = {
  running: [46, 160, 67],
  stopped: [128, 128, 128],
  error: [207, 34, 46],
  offline: [219, 139, 0],
};
const BRAND = [94, 53, 177];
const WHITE = [255, 255, 255];

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How much of a pixel a shape covers, from 4×4 samples: smooth edges at 16 px. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
  return hits / 16;
}

/** Paints layers (shape + colour) bottom to top onto a transparent square. */
function draw(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { inside, colour } of layers) {
        const alpha = coverage(x, y, inside);
        if (alpha === 0) continue;
        const outA = alpha + a * (1 - alpha);
        r = (colour[0] * alpha + r * a * (1 - alpha)) / outA;
        g = (colour[1] * alpha + g * a * (1 - alpha)) / outA;
        b = (colour[2] * alpha + b * a * (1 - alpha)) / outA;
        a = outA;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * size + x) * 4);
    }
  }
  return png(size, rgba);
}

const disc = (cx, cy, radius) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
const ring = (cx, cy, outer, inner) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d <= outer ** 2 && d >= inner ** 2;
};

/** A "G" for GetMeBack: a ring open at the upper right, with its bar. */
function letterG(cx, cy, outer, inner) {
  const round = ring(cx, cy, outer, inner);
  return (x, y) => {
    const angle = Math.atan2(cy - y, x - cx);
    const open = angle > -0.05 && angle < 0.9;
    const bar = y >= cy - (outer - inner) / 2 && y <= cy + (outer - inner) / 2 && x >= cx && x <= cx + outer;
    return (round(x, y) && !open) || bar;
  };
}

function trayIcon(size, colour) {
  const c = size / 2;
  return draw(size, [
    { inside: disc(c, c, size * 0.47), colour },
    { inside: letterG(c, c, size * 0.3, size * 0.17), colour: WHITE },
  ]);
}

function appIcon(size) {
  const corner = size * 0.18;
  const roundedSquare = (x, y) => {
    const dx = Math.max(corner - x, 0, x - (size - corner));
    const dy = Math.max(corner - y, 0, y - (size - corner));
    return dx * dx + dy * dy <= corner * corner;
  };
  const c = size / 2;
  return draw(size, [
    { inside: roundedSquare, colour: BRAND },
    { inside: letterG(c, c, size * 0.32, size * 0.2), colour: WHITE },
    { inside: disc(size * 0.78, size * 0.78, size * 0.11), colour: TRAY_STATES.running },
  ]);
}

mkdirSync(path.join(assets, 'tray'), { recursive: true });
for (const [state, colour] of Object.entries(TRAY_STATES)) {
  writeFileSync(path.join(assets, 'tray', `${state}.png`), trayIcon(16, colour));
  writeFileSync(path.join(assets, 'tray', `${state}@2x.png`), trayIcon(32, colour));
}
writeFileSync(path.join(assets, 'icon.png'), appIcon(512));
console.log(`icons written to ${assets}`);
