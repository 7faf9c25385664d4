import type { RgbaImage } from '../image.js';

/** A flat-colour region: its label, its pixels in the order the fill reached them, and its box (inclusive). */
export interface ColourRegion {
  label: number;
  cells: Int32Array;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The 4-connected flat-colour regions of `image`: a pixel joins a region when its colour is within `step` of the
 * neighbour it is reached from and within `span` of the region's first pixel (sums of |ΔR| + |ΔG| + |ΔB|). With
 * `mask`, only its pixels take part (the others get label 0). Labels are 1-based, in scan order of the first pixels.
 */
export function colourRegions(
  image: RgbaImage,
  step: number,
  span: number,
  mask?: Uint8Array,
): { labels: Int32Array; regions: ColourRegion[] } {
  const { width: w, height: h, data } = image;
  const n = w * h;
  const labels = new Int32Array(n);
  const stack = new Int32Array(n);
  const order = new Int32Array(n);
  const regions: ColourRegion[] = [];
  const diff = (p: number, q: number): number =>
    Math.abs(data[p * 4]! - data[q * 4]!) + Math.abs(data[p * 4 + 1]! - data[q * 4 + 1]!) + Math.abs(data[p * 4 + 2]! - data[q * 4 + 2]!);
  // declared once, outside the loops (a closure per region costs time in this hot fill)
  let seed = 0;
  let label = 0;
  let top = 0;
  const visit = (p: number, q: number): void => {
    if (labels[q] || (mask && !mask[q]) || diff(p, q) > step || diff(seed, q) > span) return;
    labels[q] = label;
    stack[top++] = q;
  };
  for (seed = 0; seed < n; seed++) {
    if (labels[seed] || (mask && !mask[seed])) continue;
    label = regions.length + 1;
    labels[seed] = label;
    top = 0;
    stack[top++] = seed;
    let size = 0;
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    while (top > 0) {
      const p = stack[--top]!;
      order[size++] = p;
      const x = p % w;
      const y = (p - x) / w;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      if (x > 0) visit(p, p - 1);
      if (x < w - 1) visit(p, p + 1);
      if (y > 0) visit(p, p - w);
      if (y < h - 1) visit(p, p + w);
    }
    regions.push({ label, cells: order.slice(0, size), x0, y0, x1, y1 });
  }
  return { labels, regions };
}
