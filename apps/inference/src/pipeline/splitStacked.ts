import type { RgbaImage } from '../image.js';
import { convexHull, fillConvex } from './convexHull.js';
import type { LayerPlan } from './LayerPlan.js';

/** Neighbouring pixels closer than this (RGB distance) belong to the same flat region. */
const FLAT_TOLERANCE = 10;
/** ...and no pixel of a flat region is further than this (sum of channel differences) from its seed colour. */
const FLAT_SPAN = 60;

/**
 * Split a matted component that is a flat shape with something stacked on it (a card under an emoji, a badge under
 * an icon): its largest flat-colour region R becomes the lower layer, completed to R's convex hull under the
 * occluder; the rest becomes the upper layer. Only when R is large, mostly bordered by the outside of the component,
 * and the rest sticks out of R's hull (an emoji's face with eyes inside it is not split). Returns the plans in order
 * (lower first), or the plan unchanged.
 */
export function splitStacked(plan: LayerPlan, image: RgbaImage, minArea: number): LayerPlan[] {
  const { width: w, height: h, data } = image;
  const core = new Uint8Array(w * h);
  let coreArea = 0;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < core.length; i++) {
    if (plan.alpha[i]! <= 0.5) continue;
    core[i] = 1;
    coreArea++;
    const x = i % w;
    const y = (i - x) / w;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (coreArea < 2 * minArea) return [plan];
  // flat regions: flood fill over core pixels whose colour steps stay within the tolerance
  const region = new Int32Array(w * h);
  let best = 0;
  let bestSize = 0;
  let label = 0;
  const stack: number[] = [];
  const close = (p: number, q: number): boolean =>
    Math.abs(data[p * 4]! - data[q * 4]!) + Math.abs(data[p * 4 + 1]! - data[q * 4 + 1]!) + Math.abs(data[p * 4 + 2]! - data[q * 4 + 2]!) <=
    FLAT_TOLERANCE;
  const near = (p: number, q: number): boolean =>
    Math.abs(data[p * 4]! - data[q * 4]!) + Math.abs(data[p * 4 + 1]! - data[q * 4 + 1]!) + Math.abs(data[p * 4 + 2]! - data[q * 4 + 2]!) <=
    FLAT_SPAN;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const s = y * w + x;
      if (!core[s] || region[s]) continue;
      label++;
      let size = 0;
      const seed = s;
      region[s] = label;
      stack.push(s);
      while (stack.length > 0) {
        const p = stack.pop()!;
        size++;
        const px = p % w;
        for (const q of [px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, p - w, p + w]) {
          if (q < 0 || q >= w * h || !core[q] || region[q] || !close(p, q) || !near(seed, q)) continue;
          region[q] = label;
          stack.push(q);
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = label;
      }
    }
  }
  if (bestSize < Math.max(minArea, 0.15 * coreArea) || bestSize > 0.9 * coreArea) return [plan];
  // exposure: share of R's boundary that borders the outside of the component
  let boundary = 0;
  let exposed = 0;
  const hullPoints: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let first = -1;
    let last = -1;
    for (let x = x0; x <= x1; x++) {
      const p = y * w + x;
      if (region[p] !== best) continue;
      if (first < 0) first = x;
      last = x;
      const neighbours = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      if (neighbours.every((q) => q >= 0 && region[q] === best)) continue;
      boundary++;
      if (neighbours.some((q) => q < 0 || !core[q])) exposed++;
    }
    if (first >= 0) hullPoints.push(first, y, last, y);
  }
  if (exposed < 0.4 * boundary) return [plan];
  const hull = completedShape(region, best, core, hullPoints, w, h);
  let upperArea = 0;
  let upperOutside = 0;
  for (let i = 0; i < core.length; i++) {
    if (!core[i] || region[i] === best) continue;
    upperArea++;
    if (!hull[i]) upperOutside++;
  }
  if (upperArea < minArea || upperOutside < 0.3 * upperArea) return [plan];
  if (upperArea - upperOutside <= 0.01 * upperArea) {
    // nothing covers the flat shape: it lies on top of the rest (a label over a picture)
    const top = new Float32Array(w * h);
    const rest = new Float32Array(w * h);
    for (let i = 0; i < core.length; i++) {
      const a = plan.alpha[i]!;
      if (a <= 0) continue;
      if (region[i] === best || (!core[i] && nearRegion(region, best, i, w, h))) top[i] = a;
      else rest[i] = a;
    }
    return [
      { ...plan, alpha: rest, name: `${plan.name} (under)` },
      { ...plan, alpha: top, name: `${plan.name} (shape)` },
    ];
  }
  const lower = new Float32Array(w * h);
  const upper = new Float32Array(w * h);
  for (let i = 0; i < core.length; i++) {
    const a = plan.alpha[i]!;
    if (a <= 0) continue;
    if (region[i] === best) lower[i] = a;
    else if (core[i]) {
      upper[i] = a;
      if (hull[i]) lower[i] = 1; // hidden part of the lower shape, completed under the occluder
    } else if (hull[i] || nearRegion(region, best, i, w, h)) lower[i] = a;
    else upper[i] = a;
  }
  return [
    { ...plan, alpha: lower, name: `${plan.name} (base)` },
    { ...plan, alpha: upper, name: `${plan.name} (top)` },
  ];
}

/**
 * The lower shape's extent under the occluder: its bounding box when everything in that box that is not the shape is
 * occluder (a rectangle with a corner covered), else the convex hull of the visible part.
 */
function completedShape(
  region: Int32Array,
  label: number,
  core: Uint8Array,
  hullPoints: number[],
  w: number,
  h: number,
): Uint8Array {
  let bx0 = w;
  let by0 = h;
  let bx1 = -1;
  let by1 = -1;
  for (let i = 0; i < hullPoints.length; i += 2) {
    bx0 = Math.min(bx0, hullPoints[i]!);
    bx1 = Math.max(bx1, hullPoints[i]!);
    by0 = Math.min(by0, hullPoints[i + 1]!);
    by1 = Math.max(by1, hullPoints[i + 1]!);
  }
  let outside = 0;
  for (let y = by0; y <= by1; y++) for (let x = bx0; x <= bx1; x++) if (!core[y * w + x] && region[y * w + x] !== label) outside++;
  if (outside <= 0.02 * (bx1 - bx0 + 1) * (by1 - by0 + 1)) {
    const box = new Uint8Array(w * h);
    for (let y = by0; y <= by1; y++) box.fill(1, y * w + bx0, y * w + bx1 + 1);
    return box;
  }
  return fillConvex(convexHull(hullPoints), w, h);
}

function nearRegion(region: Int32Array, label: number, i: number, w: number, h: number): boolean {
  const x = i % w;
  const y = (i - x) / w;
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && nx < w && ny >= 0 && ny < h && region[ny * w + nx] === label) return true;
    }
  }
  return false;
}
