import type { RgbaImage } from '../image.js';
import { growMask } from './growMask.js';
import { colourDistance, flatColour, SAME } from './flatColour.js';
import type { LayerPlan } from './LayerPlan.js';

/** The object is one flat colour: at least this share of its core is that colour (a stroke icon, a flat shape). */
const MIN_FLAT_SHARE = 0.6;
/** The growth stays within the core's box widened by this share of its size (at least MIN_REACH pixels)... */
const REACH = 1;
const MIN_REACH = 16;
/** ...and adds at most this many times the core: more is the backdrop, not the rest of the object. */
const MAX_GROWTH = 3;
/** What grows is strokes (which the matte loses), not areas: at most this share of it lies deeper than STROKE. */
const MAX_DEEP_SHARE = 0.3;
const STROKE = 4;

/**
 * A one-colour object the matte caught only part of (the matte loses thin strokes) is completed along its strokes: the
 * pixels of that colour connected to its core join it, and their anti-aliased rim joins with the alpha that mixes the
 * colour with the surroundings'. Nothing changes when the object is not one colour, does not stand out from its
 * surroundings, when its colour runs on beyond the reach (it is the backdrop's), or when what would join is an area
 * rather than strokes (a see-through card's colour matching a band of the backdrop). `taken`: whether other layers hold a pixel.
 */
export function growByColour(plan: LayerPlan, image: RgbaImage, taken: (i: number) => boolean): LayerPlan {
  const { width: w, height: h, data } = image;
  const flat = flatColour(plan.alpha, image, MIN_FLAT_SHARE);
  if (!flat) return plan;
  const { colour, around, core, box } = flat;
  const reach = Math.max(MIN_REACH, Math.round(REACH * Math.max(box.x1 - box.x0, box.y1 - box.y0)));
  const x0 = Math.max(0, box.x0 - reach);
  const y0 = Math.max(0, box.y0 - reach);
  const x1 = Math.min(w - 1, box.x1 + reach);
  const y1 = Math.min(h - 1, box.y1 + reach);
  // flood the object's colour from its core, 8-connected, within the reach
  const grown = new Uint8Array(w * h);
  const queue = core.filter((i) => colourDistance(data, i, colour) <= SAME);
  for (const i of core) grown[i] = 1;
  let added = 0;
  while (queue.length > 0) {
    const p = queue.pop()!;
    const px = p % w;
    const py = (p - px) / w;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = px + dx;
        const y = py + dy;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const q = y * w + x;
        if (grown[q] || taken(q) || colourDistance(data, q, colour) > SAME) continue;
        // the colour runs on past the reach: it is the backdrop's
        if (x <= x0 || y <= y0 || x >= x1 || y >= y1) return plan;
        grown[q] = 1;
        added++;
        queue.push(q);
      }
    }
    if (added > MAX_GROWTH * core.length) return plan;
  }
  if (added === 0 || deepShare(grown, plan.alpha, w, { x0, y0, x1, y1 }) > MAX_DEEP_SHARE) return plan;
  const alpha = Float32Array.from(plan.alpha);
  const span = [0, 1, 2].map((c) => colour[c]! - around[c]!);
  const span2 = span[0]! ** 2 + span[1]! ** 2 + span[2]! ** 2;
  const near = growMask(grown, w, h, 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (grown[i]) {
        alpha[i] = 1;
        continue;
      }
      if (taken(i) || alpha[i]! > 0 || !near[i]) continue;
      // the rim: how much of the object's colour over the surroundings' it holds
      let t = 0;
      for (let c = 0; c < 3; c++) t += (data[i * 4 + c]! - around[c]!) * span[c]!;
      alpha[i] = Math.min(1, Math.max(0, t / span2));
    }
  }
  return { ...plan, alpha };
}

/** Share of the pixels `grown` adds to the core of `alpha` that lie more than STROKE pixels (chessboard) inside it. */
function deepShare(grown: Uint8Array, alpha: Float32Array, w: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const outside = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) outside[y * bw + x] = grown[(y + box.y0) * w + x + box.x0] ? 0 : 1;
  const near = growMask(outside, bw, bh, STROKE);
  let added = 0;
  let deep = 0;
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const i = (y + box.y0) * w + x + box.x0;
      if (!grown[i] || alpha[i]! > 0.5) continue;
      added++;
      if (!near[y * bw + x]) deep++;
    }
  }
  return added > 0 ? deep / added : 0;
}
