import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { boxMean } from '../objects/guidedFilter.js';
import type { LayerPlan } from './LayerPlan.js';
import { fitDropShadow, orderByShadows } from './dropShadow.js';

const W = 200;
const H = 160;

/** A square object (60 px) on a seeded noisy paper texture, optionally casting a black shadow (dx, dy, blur, opacity). */
function scene(shadow?: { dx: number; dy: number; r: number; opacity: number }, tint?: [number, number, number]): { image: RgbaImage; alpha: Float32Array } {
  const alpha = new Float32Array(W * H);
  for (let y = 50; y < 110; y++) for (let x = 70; x < 130; x++) alpha[y * W + x] = 1;
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 30;
  const moved = new Float32Array(W * H);
  if (shadow) {
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const sx = x - shadow.dx;
        const sy = y - shadow.dy;
        moved[y * W + x] = sx >= 0 && sy >= 0 && sx < W && sy < H ? alpha[sy * W + sx]! : 0;
      }
    }
  }
  const s = shadow ? boxMean(boxMean(boxMean(moved, W, H, shadow.r), W, H, shadow.r), W, H, shadow.r) : moved;
  const image = createImage(W, H);
  for (let i = 0; i < W * H; i++) {
    const paper = [220 + noise(), 200 + noise(), 170 + noise()];
    const dark = (shadow?.opacity ?? 0) * s[i]!;
    for (let c = 0; c < 3; c++) {
      const shaded = tint ? paper[c]! * (1 - dark) + tint[c]! * dark : paper[c]! * (1 - dark);
      image.data[i * 4 + c] = alpha[i]! > 0 ? [40, 120, 200][c]! : shaded;
    }
    image.data[i * 4 + 3] = 255;
  }
  return { image, alpha };
}

describe('fitDropShadow', () => {
  it('finds the offset, blur and opacity of a drop shadow on a texture', () => {
    const { image, alpha } = scene({ dx: 8, dy: 10, r: 4, opacity: 0.45 });
    const found = fitDropShadow(alpha, image);
    expect(found).toBeDefined();
    const { dx, dy, sigma, opacity } = found!.shadow;
    expect(Math.abs(dx - 8)).toBeLessThanOrEqual(2);
    expect(Math.abs(dy - 10)).toBeLessThanOrEqual(2);
    expect(sigma).toBeGreaterThan(2);
    expect(sigma).toBeLessThan(9);
    expect(Math.abs(opacity - 0.45)).toBeLessThan(0.12);
    // the shadow's alpha is strongest just beyond the object's lower right corner and absent inside the object
    expect(found!.alpha[(110 + 4) * W + 130 + 4]).toBeGreaterThan(0.2);
    expect(found!.alpha[80 * W + 100]).toBe(0);
    expect(found!.alpha[20 * W + 20]).toBe(0);
  });

  it('finds nothing around an object that casts no shadow, or behind a coloured (not black) glow', () => {
    expect(fitDropShadow(scene().alpha, scene().image)).toBeUndefined();
    const glow = scene({ dx: 8, dy: 10, r: 4, opacity: 0.45 }, [255, 40, 0]);
    expect(fitDropShadow(glow.alpha, glow.image)).toBeUndefined();
  });
});

describe('orderByShadows', () => {
  const plan = (name: string, alpha: Float32Array, shadow?: Float32Array): LayerPlan => ({
    name,
    kind: 'object',
    alpha,
    fill: 'patch',
    confidence: 1,
    forced: false,
    ...(shadow ? { shadow } : {}),
  });

  it('puts an object above a flat card its shadow darkens, and leaves it below a card that hides its shadow', () => {
    // card: x 100..179 of a 200 x 40 frame; object: x 20..99 casting a shadow 0.5 strong over x 90..119
    const w = 200;
    const h = 40;
    const card = new Float32Array(w * h);
    const object = new Float32Array(w * h);
    const shadow = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (x >= 100 && x < 180) card[y * w + x] = 1;
        if (x >= 20 && x < 100) object[y * w + x] = 1;
        if (x >= 100 && x < 120) shadow[y * w + x] = 0.5;
      }
    }
    const image = (darkened: boolean): RgbaImage => {
      const img = createImage(w, h);
      for (let i = 0; i < w * h; i++) {
        const v = card[i] ? (darkened && shadow[i] ? 100 : 200) : object[i] ? 50 : 240;
        img.data.set([v, v, v, 255], i * 4);
      }
      return img;
    };
    const plans = [plan('object', object, shadow), plan('card', card)];
    expect(orderByShadows(plans, image(true)).map((p) => p.name)).toEqual(['card', 'object']);
    expect(orderByShadows(plans, image(false)).map((p) => p.name)).toEqual(['object', 'card']);
  });
});
