import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { seeded } from '../testing/testImages.js';
import { compareImages, compositeLayers } from './composite.js';
import { unblend } from './unblend.js';

function noise(w: number, h: number, seed: number, alpha = () => 255): RgbaImage {
  const rand = seeded(seed);
  const img = createImage(w, h);
  for (let i = 0; i < w * h; i++) img.data.set([rand() * 255, rand() * 255, rand() * 255, alpha()], i * 4);
  return img;
}

function softAlpha(w: number, h: number, seed: number): Float32Array {
  const rand = seeded(seed);
  return Float32Array.from({ length: w * h }, () => (rand() < 0.4 ? 0 : rand()));
}

describe('unblend', () => {
  it('recomposes an opaque input exactly whatever the fills and mattes (PSNR >= 50, 99.9% within 2)', () => {
    const w = 64;
    const h = 48;
    const input = noise(w, h, 1);
    // targets below the top: unrelated noise, as if the fill were poor
    const targets = [noise(w, h, 2), noise(w, h, 3), noise(w, h, 4), input];
    const layers = [{ alpha: softAlpha(w, h, 5) }, { alpha: softAlpha(w, h, 6), color: [250, 10, 10] as [number, number, number] }, { alpha: softAlpha(w, h, 7) }];
    const out = unblend(targets, layers);
    expect(out).toHaveLength(4);
    const comp = compositeLayers(w, h, out.map((rgba) => ({ x: 0, y: 0, rgba })));
    const score = compareImages(input, comp);
    expect(score.psnr).toBeGreaterThanOrEqual(50);
    expect(score.withinTolerance).toBeGreaterThanOrEqual(0.999);
    expect(score.maxError).toBeLessThanOrEqual(2);
  });

  it('keeps planned alpha where the fill is right: a 50% layer over the true background is solved to 50%', () => {
    const w = 8;
    const bg = createImage(w, w);
    for (let i = 0; i < w * w; i++) bg.data.set([0, 0, 200, 255], i * 4);
    const input = createImage(w, w);
    for (let i = 0; i < w * w; i++) input.data.set([128, 0, 100, 255], i * 4); // 50% red (255,0,0) over blue
    const out = unblend([bg, input], [{ alpha: new Float32Array(w * w).fill(0.5) }]);
    expect(out[1]!.data[3]).toBe(128);
    expect(out[1]!.data[0]).toBeGreaterThan(250);
  });

  it('recomposes an RGBA input including its alpha; transparent pixels stay empty in every layer', () => {
    const w = 40;
    const h = 30;
    const rand = seeded(9);
    const input = noise(w, h, 8, () => (rand() < 0.3 ? 0 : Math.floor(rand() * 256)));
    const out = unblend([noise(w, h, 10), noise(w, h, 11), input], [{ alpha: softAlpha(w, h, 12) }, { alpha: softAlpha(w, h, 13) }]);
    const comp = compositeLayers(w, h, out.map((rgba) => ({ x: 0, y: 0, rgba })));
    const score = compareImages(input, comp);
    expect(score.psnr).toBeGreaterThanOrEqual(50);
    expect(score.withinTolerance).toBeGreaterThanOrEqual(0.999);
    for (let i = 0; i < w * h; i++) {
      if (input.data[i * 4 + 3] === 0) for (const layer of out) expect(layer.data[i * 4 + 3]).toBe(0);
    }
  });
});
