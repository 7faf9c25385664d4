import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { seeded } from '../testing/testImages.js';
import { removeTint, seeThroughTint } from './seeThroughTint.js';

const W = 120;
const H = 100;
const TINT: [number, number, number] = [120, 230, 110];

/** Blue sequin-like texture: every pixel a random shade. */
function busy(): RgbaImage {
  const img = createImage(W, H);
  const rand = seeded(3);
  for (let i = 0; i < W * H; i++) {
    const v = rand();
    img.data.set([20 + v * 60, 60 + v * 120, 140 + v * 110, 255], i * 4);
  }
  return img;
}

function square(): Float32Array {
  const alpha = new Float32Array(W * H);
  for (let y = 30; y < 70; y++) for (let x = 40; x < 80; x++) alpha[y * W + x] = 1;
  return alpha;
}

/** `base` with a flat colour composited over the square at `opacity`. */
function tinted(base: RgbaImage, color: [number, number, number], opacity: number): RgbaImage {
  const out: RgbaImage = { width: W, height: H, data: Uint8ClampedArray.from(base.data) };
  square().forEach((a, i) => {
    if (a === 0) return;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = Math.round(opacity * color[c]! + (1 - opacity) * base.data[i * 4 + c]!);
  });
  return out;
}

/** The fill guess: the square's hole filled with the background's mean colour (no texture). */
function meanFill(image: RgbaImage): RgbaImage {
  const out: RgbaImage = { width: W, height: H, data: Uint8ClampedArray.from(image.data) };
  square().forEach((a, i) => a > 0 && out.data.set([50, 120, 195, 255], i * 4));
  return out;
}

describe('seeThroughTint', () => {
  it('reads the opacity and colour of a flat tint over texture, and removes it to the texture beneath', () => {
    const base = busy();
    const image = tinted(base, TINT, 0.4);
    const tint = seeThroughTint(square(), image, meanFill(image));
    expect(tint).toBeDefined();
    expect(tint!.opacity).toBeCloseTo(0.4, 1);
    tint!.color.forEach((v, c) => expect(Math.abs(v - TINT[c]!)).toBeLessThan(20));
    const under = removeTint(square(), image, tint!);
    let err = 0;
    square().forEach((a, i) => {
      if (a > 0) for (let c = 0; c < 3; c++) err += Math.abs(under.data[i * 4 + c]! - base.data[i * 4 + c]!);
    });
    expect(err / (40 * 40 * 3)).toBeLessThan(12);
  });

  it('leaves an opaque flat shape alone', () => {
    const image = tinted(busy(), TINT, 1);
    expect(seeThroughTint(square(), image, meanFill(image))).toBeUndefined();
  });

  it('leaves a textured object alone (its texture is not the background attenuated)', () => {
    const image = tinted(busy(), TINT, 1);
    const rand = seeded(9);
    square().forEach((a, i) => a > 0 && image.data.set([rand() * 255, 40, 40], i * 4));
    expect(seeThroughTint(square(), image, meanFill(image))).toBeUndefined();
  });

  it('leaves an opaque flat object with details alone, however much its edges step', () => {
    const image = tinted(busy(), TINT, 1);
    // details: a dark line every 20th row, stepping on average like the background seen through a tint of 0.83
    square().forEach((a, i) => a > 0 && Math.floor(i / W) % 20 === 0 && image.data.set([60, 110, 0], i * 4));
    expect(seeThroughTint(square(), image, meanFill(image))).toBeUndefined();
  });

  it('leaves a tint over a smooth background to the fill (nothing shows through to measure)', () => {
    const flat = createImage(W, H);
    for (let i = 0; i < W * H; i++) flat.data.set([60, 90, 200, 255], i * 4);
    const image = tinted(flat, TINT, 0.4);
    expect(seeThroughTint(square(), image, meanFill(image))).toBeUndefined();
  });
});
