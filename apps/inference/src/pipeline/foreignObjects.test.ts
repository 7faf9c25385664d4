import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../image.js';
import { gradientImage, paintDisc, paintRect, type Rgb } from '../testing/testImages.js';
import { foreignObjects, touchesAny } from './foreignObjects.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 400;
const H = 320;
const MIN_AREA = 190;
const GREEN: Rgb = [30, 200, 90];

/** A one-colour ring (a stroke icon such as a clock face) of radius r and stroke width `width`, in place. */
function paintRing(img: RgbaImage, cx: number, cy: number, r: number, width: number, rgb: Rgb): RgbaImage {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (Math.abs(Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r) > width / 2) continue;
      img.data.set(rgb, (y * img.width + x) * 4);
    }
  }
  return img;
}

function plan(alpha: Float32Array): LayerPlan {
  return { name: '', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

describe('foreignObjects', () => {
  it('finds a stroke icon of a colour found nowhere else, with its open face left out', () => {
    const img = paintRing(gradientImage(W, H, 8), 120, 100, 30, 7, GREEN);
    const found = foreignObjects(img, MIN_AREA);
    expect(found).toHaveLength(1);
    const alpha = found[0]!.alpha;
    let ring = 0;
    let covered = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (Math.abs(Math.hypot(x + 0.5 - 120, y + 0.5 - 100) - 30) > 3.5) continue;
        ring++;
        covered += alpha[y * W + x]! > 0.5 ? 1 : 0;
      }
    }
    expect(covered / ring).toBeGreaterThan(0.95);
    expect(alpha[100 * W + 120]).toBe(0);
    expect(alpha[10 * W + 10]).toBe(0);
  });

  it('takes a long thin strip of foreign colour (the edge of a shape) for no object', () => {
    expect(foreignObjects(paintRect(gradientImage(W, H, 8), 100, 200, 180, 8, GREEN), MIN_AREA)).toHaveLength(0);
  });

  it('takes nothing from a smooth textured gradient', () => {
    expect(foreignObjects(gradientImage(W, H, 8), MIN_AREA)).toHaveLength(0);
  });

  it('takes a pattern that repeats its colours across the frame for background', () => {
    const sequins = paintRect(gradientImage(W, H, 8), 0, 0, W, H, [90, 30, 10], 0.9);
    for (let y = 12; y < H; y += 24) for (let x = 12; x < W; x += 24) paintDisc(sequins, x, y, 9, (x + y) % 48 ? [240, 200, 20] : [200, 90, 10]);
    expect(foreignObjects(sequins, MIN_AREA)).toHaveLength(0);
  });

  it('takes a flat disc for background when its colour also covers a band of the frame', () => {
    const img = paintRect(paintDisc(gradientImage(W, H, 8), 120, 60, 20, GREEN), 0, 250, W, 40, GREEN);
    expect(foreignObjects(img, MIN_AREA)).toHaveLength(0);
  });
});

describe('touchesAny', () => {
  const box = (x0: number, w: number): LayerPlan => {
    const alpha = new Float32Array(W * H);
    for (let y = 60; y < 100; y++) for (let x = x0; x < x0 + w; x++) alpha[y * W + x] = 1;
    return plan(alpha);
  };

  it('tells a candidate next to a layer from one away from every layer', () => {
    expect(touchesAny(box(60, 40), [box(102, 40)], W)).toBe(true);
    expect(touchesAny(box(60, 40), [box(200, 30), box(110, 40)], W)).toBe(false);
  });
});
