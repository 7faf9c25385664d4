import { describe, expect, it } from 'vitest';
import { createImage, createMatte } from '../image.js';
import { boxMean, guidedFilter } from './guidedFilter.js';
import { refineMatte } from './refineMatte.js';
import { resample } from './resize.js';

describe('boxMean', () => {
  it('averages over the clipped window', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const out = boxMean(src, 3, 3, 1);
    expect(out[4]).toBeCloseTo(5);
    expect(out[0]).toBeCloseTo((1 + 2 + 4 + 5) / 4);
  });
});

describe('resample', () => {
  it('keeps a constant constant and averages when shrinking', () => {
    expect([...resample(new Float32Array(16).fill(3), 4, 4, 1, 7, 5)].every((v) => Math.abs(v - 3) < 1e-5)).toBe(true);
    const shrunk = resample(Float32Array.from([0, 1, 0, 1]), 4, 1, 1, 2, 1);
    expect([...shrunk]).toEqual([0.5, 0.5]);
  });
});

describe('guided filter matte refinement', () => {
  it('snaps a blurry low-resolution matte to the sharp edge of the full-resolution image', () => {
    // image: left half black, right half white, edge at x = 37 (not on a low-res pixel boundary)
    const w = 96;
    const image = createImage(w, w);
    for (let i = 0; i < w * w; i++) {
      const v = i % w >= 37 ? 255 : 0;
      image.data.set([v, v, v, 255], i * 4);
    }
    // the low-resolution matte a perfect model would give: the true matte area-averaged to 24 x 24
    const low = createMatte(24, 24);
    low.data.set(resample(Float32Array.from({ length: w * w }, (_, i) => (i % w >= 37 ? 1 : 0)), w, w, 1, 24, 24));
    const naive = resample(low.data, 24, 24, 1, w, w);
    const refined = refineMatte(low, image);
    const err = (m: ArrayLike<number>): number => {
      let e = 0;
      for (let i = 0; i < w * w; i++) e += Math.abs(m[i]! - (i % w >= 37 ? 1 : 0));
      return e / (w * w);
    };
    expect(err(refined.data)).toBeLessThan(err(naive) / 4);
    expect(refined.data[50 * w + 20]).toBe(0);
    expect(refined.data[50 * w + 60]).toBe(1);
  });

  it('is the identity for a guide equal to the input with tiny eps', () => {
    const p = Float32Array.from({ length: 64 }, (_, i) => (i * 37) % 11 / 10);
    const q = guidedFilter(p, p, 8, 8, 1, 1e-8);
    p.forEach((v, i) => expect(q[i]).toBeCloseTo(v, 3));
  });
});

describe('upsampleBilinear', () => {
  it('matches the general resampler when enlarging', async () => {
    const { upsampleBilinear } = await import('./resize.js');
    const src = Float32Array.from({ length: 20 }, (_, i) => (i * 7) % 5);
    const fast = upsampleBilinear(src, 5, 4, 13, 9);
    const slow = resample(src, 5, 4, 1, 13, 9);
    fast.forEach((v, i) => expect(v).toBeCloseTo(slow[i]!, 5));
  });
});
