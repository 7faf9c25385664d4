import type { RgbaImage } from '../image.js';
import { diffusionFill } from './diffusionFill.js';
import type { Filler } from './Filler.js';
import { offsetFill } from './offsetFill.js';

/** Below this mean |Laplacian| (0..255 units) around the hole, the surroundings are smooth: diffuse, don't copy. */
const SMOOTH = 4;

/**
 * Texture of the ring of known pixels around a hole, as the mean absolute Laplacian of the luma there: flat colour
 * and gradients score ~0, photos and patterns much higher.
 */
export function ringTexture(image: RgbaImage, hole: Uint8Array, ring = 6): number {
  const { width: w, height: h, data } = image;
  const luma = (i: number): number => 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
  // distance-limited dilation of the hole to find the ring
  let frontier: number[] = [];
  const seen = new Uint8Array(w * h);
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    seen[i] = 1;
    frontier.push(i);
  }
  let sum = 0;
  let n = 0;
  for (let step = 0; step < ring && frontier.length > 0; step++) {
    const next: number[] = [];
    for (const p of frontier) {
      const x = p % w;
      const y = (p - x) / w;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q < 0 || seen[q]) continue;
        seen[q] = 1;
        next.push(q);
        const qx = q % w;
        const qy = (q - qx) / w;
        if (qx > 0 && qx < w - 1 && qy > 0 && qy < h - 1) {
          sum += Math.abs(4 * luma(q) - luma(q - 1) - luma(q + 1) - luma(q - w) - luma(q + w));
          n++;
        }
      }
    }
    frontier = next;
  }
  return n > 0 ? sum / n : 0;
}

/**
 * Offset-statistics completion (PatchMatch when nothing repeats) where the surroundings have texture, diffusion where
 * they are smooth or the hole is thin.
 */
export function chooseFiller(image: RgbaImage, hole: Uint8Array, thin: boolean): Filler {
  if (thin) return diffusionFill;
  return ringTexture(image, hole) < SMOOTH ? diffusionFill : offsetFill;
}
