import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { gradientImage, holeError, vandalise } from '../testing/testImages.js';
import { ringTexture } from './chooseFiller.js';
import { diffusionFill } from './diffusionFill.js';
import { patchMatchFill } from './patchMatchFill.js';

function discHole(w: number, h: number, cx: number, cy: number, r: number): Uint8Array {
  const hole = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (Math.hypot(x - cx, y - cy) < r) hole[y * w + x] = 1;
  return hole;
}



/** Vertical stripes, 4 px dark / 4 px light: a texture a smooth fill cannot reproduce. */
function stripes(w: number, h: number): RgbaImage {
  const img = createImage(w, h);
  for (let i = 0; i < w * h; i++) {
    const v = Math.floor((i % w) / 4) % 2 ? 220 : 30;
    img.data.set([v, v, v, 255], i * 4);
  }
  return img;
}

describe('diffusionFill', () => {
  it('continues a smooth gradient into a hole and leaves known pixels alone', async () => {
    const truth = gradientImage(80, 60);
    const hole = discHole(80, 60, 40, 30, 12);
    const filled = await diffusionFill(vandalise(truth, hole), hole);
    expect(holeError(filled, truth, hole)).toBeLessThan(3);
    hole.forEach((v, i) => !v && expect(filled.data[i * 4]).toBe(truth.data[i * 4]));
  });
});

describe('patchMatchFill', () => {
  it('reproduces a texture better than diffusion does', async () => {
    const truth = stripes(96, 96);
    const hole = discHole(96, 96, 48, 48, 14);
    const damaged = vandalise(truth, hole);
    const pm = await patchMatchFill(damaged, hole);
    const diff = await diffusionFill(damaged, hole);
    expect(holeError(pm, truth, hole)).toBeLessThan(holeError(diff, truth, hole) / 2);
    expect(ringTexture(truth, hole)).toBeGreaterThan(ringTexture(gradientImage(96, 96), hole));
  });

  it('stops at a checkpoint when aborted', async () => {
    const truth = stripes(64, 64);
    const hole = discHole(64, 64, 32, 32, 10);
    await expect(patchMatchFill(truth, hole, AbortSignal.abort())).rejects.toThrow(/cancelled/);
  });
});
