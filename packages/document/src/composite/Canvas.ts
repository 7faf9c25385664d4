import type { BlendMode } from '../types.js';
import type { RgbaImage } from './RgbaImage.js';
import { blendPixel, separableBlend } from './blendChannels.js';

/**
 * A working surface: premultiplied RGBA in 0..1 (Float32) covering the document rectangle
 * (x, y, width, height) — the whole canvas for the root, the children's bounds for a group.
 */
export interface Canvas {
  x: number;
  y: number;
  width: number;
  height: number;
  data: Float32Array;
}

export function createCanvas(x: number, y: number, width: number, height: number): Canvas {
  return { x, y, width, height, data: new Float32Array(width * height * 4) };
}

const INV255 = 1 / 255;
const mixed = new Float64Array(3);

/** Draws straight-alpha 8-bit `src` with its top-left at document (x, y) onto `dst` (W3C source-over with a blend mode). */
export function drawImage(dst: Canvas, src: RgbaImage, x: number, y: number, opacity: number, mode: BlendMode): void {
  const lx = x - dst.x; const ly = y - dst.y;
  const x0 = Math.max(0, lx); const y0 = Math.max(0, ly);
  const x1 = Math.min(dst.width, lx + src.width); const y1 = Math.min(dst.height, ly + src.height);
  if (x1 <= x0 || y1 <= y0 || opacity <= 0) return;
  const d = dst.data; const s = src.data;
  const scale = INV255 * opacity;
  const f = mode === 'normal' ? null : separableBlend(mode);
  for (let py = y0; py < y1; py++) {
    let di = (py * dst.width + x0) * 4;
    let si = ((py - ly) * src.width + (x0 - lx)) * 4;
    for (let px = x0; px < x1; px++, di += 4, si += 4) {
      const a8 = s[si + 3]!;
      if (a8 === 0) continue;
      const as = a8 * scale;
      const sr = s[si]! * INV255; const sg = s[si + 1]! * INV255; const sb = s[si + 2]! * INV255;
      if (mode === 'normal') {
        if (as === 1) {
          d[di] = sr; d[di + 1] = sg; d[di + 2] = sb; d[di + 3] = 1;
        } else {
          const k = 1 - as;
          d[di] = as * sr + d[di]! * k; d[di + 1] = as * sg + d[di + 1]! * k; d[di + 2] = as * sb + d[di + 2]! * k;
          d[di + 3] = as + d[di + 3]! * k;
        }
      } else if (f) {
        // separable blend, inlined: Cs' = (1 - ab) Cs + ab B(Cb, Cs), then source-over
        const ab = d[di + 3]!;
        const k = 1 - as;
        let r = sr; let g = sg; let b = sb;
        if (ab > 0) {
          const inv = 1 / ab;
          r = (1 - ab) * sr + ab * f(d[di]! * inv, sr);
          g = (1 - ab) * sg + ab * f(d[di + 1]! * inv, sg);
          b = (1 - ab) * sb + ab * f(d[di + 2]! * inv, sb);
        }
        d[di] = as * r + d[di]! * k; d[di + 1] = as * g + d[di + 1]! * k; d[di + 2] = as * b + d[di + 2]! * k;
        d[di + 3] = as + ab * k;
      } else {
        compositePixel(d, di, sr, sg, sb, as, mode);
      }
    }
  }
}

/** Draws a premultiplied canvas (an isolated group) onto `dst`, both positioned in document coordinates. */
export function drawCanvas(dst: Canvas, src: Canvas, opacity: number, mode: BlendMode): void {
  if (opacity <= 0) return;
  const lx = src.x - dst.x; const ly = src.y - dst.y;
  const x0 = Math.max(0, lx); const y0 = Math.max(0, ly);
  const x1 = Math.min(dst.width, lx + src.width); const y1 = Math.min(dst.height, ly + src.height);
  const d = dst.data; const s = src.data;
  for (let py = y0; py < y1; py++) {
    let di = (py * dst.width + x0) * 4;
    let si = ((py - ly) * src.width + (x0 - lx)) * 4;
    for (let px = x0; px < x1; px++, di += 4, si += 4) {
      const a = s[si + 3]!;
      if (a === 0) continue;
      const as = a * opacity;
      if (mode === 'normal') {
        const k = 1 - as;
        d[di] = s[si]! * opacity + d[di]! * k; d[di + 1] = s[si + 1]! * opacity + d[di + 1]! * k;
        d[di + 2] = s[si + 2]! * opacity + d[di + 2]! * k; d[di + 3] = as + d[di + 3]! * k;
      } else {
        compositePixel(d, di, s[si]! / a, s[si + 1]! / a, s[si + 2]! / a, as, mode);
      }
    }
  }
}

function compositePixel(d: Float32Array, di: number, sr: number, sg: number, sb: number, as: number, mode: BlendMode): void {
  const ab = d[di + 3]!;
  const k = 1 - as;
  if (ab > 0) {
    blendPixel(mode, d[di]! / ab, d[di + 1]! / ab, d[di + 2]! / ab, sr, sg, sb, mixed);
    sr = (1 - ab) * sr + ab * mixed[0]!;
    sg = (1 - ab) * sg + ab * mixed[1]!;
    sb = (1 - ab) * sb + ab * mixed[2]!;
  }
  d[di] = as * sr + d[di]! * k;
  d[di + 1] = as * sg + d[di + 1]! * k;
  d[di + 2] = as * sb + d[di + 2]! * k;
  d[di + 3] = as + ab * k;
}

/** Converts a premultiplied float canvas to straight 8-bit RGBA (rounded). */
export function canvasToImage(c: Canvas): RgbaImage {
  const out = new Uint8ClampedArray(c.width * c.height * 4);
  const s = c.data;
  for (let i = 0; i < s.length; i += 4) {
    const a = s[i + 3]!;
    if (a <= 0) continue;
    const inv = 255 / a;
    out[i] = Math.round(s[i]! * inv);
    out[i + 1] = Math.round(s[i + 1]! * inv);
    out[i + 2] = Math.round(s[i + 2]! * inv);
    out[i + 3] = Math.round(a * 255);
  }
  return { width: c.width, height: c.height, data: out };
}
