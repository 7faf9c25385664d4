import { describe, expect, it } from 'vitest';
import { fitShape, type PartialShape } from './fitShape.js';

const W = 100;
const H = 80;

/** A partial shape from predicates: visible region, and what covers the rest. */
function partial(region: (x: number, y: number) => boolean, covered: (x: number, y: number) => boolean): PartialShape {
  const r = new Uint8Array(W * H);
  const c = new Uint8Array(W * H);
  const box = { x0: W, y0: H, x1: -1, y1: -1 };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      c[i] = covered(x, y) ? 1 : 0;
      if (!region(x, y) || c[i]) continue;
      r[i] = 1;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
  }
  const outline: number[] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (!r[i]) continue;
      const out = [i - 1, i + 1, i - W, i + W].some((q) => q < 0 || q >= W * H || (!r[q] && !c[q]));
      if (out) outline.push(x, y);
    }
  }
  return { width: W, height: H, region: r, covered: c, box, outline };
}

const inEllipse = (x: number, y: number): boolean => ((x - 50) / 40) ** 2 + ((y - 40) / 25) ** 2 <= 1;
const inDisc = (x: number, y: number): boolean => Math.hypot(x - 85, y - 55) < 18;

describe('fitShape', () => {
  it('completes an ellipse whose lower right part is covered', () => {
    const mask = fitShape(partial(inEllipse, inDisc));
    expect(mask).toBeDefined();
    expect(mask![60 * W + 75]).toBe(inEllipse(75, 60) ? 1 : 0); // under the disc
    expect(mask![40 * W + 50]).toBe(1);
    expect(mask![5 * W + 5]).toBe(0);
  });

  it('completes a rounded rectangle with a covered corner and keeps its other corners round', () => {
    const rounded = (x: number, y: number): boolean => {
      if (x < 10 || x > 80 || y < 10 || y > 60) return false;
      const dx = Math.max(0, 20 - x, x - 70);
      const dy = Math.max(0, 20 - y, y - 50);
      return dx * dx + dy * dy <= 100;
    };
    const mask = fitShape(partial(rounded, inDisc));
    expect(mask).toBeDefined();
    expect(mask![58 * W + 78]).toBe(0); // outside the rounded corner, under the disc
    expect(mask![50 * W + 75]).toBe(1); // inside the shape, under the disc
    expect(mask![10 * W + 10]).toBe(0);
  });

  it('rejects a region that is no primitive (an L)', () => {
    const ell = (x: number, y: number): boolean => x >= 10 && x < 40 && y >= 10 && y < 70 ? true : x >= 10 && x < 80 && y >= 50 && y < 70;
    expect(fitShape(partial(ell, inDisc))).toBeUndefined();
  });
});
