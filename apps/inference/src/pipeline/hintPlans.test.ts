import { describe, expect, it } from 'vitest';
import { gradientImage, paintDisc, paintRect } from '../testing/testImages.js';
import { applyHints, boxForeground, growRegion } from './hintPlans.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 64;
const H = 48;

function plan(alpha: Float32Array, name = 'Object'): LayerPlan {
  return { name, kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

describe('hints', () => {
  it('grows a region of similar colour from a seed', () => {
    const img = paintRect(gradientImage(W, H), 10, 10, 12, 8, [250, 250, 0]);
    const region = growRegion(img, 14 * W + 15, () => true);
    expect(region.size).toBe(12 * 8);
  });

  it('takes a GrabCut-like foreground from a box: pixels unlike the box border', () => {
    const img = paintDisc(gradientImage(W, H), 32, 24, 8, [255, 255, 255]);
    const region = boxForeground(img, { x: 20, y: 12, width: 24, height: 24 });
    expect(region.has(24 * W + 32)).toBe(true);
    expect(region.has(13 * W + 21)).toBe(false);
    expect(region.size).toBeGreaterThan(150);
    expect(region.size).toBeLessThan(230);
  });

  it('a point on an unmatted object makes it a forced layer above the rest; a point on a matted object forces it', () => {
    const img = paintRect(paintRect(gradientImage(W, H), 4, 4, 10, 10, [255, 0, 0]), 40, 20, 10, 10, [0, 255, 0]);
    const red = new Float32Array(W * H);
    for (let y = 4; y < 14; y++) for (let x = 4; x < 14; x++) red[y * W + x] = 1;
    const out = applyHints(img, [plan(red)], [{ x: 8, y: 8 }, { x: 45, y: 25 }]);
    expect(out).toHaveLength(2);
    expect(out[0]!.forced).toBe(true);
    expect(out[1]!.forced).toBe(true);
    expect(out[1]!.alpha[25 * W + 45]).toBe(1);
    expect(out[1]!.alpha[8 * W + 8]).toBe(0);
  });

  it('a point on one part of a matted group splits that part out', () => {
    const img = paintRect(paintRect(gradientImage(W, H), 4, 4, 10, 10, [255, 0, 0]), 14, 4, 10, 10, [0, 0, 255]);
    const group = new Float32Array(W * H);
    for (let y = 4; y < 14; y++) for (let x = 4; x < 24; x++) group[y * W + x] = 1;
    const out = applyHints(img, [plan(group)], [{ x: 18, y: 8 }]);
    expect(out).toHaveLength(2);
    expect(out[0]!.alpha[8 * W + 18]).toBe(0);
    expect(out[0]!.alpha[8 * W + 6]).toBe(1);
    expect(out[1]!.alpha[8 * W + 18]).toBe(1);
  });
});
