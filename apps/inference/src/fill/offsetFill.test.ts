import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { gradientImage, holeError, vandalise } from '../testing/testImages.js';
import { offsetFill, repeatingOffsets } from './offsetFill.js';
import { patchMatchFill } from './patchMatchFill.js';

/** Light-blue dots on a square grid over dark blue. */
function dotGrid(w: number, h: number, period = 20): RgbaImage {
  const img = createImage(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inDot = Math.hypot((x % period) - period / 2, (y % period) - period / 2) < 0.3 * period;
      img.data.set(inDot ? [90, 190, 240, 255] : [10, 30, 70, 255], (y * w + x) * 4);
    }
  }
  return img;
}

function grid(img: RgbaImage): { w: number; h: number; rgb: Float32Array; known: Uint8Array } {
  const rgb = new Float32Array(img.width * img.height * 3);
  for (let i = 0; i < img.width * img.height; i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = img.data[i * 4 + c]!;
  return { w: img.width, h: img.height, rgb, known: new Uint8Array(img.width * img.height).fill(1) };
}

function rectHole(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const hole = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) hole[y * w + x] = 1;
  return hole;
}



describe('offsetFill', () => {
  it('continues a dot grid across a large hole', async () => {
    const truth = dotGrid(480, 400);
    const hole = rectHole(480, 400, 110, 90, 370, 300);
    const filled = await offsetFill(vandalise(truth, hole), hole);
    expect(holeError(filled, truth, hole)).toBeLessThan(8);
    hole.forEach((v, i) => !v && expect(filled.data[i * 4]).toBe(truth.data[i * 4]));
  });

  it('falls back to PatchMatch where nothing repeats', async () => {
    const truth = gradientImage(120, 100, 40);
    const hole = rectHole(120, 100, 40, 30, 80, 70);
    const damaged = vandalise(truth, hole);
    const filled = await offsetFill(damaged, hole);
    expect(filled.data).toEqual((await patchMatchFill(damaged, hole)).data);
  });

  it('finds the grid period among the repeating offsets', () => {
    const offsets = repeatingOffsets(grid(dotGrid(200, 200, 10)));
    expect(offsets.length).toBeGreaterThan(4);
    for (const o of offsets) expect([Math.abs(o.dx % 10), Math.abs(o.dy % 10)]).toEqual([0, 0]);
  });

  it('finds no pattern in bands of uneven widths, which repeat along one direction only', () => {
    const img = createImage(200, 200);
    const edges = [0, 13, 31, 40, 66, 79, 101, 130, 138, 161, 190];
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 200; x++) {
        const band = edges.filter((e) => e <= (x + y / 2) % 200).length;
        img.data.set([60 + 15 * band, 40, 120 - 8 * band, 255], (y * 200 + x) * 4);
      }
    }
    expect(repeatingOffsets(grid(img))).toEqual([]);
  });
});
