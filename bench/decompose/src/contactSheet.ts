import sharp from 'sharp';
import type { LayerSet } from './layerSet.js';
import type { Rgba } from './rgba.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The layer over a grey checkerboard, opaque, as image editors show transparency. */
export function onCheckerboard(img: Rgba, cell = 16): Rgba {
  const out = new Uint8ClampedArray(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const bg = ((x / cell) ^ (y / cell)) & 1 ? 204 : 255;
      const a = img.data[i + 3]! / 255;
      for (let c = 0; c < 3; c++) out[i + c] = img.data[i + c]! * a + bg * (1 - a);
      out[i + 3] = 255;
    }
  }
  return { width: img.width, height: img.height, data: out };
}

async function thumb(img: Rgba, h: number, label: string): Promise<{ buf: Buffer; w: number }> {
  const w = Math.max(1, Math.round((img.width * h) / img.height));
  const base = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(w, h)
    .png()
    .toBuffer();
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="22"><rect width="100%" height="100%" fill="#000" fill-opacity="0.65"/><text x="4" y="16" font-family="DejaVu Sans" font-size="13" fill="#fff">${esc(label.slice(0, Math.floor(w / 7.5)))}</text></svg>`;
  const buf = await sharp(base).composite([{ input: Buffer.from(text), top: h - 22, left: 0 }]).png().toBuffer();
  return { buf, w };
}

/** input | each predicted layer on a checkerboard (row 1); the ground-truth layers (row 2). */
export async function contactSheet(input: Rgba, pred: LayerSet, gt: LayerSet, path: string, title: string, h = 200): Promise<void> {
  const gap = 6;
  const rows: { buf: Buffer; w: number }[][] = [
    [await thumb(input, h, `input ${title}`), ...(await Promise.all(pred.layers.map((l, i) => thumb(onCheckerboard(l.rgba), h, `pred ${i} ${l.kind}${l.text ? ` "${l.text}"` : ''}`))))],
    [await thumb(input, h, 'ground truth:'), ...(await Promise.all(gt.layers.map((l, i) => thumb(onCheckerboard(l.rgba), h, `gt ${i} ${l.kind}${l.text ? ` "${l.text}"` : ''}`))))],
  ];
  const width = Math.max(...rows.map((r) => r.reduce((a, t) => a + t.w + gap, gap)));
  const height = rows.length * (h + gap) + gap;
  const composites = rows.flatMap((r, ri) => {
    let x = gap;
    return r.map((t) => {
      const c = { input: t.buf, left: x, top: gap + ri * (h + gap) };
      x += t.w + gap;
      return c;
    });
  });
  await sharp({ create: { width, height, channels: 3, background: '#30343a' } }).composite(composites).png().toFile(path);
}
