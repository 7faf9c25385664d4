import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { paintDisc, paintRect } from '../testing/testImages.js';
import { convexHull, fillConvex } from './convexHull.js';
import type { LayerPlan } from './LayerPlan.js';
import { splitStacked } from './splitStacked.js';

const W = 80;
const H = 60;

function planOf(mask: (x: number, y: number) => boolean): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (mask(x, y)) alpha[y * W + x] = 1;
  return { name: 'Object 1', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

function background(): ReturnType<typeof createImage> {
  const img = createImage(W, H);
  for (let i = 0; i < W * H; i++) img.data.set([250, 250, 250, 255], i * 4);
  return img;
}

describe('convex hull', () => {
  it('fills the hull of a triangle', () => {
    const mask = fillConvex(convexHull([0, 0, 4, 0, 0, 4, 1, 1]), 5, 5);
    expect(mask[0]).toBe(1);
    expect(mask[4]).toBe(1);
    expect(mask[4 * 5]).toBe(1);
    expect(mask[4 * 5 + 4]).toBe(0);
  });
});

describe('splitStacked', () => {
  it('splits a card with a disc overlapping its corner into a completed card and the disc', () => {
    const img = background();
    paintRect(img, 10, 10, 40, 30, [40, 90, 200]);
    paintDisc(img, 50, 40, 12, [230, 60, 30]);
    const inCard = (x: number, y: number): boolean => x >= 10 && x < 50 && y >= 10 && y < 40;
    const inDisc = (x: number, y: number): boolean => Math.hypot(x + 0.5 - 50, y + 0.5 - 40) < 12;
    const parts = splitStacked(planOf((x, y) => inCard(x, y) || inDisc(x, y)), img, 20);
    expect(parts).toHaveLength(2);
    const [lower, upper] = parts as [LayerPlan, LayerPlan];
    expect(lower.alpha[45 * W + 45]).toBe(0);
    expect(lower.alpha[38 * W + 48]).toBe(1); // the card's corner hidden under the disc
    expect(upper.alpha[38 * W + 48]).toBe(1);
    expect(upper.alpha[20 * W + 20]).toBe(0);
  });

  it('leaves a flat face with features inside it alone', () => {
    const img = background();
    paintDisc(img, 40, 30, 20, [250, 200, 40]);
    paintDisc(img, 33, 25, 3, [40, 30, 20]);
    paintDisc(img, 47, 25, 3, [40, 30, 20]);
    const parts = splitStacked(planOf((x, y) => Math.hypot(x + 0.5 - 40, y + 0.5 - 30) < 20), img, 10);
    expect(parts).toHaveLength(1);
  });
});

describe('splitStacked order', () => {
  it('puts an uncovered flat shape above what it overlaps', () => {
    const img = background();
    paintDisc(img, 30, 30, 16, [230, 60, 30]);
    paintRect(img, 36, 20, 34, 20, [40, 90, 200]);
    const inDisc = (x: number, y: number): boolean => Math.hypot(x + 0.5 - 30, y + 0.5 - 30) < 16;
    const inCard = (x: number, y: number): boolean => x >= 36 && x < 70 && y >= 20 && y < 40;
    // the disc is not flat enough to be the largest flat region? it is flat too; make it textured
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (inDisc(x, y) && !inCard(x, y) && (x + y) % 2) img.data.set([180, 40, 20], (y * W + x) * 4);
    const parts = splitStacked(planOf((x, y) => inDisc(x, y) || inCard(x, y)), img, 20);
    expect(parts).toHaveLength(2);
    expect(parts[1]!.alpha[30 * W + 50]).toBe(1); // the card on top
    expect(parts[0]!.alpha[30 * W + 20]).toBe(1); // the disc beneath
    expect(parts[0]!.alpha[30 * W + 40]).toBe(0);
  });
});
