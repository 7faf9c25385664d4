import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { edgeTint } from './edgeTint.js';

const W = 160;
const H = 140;
const TINT: [number, number, number] = [40, 120, 160];

/** A smooth diagonal gradient. */
function gradient(): RgbaImage {
  const img = createImage(W, H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) img.data.set([40 + x + y * 0.5, 220 - y, 90 + x / 2, 255], (y * W + x) * 4);
  return img;
}

function plain(): RgbaImage {
  const img = createImage(W, H);
  for (let i = 0; i < W * H; i++) img.data.set([200, 190, 170, 255], i * 4);
  return img;
}

function square(): Float32Array {
  const alpha = new Float32Array(W * H);
  for (let y = 35; y < 105; y++) for (let x = 40; x < 120; x++) alpha[y * W + x] = 1;
  return alpha;
}

/** `base` with a dark drop shadow down and to the right, then the square at `opacity` over it. */
function scene(base: RgbaImage, opacity: number): RgbaImage {
  const out: RgbaImage = { width: W, height: H, data: Uint8ClampedArray.from(base.data) };
  for (let y = 45; y < 125; y++) {
    for (let x = 48; x < 135; x++) for (let c = 0; c < 3; c++) out.data[(y * W + x) * 4 + c] = out.data[(y * W + x) * 4 + c]! * 0.6;
  }
  square().forEach((a, i) => {
    if (a === 0) return;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = Math.round(opacity * TINT[c]! + (1 - opacity) * base.data[i * 4 + c]!);
  });
  return out;
}

describe('edgeTint', () => {
  it('reads the opacity and colour of a see-through square over a gradient, despite its shadow', () => {
    const tint = edgeTint(square(), scene(gradient(), 0.6));
    expect(tint).toBeDefined();
    expect(tint!.opacity).toBeCloseTo(0.6, 1);
    tint!.color.forEach((v, c) => expect(Math.abs(v - TINT[c]!)).toBeLessThan(8));
  });

  it('leaves an opaque square alone', () => {
    expect(edgeTint(square(), scene(gradient(), 1))).toBeUndefined();
  });

  it('cannot tell over a plain backdrop', () => {
    expect(edgeTint(square(), scene(plain(), 0.6))).toBeUndefined();
  });
});
