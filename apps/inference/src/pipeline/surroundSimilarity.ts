import type { RgbaImage } from '../image.js';
import { growMask } from './growMask.js';
import { planBounds } from './LayerPlan.js';

/** Colour histogram bins per channel (bin width ≈ 43 levels). */
const LEVELS = 6;
/** Width in pixels of the ring around a component that stands for its surroundings. */
const RING = 10;

/**
 * How much a component's colours look like its surroundings: the histogram intersection (0..1) of the colours under
 * its confident core (alpha > 0.5) and of a ring of width RING around its soft extent (alpha > 0.004). A patch of a
 * busy background that a matting model mistook for an object scores high (same sequins inside and out); a real
 * object, flat or textured, scores low. Returns 0 when there is no ring (the component fills the frame) or no core.
 */
export function surroundSimilarity(alpha: Float32Array, image: RgbaImage): number {
  const { width: w, height: h, data } = image;
  const box = planBounds(alpha, w, 0.004);
  if (!box) return 0;
  const { x0, y0, x1, y1 } = box;
  const bx0 = Math.max(0, x0 - RING);
  const by0 = Math.max(0, y0 - RING);
  const bx1 = Math.min(w - 1, x1 + RING);
  const by1 = Math.min(h - 1, y1 + RING);
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  // dilate the soft extent by RING (separable max filter over the box), the ring is dilated minus extent
  const inside = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) inside[y * bw + x] = alpha[(y + by0) * w + x + bx0]! > 0.004 ? 1 : 0;
  }
  const near = growMask(inside, bw, bh, RING);
  const bins = LEVELS * LEVELS * LEVELS;
  const coreHist = new Float64Array(bins);
  const ringHist = new Float64Array(bins);
  let coreN = 0;
  let ringN = 0;
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const k = y * bw + x;
      const i = (y + by0) * w + x + bx0;
      const o = i * 4;
      const bin = (((data[o]! * LEVELS) >> 8) * LEVELS + ((data[o + 1]! * LEVELS) >> 8)) * LEVELS + ((data[o + 2]! * LEVELS) >> 8);
      if (alpha[i]! > 0.5) {
        coreHist[bin]!++;
        coreN++;
      } else if (near[k] && !inside[k]) {
        ringHist[bin]!++;
        ringN++;
      }
    }
  }
  if (coreN === 0 || ringN === 0) return 0;
  let shared = 0;
  for (let b = 0; b < bins; b++) shared += Math.min(coreHist[b]! / coreN, ringHist[b]! / ringN);
  return shared;
}
