import { describe, expect, it } from 'vitest';
import { gradientImage, paintRect } from '../testing/testImages.js';
import { planBounds } from './LayerPlan.js';
import { flatRegions } from './flatRegions.js';

const W = 240;
const H = 200;

describe('flatRegions', () => {
  it('finds a flat card cut by the frame on a textured ground', () => {
    const img = paintRect(gradientImage(W, H, 60), 0, 0, 90, 60, [123, 88, 30]);
    const found = flatRegions(img);
    expect(found).toHaveLength(1);
    expect(planBounds(found[0]!.alpha, W, 0.5)).toEqual({ x0: 0, y0: 0, x1: 89, y1: 59 });
  });

  it('finds nothing on a smooth gradient', () => {
    expect(flatRegions(gradientImage(W, H))).toHaveLength(0);
  });

  it('takes stripes and many tiles for a pattern', () => {
    const stripes = gradientImage(W, H, 60);
    for (let x = 10; x < W; x += 40) paintRect(stripes, x, 20, 12, 170, [200, 30, 40]);
    expect(flatRegions(stripes)).toHaveLength(0);
    const tiles = gradientImage(W, H, 60);
    for (let y = 10; y < H - 40; y += 50) for (let x = 10; x < W - 40; x += 55) paintRect(tiles, x, y, 40, 40, [200, 30, 40]);
    expect(flatRegions(tiles)).toHaveLength(0);
  });
});
