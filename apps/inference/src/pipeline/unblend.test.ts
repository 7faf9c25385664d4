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

/** A w × w image of one opaque colour. */
function plain(w: number, rgb: [number, number, number]): RgbaImage {
  const img = createImage(w, w);
  for (let i = 0; i < w * w; i++) img.data.set([...rgb, 255], i * 4);
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
    const bg = plain(w, [0, 0, 200]);
    const input = plain(w, [128, 0, 100]); // 50% red (255,0,0) over blue
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

  it('keeps a flat shape opaque over a textured background even when a smooth fill beneath would explain a tint', () => {
    const w = 60;
    const h = 40;
    const rand = seeded(21);
    const input = createImage(w, h);
    const smooth = createImage(w, h);
    const alpha = new Float32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        smooth.data.set([200, 120, 160, 255], i * 4);
        const n = Math.floor((rand() - 0.5) * 40);
        input.data.set([200 + n, 120 + n, 160 + n, 255], i * 4);
        if (x >= 20 && x < 40 && y >= 10 && y < 30) {
          input.data.set([230, 140, 180, 255], i * 4); // opaque flat pink, close to the background's colour
          alpha[i] = 1;
        }
      }
    }
    // the fill beneath is the smooth mean colour (as a diffusion fill gives): a 40% tint would explain the square too
    const out = unblend([smooth, input], [{ alpha }]);
    const mid = (20 * w + 30) * 4;
    expect(out[1]!.data[mid + 3]).toBe(255);
    expect([...out[1]!.data.subarray(mid, mid + 3)]).toEqual([230, 140, 180]);
  });

  it('finds a tint whose core also holds a small piece of something else (a neighbour, a shadow)', () => {
    const w = 40;
    const bg = plain(w, [0, 0, 200]);
    const input = plain(w, [0, 0, 200]);
    const alpha = new Float32Array(w * w);
    for (let y = 10; y < 35; y++) {
      for (let x = 10; x < 35; x++) {
        alpha[y * w + x] = 1;
        // 50% red over blue, and two columns (8%) of an opaque green piece
        input.data.set(x < 12 ? [20, 200, 20, 255] : [128, 0, 100, 255], (y * w + x) * 4);
      }
    }
    const out = unblend([bg, input], [{ alpha }]);
    const mid = (20 * w + 25) * 4;
    expect(Math.abs(out[1]!.data[mid + 3]! - 128)).toBeLessThanOrEqual(3);
    expect(out[1]!.data[mid]).toBeGreaterThan(245);
  });

  it('projects the alpha of a one-colour layer from its colour where the matte is soft, unless it reads as a tint', () => {
    const w = 40;
    const bg = plain(w, [60, 60, 150]);
    const input = plain(w, [60, 60, 150]);
    const alpha = new Float32Array(w * w);
    for (let y = 10; y < 30; y++) {
      for (let x = 10; x < 30; x++) {
        // an opaque muted red stroke icon the matte saw at 0.5, with a soft halo over the backdrop around it
        const onStroke = x < 14 || y < 14;
        if (onStroke) input.data.set([150, 60, 60, 255], (y * w + x) * 4);
        alpha[y * w + x] = onStroke ? 0.5 : 0.3;
      }
    }
    const [, soft] = unblend([bg, input], [{ alpha }]);
    const [, flat] = unblend([bg, input], [{ alpha, flatColor: [150, 60, 60] }]);
    const stroke = (12 * w + 20) * 4;
    const halo = (20 * w + 20) * 4;
    expect(soft!.data[stroke + 3]).toBeLessThan(200);
    expect(flat!.data[stroke + 3]).toBe(255);
    expect(flat!.data[halo + 3]).toBe(0);
    // a known opacity (a tint found beneath) wins over the flat colour
    const [, tinted] = unblend([bg, input], [{ alpha, opacity: 0.5, flatColor: [150, 60, 60] }]);
    expect(tinted!.data[stroke + 3]).toBeLessThan(200);
  });
});
