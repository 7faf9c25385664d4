import { describe, expect, it } from 'vitest';
import { createMatte } from '../image.js';
import { objectPlans } from '../pipeline/objectPlans.js';
import { growLabels, labelComponents } from './labelComponents.js';

describe('labelComponents', () => {
  it('labels 8-connected components and grows labels into allowed pixels', () => {
    // two blobs: a diagonal pair (one component) and a separate pixel
    const mask = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const { labels, count, sizes } = labelComponents(mask, 4, 4);
    expect(count).toBe(2);
    expect(sizes.slice(1)).toEqual([2, 1]);
    const grown = growLabels(labels, new Uint8Array(16).fill(1), 4, 4);
    expect([...grown].every((l) => l > 0)).toBe(true);
    expect(grown[0]).toBe(labels[0]);
    expect(grown[15]).toBe(labels[11]);
  });
});

describe('objectPlans', () => {
  it('splits a matte into one soft plan per object, largest lowest, dropping specks and claimed pixels', () => {
    const w = 40;
    const m = createMatte(w, 20);
    const put = (x0: number, x1: number, v: number): void => {
      for (let y = 4; y < 16; y++) for (let x = x0; x < x1; x++) m.data[y * w + x] = v;
    };
    put(2, 14, 1); // big object
    put(14, 15, 0.3); // its soft fringe
    put(20, 28, 1); // smaller object
    m.data[2 * w + 35] = 1; // a speck
    put(31, 39, 1); // claimed by text
    const claimed = new Float32Array(w * 20);
    for (let y = 0; y < 20; y++) for (let x = 30; x < 40; x++) claimed[y * w + x] = 1;
    const plans = objectPlans(m, { minArea: 4, claimed });
    expect(plans).toHaveLength(2);
    expect(plans[0]!.alpha[8 * w + 5]).toBe(1);
    expect(plans[0]!.alpha[8 * w + 14]).toBeCloseTo(0.3);
    expect(plans[1]!.alpha[8 * w + 22]).toBe(1);
    expect(plans[1]!.alpha[8 * w + 5]).toBe(0);
  });
});
