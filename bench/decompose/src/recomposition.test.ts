import { describe, expect, it } from 'vitest';
import { recomposition } from './recomposition.js';

const image = (pixels: number[][]): { width: number; height: number; data: Uint8ClampedArray } => ({
  width: pixels.length,
  height: 1,
  data: Uint8ClampedArray.from(pixels.flat()),
});

describe('recomposition', () => {
  it('is perfect for equal images', () => {
    const a = image([[10, 20, 30, 255], [0, 0, 0, 0]]);
    expect(recomposition(a, a)).toEqual({ psnr: Infinity, within2: 1, maxError: 0 });
  });

  it('counts pixels off by more than 2 levels and ignores colour under zero alpha', () => {
    const input = image([[10, 20, 30, 255], [50, 50, 50, 255], [1, 2, 3, 0]]);
    const composite = image([[12, 20, 30, 255], [50, 60, 50, 255], [9, 9, 9, 0]]);
    const r = recomposition(composite, input);
    expect(r.maxError).toBe(10);
    expect(r.within2).toBeCloseTo(2 / 3);
    expect(r.psnr).toBeCloseTo(10 * Math.log10((255 * 255) / ((4 + 100) / 12)));
  });
});
