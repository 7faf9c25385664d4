import type { BlendMode } from '../types.js';
import type { RgbaImage } from './RgbaImage.js';
import { blendPixel } from './blendChannels.js';

/** A working surface: premultiplied RGBA in 0..1, Float32, the size of the document canvas. */
export interface Canvas {
  width: number;
  height: number;
  data: Float32Array;
}

export function createCanvas(width: number, height: number): Canvas {
  return { width, height, data: new Float32Array(width * height * 4) };
}

const INV255 = 1 / 255;
const mixed = new Float64Array(3);

/** Draws straight-alpha 8-bit `src` with its top-left at (x, y) onto `dst`, W3C source-over with a blend mode. */
export function drawImage(dst: Canvas, src: RgbaImage, x: number, y: number, opacity: number, mode: BlendMode): void {
  const x0 = Math.max(0, x); const y0 = Math.max(0, y);
  const x1 = Math.min(dst.width, x + src.width); const y1 = Math.min(dst.height, y + src.height);
  if (x1 <= x0 || y1 <= y0 || opacity <= 0) return;
  const d = dst.data; const s = src.data;
  for (let py = y0; py < y1; py++) {
    let di = (py * dst.width + x0) * 4;
    let si = ((py - y) * src.width + (x0 - x)) * 4;
    for (let px = x0; px < x1; px++, di += 4, si += 4) {
      const as = (s[si + 3] ?? 0) * INV255 * opacity;
      if (as === 0) continue;
      const sr = (s[si] ?? 0) * INV255; const sg = (s[si + 1] ?? 0) * INV255; const sb = (s[si + 2] ?? 0) * INV255;
      compositePixel(d, di, sr, sg, sb, as, mode);
    }
  }
}

/** Draws a premultiplied canvas (an isolated group) onto `dst` of the same size. */
export function drawCanvas(dst: Canvas, src: Canvas, opacity: number, mode: BlendMode): void {
  if (opacity <= 0) return;
  const d = dst.data; const s = src.data;
  for (let i = 0; i < s.length; i += 4) {
    const a = s[i + 3] ?? 0;
    if (a === 0) continue;
    compositePixel(d, i, (s[i] ?? 0) / a, (s[i + 1] ?? 0) / a, (s[i + 2] ?? 0) / a, a * opacity, mode);
  }
}

function compositePixel(d: Float32Array, di: number, sr: number, sg: number, sb: number, as: number, mode: BlendMode): void {
  const ab = d[di + 3] ?? 0;
  const k = 1 - as;
  if (mode !== 'normal' && ab > 0) {
    const br = (d[di] ?? 0) / ab; const bg = (d[di + 1] ?? 0) / ab; const bb = (d[di + 2] ?? 0) / ab;
    blendPixel(mode, br, bg, bb, sr, sg, sb, mixed);
    sr = (1 - ab) * sr + ab * (mixed[0] ?? 0);
    sg = (1 - ab) * sg + ab * (mixed[1] ?? 0);
    sb = (1 - ab) * sb + ab * (mixed[2] ?? 0);
  }
  d[di] = as * sr + (d[di] ?? 0) * k;
  d[di + 1] = as * sg + (d[di + 1] ?? 0) * k;
  d[di + 2] = as * sb + (d[di + 2] ?? 0) * k;
  d[di + 3] = as + ab * k;
}

/** Converts a premultiplied float canvas to straight 8-bit RGBA (rounded). */
export function canvasToImage(c: Canvas): RgbaImage {
  const out = new Uint8ClampedArray(c.width * c.height * 4);
  const s = c.data;
  for (let i = 0; i < s.length; i += 4) {
    const a = s[i + 3] ?? 0;
    if (a <= 0) continue;
    const inv = 255 / a;
    out[i] = Math.round((s[i] ?? 0) * inv);
    out[i + 1] = Math.round((s[i + 1] ?? 0) * inv);
    out[i + 2] = Math.round((s[i + 2] ?? 0) * inv);
    out[i + 3] = Math.round(a * 255);
  }
  return { width: c.width, height: c.height, data: out };
}
