import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { resamplePlanes } from './resamplePlanes.js';

describe('resamplePlanes', () => {
  it('writes normalised B, G, R planes and composites transparency over white', () => {
    const img = createImage(4, 2);
    for (let p = 0; p < 8; p++) img.data.set(p < 4 ? [255, 0, 0, 255] : [0, 0, 0, 0], p * 4);
    const out = resamplePlanes(img, { x: 0, y: 0, width: 4, height: 2 }, 4, 2, [0, 0, 0], [1, 1, 1]);
    // plane 0 is blue: 0 on the red row, 1 (white) on the transparent row
    expect(Array.from(out.subarray(0, 8))).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(out.subarray(16, 20))).toEqual([1, 1, 1, 1]);
  });
  it('averages when shrinking instead of skipping pixels', () => {
    const img = createImage(8, 1);
    for (let x = 0; x < 8; x++) img.data.set(x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255], x * 4);
    const out = resamplePlanes(img, { x: 0, y: 0, width: 8, height: 1 }, 2, 1, [0, 0, 0], [1, 1, 1]);
    for (const v of out) expect(v).toBeGreaterThan(0.3);
    for (const v of out) expect(v).toBeLessThan(0.7);
  });
});
