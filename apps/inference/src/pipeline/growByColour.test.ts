import { describe, expect, it } from 'vitest';
import { gradientImage } from '../testing/testImages.js';
import { growByColour } from './growByColour.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 200;
const H = 160;
const INK: [number, number, number] = [20, 120, 60];

/** A stroke ring (a 4 px wide circle of radius 40 around (100, 80)) in one colour. */
const onRing = (x: number, y: number): boolean => Math.abs(Math.hypot(x - 100, y - 80) - 40) <= 2;

function plan(mask: (x: number, y: number) => boolean): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (mask(x, y)) alpha[y * W + x] = 1;
  return { name: 'icon', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

describe('growByColour', () => {
  it('completes a stroke icon the matte caught half of', () => {
    const img = gradientImage(W, H, 30);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (onRing(x, y)) img.data.set(INK, (y * W + x) * 4);
    const grown = growByColour(plan((x, y) => onRing(x, y) && x < 100), img, () => false);
    expect(grown.alpha[80 * W + 140]).toBe(1); // the right half of the ring
    expect(grown.alpha[80 * W + 100]).toBe(0); // its centre is backdrop
    expect(grown.alpha[10 * W + 10]).toBe(0);
  });

  it('grows strokes, not areas (a card the matte caught part of stays as it was)', () => {
    const img = gradientImage(W, H, 30);
    for (let y = 40; y < 120; y++) for (let x = 40; x < 160; x++) img.data.set(INK, (y * W + x) * 4);
    const half = plan((x, y) => x >= 40 && x < 100 && y >= 40 && y < 120);
    expect(growByColour(half, img, () => false)).toBe(half);
  });

  it('leaves an object whose colour runs on into the backdrop alone', () => {
    const img = gradientImage(W, H, 30);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (onRing(x, y) || y > 110) img.data.set(INK, (y * W + x) * 4);
    const half = plan((x, y) => onRing(x, y) && x < 100 && y < 100);
    expect(growByColour(half, img, () => false)).toBe(half);
  });
});
