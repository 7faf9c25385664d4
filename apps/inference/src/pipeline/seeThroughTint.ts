import type { RgbaImage } from '../image.js';
import { growMask } from './growMask.js';
import { planBounds } from './LayerPlan.js';

/** A flat colour laid over the background at a uniform opacity. */
export interface Tint {
  opacity: number;
  color: [number, number, number];
}

/** Ring around the layer standing for the background beneath it: from RING_GAP to RING pixels out. */
const RING = 12;
const RING_GAP = 3;
/** The surroundings must be textured: mean neighbour step (summed over RGB, x and y) at least this... */
const MIN_RING_TEXTURE = 5;
/** ...for the texture that shows through to reveal the opacity, between these bounds. */
const MIN_OPACITY = 0.2;
const MAX_OPACITY = 0.88;
/** Each clearly textured channel must show the same attenuation (1 - opacity) within this. */
const MAX_CHANNEL_DISAGREEMENT = 0.15;
/** At most this share of the core may unblend to a background colour outside 0..255 (by more than a few levels). */
const MAX_OUT_OF_RANGE = 0.06;
/**
 * Texture shows through a tint everywhere: the share of core pixels stepping at least half the mean expected there
 * must be this much of the same share in the ring (an opaque object's own details make the mean on a few edges).
 */
const MIN_SPREAD_RATIO = 0.5;

/**
 * A see-through flat shape over a textured background, found from the texture itself: under a tint of opacity a,
 * the background's neighbour-to-neighbour steps shrink by (1 - a) in every channel, whatever the fill guessed.
 * `image` is what the layer and everything beneath composite to, `filled` the same with the layer's hole filled
 * (its mean stands for the background's mean under the shape). Undefined when the surroundings are smooth (the
 * fill is then good enough to read the tint from), when the core is not an attenuated copy of the surroundings'
 * texture (an opaque or textured object), or when unblending would leave colours out of range.
 */
export function seeThroughTint(alpha: Float32Array, image: RgbaImage, filled: RgbaImage): Tint | undefined {
  const { width: w, height: h, data } = image;
  const box = planBounds(alpha, w, 0.004);
  if (!box) return undefined;
  const { x0, y0, x1, y1 } = box;
  const bx0 = Math.max(0, x0 - RING);
  const by0 = Math.max(0, y0 - RING);
  const bx1 = Math.min(w - 2, x1 + RING);
  const by1 = Math.min(h - 2, y1 + RING);
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  if (bw < 4 || bh < 4) return undefined;
  // region per pixel of the box: 1 = core (well inside the shape), 2 = ring (clear of it), 0 = neither
  const soft = new Uint8Array(bw * bh);
  const notCore = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const a = alpha[(y + by0) * w + x + bx0]!;
      soft[y * bw + x] = a > 0.004 ? 1 : 0;
      notCore[y * bw + x] = a > 0.9 ? 0 : 1;
    }
  }
  const near = growMask(soft, bw, bh, RING);
  const touching = growMask(soft, bw, bh, RING_GAP);
  const edge = growMask(notCore, bw, bh, 2);
  const region = new Uint8Array(bw * bh);
  for (let k = 0; k < region.length; k++) region[k] = !edge[k] ? 1 : near[k] && !touching[k] ? 2 : 0;
  const steps = [new Float64Array(3), new Float64Array(3), new Float64Array(3)];
  const counts = [0, 0, 0];
  const coreSum = [0, 0, 0];
  const fillSum = [0, 0, 0];
  // each counted pixel's step summed over RGB, by region
  const totals: number[][] = [[], [], []];
  for (let y = 0; y + 1 < bh; y++) {
    for (let x = 0; x + 1 < bw; x++) {
      const k = y * bw + x;
      const r = region[k]!;
      if (r === 0 || region[k + 1] !== r || region[k + bw] !== r) continue;
      const i = (y + by0) * w + x + bx0;
      counts[r]!++;
      let total = 0;
      for (let c = 0; c < 3; c++) {
        const v = data[i * 4 + c]!;
        const step = Math.abs(v - data[(i + 1) * 4 + c]!) + Math.abs(v - data[(i + w) * 4 + c]!);
        steps[r]![c]! += step;
        total += step;
        if (r === 1) {
          coreSum[c]! += v;
          fillSum[c]! += filled.data[i * 4 + c]!;
        }
      }
      totals[r]!.push(total);
    }
  }
  const nCore = counts[1]!;
  const nRing = counts[2]!;
  if (nCore < 64 || nRing < 64) return undefined;
  const ringSteps = Array.from(steps[2]!, (s) => s / nRing);
  const coreSteps = Array.from(steps[1]!, (s) => s / nCore);
  const ringTotal = ringSteps[0]! + ringSteps[1]! + ringSteps[2]!;
  if (ringTotal < MIN_RING_TEXTURE) return undefined;
  const kept = (coreSteps[0]! + coreSteps[1]! + coreSteps[2]!) / ringTotal;
  const opacity = 1 - kept;
  if (opacity < MIN_OPACITY || opacity > MAX_OPACITY) return undefined;
  const spread = (values: number[], mean: number): number => values.filter((v) => v >= 0.5 * mean).length / values.length;
  if (spread(totals[1]!, kept * ringTotal) < MIN_SPREAD_RATIO * spread(totals[2]!, ringTotal)) return undefined;
  const strongest = Math.max(...ringSteps);
  for (let c = 0; c < 3; c++) {
    if (ringSteps[c]! < 0.3 * strongest) continue;
    if (Math.abs(coreSteps[c]! / ringSteps[c]! - kept) > MAX_CHANNEL_DISAGREEMENT) return undefined;
  }
  const color = [0, 1, 2].map((c) => (coreSum[c]! / nCore - kept * (fillSum[c]! / nCore)) / opacity);
  if (color.some((v) => v < -40 || v > 295)) return undefined;
  const tint: Tint = { opacity, color: color.map((v) => Math.min(255, Math.max(0, v))) as [number, number, number] };
  let out = 0;
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      if (region[y * bw + x] !== 1) continue;
      const i = (y + by0) * w + x + bx0;
      for (let c = 0; c < 3; c++) {
        const b = (data[i * 4 + c]! - opacity * tint.color[c]!) / kept;
        if (b < -6 || b > 261) {
          out++;
          break;
        }
      }
    }
  }
  return out <= MAX_OUT_OF_RANGE * nCore ? tint : undefined;
}

/**
 * The background beneath a tint, recovered exactly where the layer covers it: B = (C - α F) / (1 - α) with
 * α = alpha × opacity; elsewhere `image` unchanged.
 */
export function removeTint(alpha: Float32Array, image: RgbaImage, tint: Tint): RgbaImage {
  const out: RgbaImage = { width: image.width, height: image.height, data: Uint8ClampedArray.from(image.data) };
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i]! * tint.opacity;
    if (a <= 0.004) continue;
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = (image.data[i * 4 + c]! - a * tint.color[c]!) / (1 - a);
  }
  return out;
}
