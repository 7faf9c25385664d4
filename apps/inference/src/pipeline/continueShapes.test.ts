import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { gradientImage, paintDisc, paintRect } from '../testing/testImages.js';
import { continueShapes } from './continueShapes.js';

const W = 240;
const H = 200;
const CARD: [number, number, number] = [40, 160, 150];

/** The hole a disc of radius r at (cx, cy) leaves, grown by a pixel. */
function discHole(cx: number, cy: number, r: number): Uint8Array {
  const hole = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (Math.hypot(x - cx, y - cy) <= r + 1) hole[y * W + x] = 1;
  return hole;
}

describe('continueShapes', () => {
  it('continues a card on a textured ground beneath the disc that hides its corner, and nothing else', () => {
    const img = paintDisc(paintRect(gradientImage(W, H, 60), 60, 50, 120, 90, CARD), 70, 60, 30, [250, 200, 20]);
    const filled = createImage(W, H);
    expect(continueShapes(img, discHole(70, 60, 30), filled)).toBeGreaterThan(0);
    const at = (x: number, y: number): number[] => [...filled.data.subarray((y * W + x) * 4, (y * W + x) * 4 + 3)];
    expect(at(75, 65)).toEqual(CARD); // under the disc, inside the card
    expect(at(50, 40)).toEqual([0, 0, 0]); // under the disc, outside the card
    expect(at(150, 100)).toEqual([0, 0, 0]); // the visible card is no part of the hole
  });

  it('leaves a hole alone when no flat shape goes on under it', () => {
    const img = paintDisc(gradientImage(W, H, 60), 120, 100, 30, [250, 200, 20]);
    expect(continueShapes(img, discHole(120, 100, 30), createImage(W, H))).toBe(0);
  });
});
