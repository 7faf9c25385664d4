import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { paintDisc, paintRect } from '../testing/testImages.js';
import { convexHull, fillConvex } from './convexHull.js';
import type { LayerPlan } from './LayerPlan.js';
import { separateStacked, splitStacked } from './splitStacked.js';

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

describe('separateStacked', () => {
  it('completes an ellipse under a disc sticking out of it and lifts an icon placed on it', () => {
    const img = background();
    const inEllipse = (x: number, y: number): boolean => ((x + 0.5 - 36) / 30) ** 2 + ((y + 0.5 - 26) / 18) ** 2 <= 1;
    const inDisc = (x: number, y: number): boolean => Math.hypot(x + 0.5 - 62, y + 0.5 - 42) < 12;
    const inIcon = (x: number, y: number): boolean => x >= 20 && x < 30 && y >= 20 && y < 30 && (x < 22 || y < 22 || x >= 28 || y >= 28);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const colour = inDisc(x, y) ? [230, 60, 30] : inIcon(x, y) ? [20, 20, 20] : inEllipse(x, y) ? [40, 90, 200] : undefined;
        if (colour) img.data.set([...colour, 255], (y * W + x) * 4);
      }
    }
    const plan = planOf((x, y) => inEllipse(x, y) || inDisc(x, y));
    const parts = separateStacked(plan, img, 20);
    expect(parts).toHaveLength(3);
    const [lower, icon, upper] = parts as [LayerPlan, LayerPlan, LayerPlan];
    expect(icon.alpha[24 * W + 21]).toBe(1); // the icon is a layer of its own...
    expect(lower.alpha[24 * W + 21]).toBe(1); // ...and the ellipse is completed under it
    expect(lower.hidden?.mask[24 * W + 21]).toBe(0); // its fill draws from the ellipse around it
    expect(icon.alpha[25 * W + 25]).toBe(0); // what the icon's outline encloses is the ellipse, seen
    expect(lower.alpha[25 * W + 25]).toBe(1);
    expect(lower.hidden?.mask[25 * W + 25]).toBe(0);
    expect(icon.alpha[38 * W + 52]).toBe(0);
    expect(lower.alpha[38 * W + 52]).toBe(1); // the ellipse completed under the disc
    expect(lower.hidden?.mask[38 * W + 52]).toBe(1);
    expect(lower.hidden?.color).toEqual([40, 90, 200]);
    expect(upper.alpha[38 * W + 52]).toBe(1);
    expect(upper.alpha[50 * W + 66]).toBe(1);
    expect(lower.alpha[50 * W + 66]).toBe(0);
  });

  it('leaves a flat part that is no design primitive (an L) with a disc in its corner alone', () => {
    const img = background();
    const inL = (x: number, y: number): boolean => x >= 10 && y >= 10 && y < 50 && (x < 25 || (y >= 35 && x < 60));
    const inDisc = (x: number, y: number): boolean => Math.hypot(x + 0.5 - 30, y + 0.5 - 30) < 8;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (inDisc(x, y)) img.data.set([230, 60, 30, 255], (y * W + x) * 4);
        else if (inL(x, y)) img.data.set([250, 200, 40, 255], (y * W + x) * 4);
      }
    }
    const parts = separateStacked(planOf((x, y) => inL(x, y) || inDisc(x, y)), img, 20);
    expect(parts).toHaveLength(1);
  });

  it('lifts a tile placed wholly inside a card, and completes the card under it', () => {
    const img = background();
    const inCard = (x: number, y: number): boolean => x >= 8 && x < 72 && y >= 8 && y < 52;
    const inTile = (x: number, y: number): boolean => x >= 16 && x < 36 && y >= 16 && y < 36;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const colour = inTile(x, y) ? [40, 110, 200] : inCard(x, y) ? [220, 130, 170] : undefined;
        if (colour) img.data.set([...colour, 255], (y * W + x) * 4);
      }
    }
    // a letter on the tile, read as text: the matte leaves it out
    const inLetter = (x: number, y: number): boolean => x >= 22 && x < 26 && y >= 20 && y < 32;
    const claimed = new Float32Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (inLetter(x, y)) claimed[y * W + x] = 1;
    const parts = separateStacked(planOf((x, y) => inCard(x, y) && !inLetter(x, y)), img, 20, claimed);
    expect(parts).toHaveLength(2);
    const [card, tile] = parts as [LayerPlan, LayerPlan];
    expect(tile.alpha[24 * W + 23]).toBe(1); // whole beneath the letter
    expect(tile.alpha[18 * W + 18]).toBe(1);
    expect(tile.alpha[40 * W + 50]).toBe(0);
    expect(card.alpha[18 * W + 18]).toBe(1); // completed under the tile
    expect(card.hidden?.mask[18 * W + 18]).toBe(0); // its fill draws from the card around it
  });

  it('leaves a disc with dark eyes inside it alone (a face, not a shape with things placed on it)', () => {
    const img = background();
    const inFace = (x: number, y: number): boolean => Math.hypot(x + 0.5 - 40, y + 0.5 - 30) < 22;
    paintDisc(img, 40, 30, 22, [250, 200, 40]);
    paintDisc(img, 32, 24, 4, [40, 30, 20]);
    paintDisc(img, 48, 24, 4, [40, 30, 20]);
    expect(separateStacked(planOf(inFace), img, 20)).toHaveLength(1);
  });
});
