import type { RgbaImage } from '../image.js';
import { planBounds } from './LayerPlan.js';
import type { Tint } from './seeThroughTint.js';

/** Samples pair a pixel this far inside the shape's edge with one this far outside its soft fringe. */
const INSIDE = 6;
const OUTSIDE = 14;
/** The background along the edge must vary (a gradient): standard deviation of at least this in some channel. */
const MIN_BACKDROP_SPREAD = 10;
/** Opacity range read this way (an opaque shape reads ~1: its colour does not follow the backdrop). */
const MIN_OPACITY = 0.2;
const MAX_OPACITY = 0.88;
/** The best tint must explain the edge this much better than an opaque colour does. */
const CLEARLY_BETTER = 0.5;
/** Largest mean per-channel residual of the inside colours around the fitted tint (a flat colour). */
const MAX_RESIDUAL = 5;
/** Largest step (summed over RGB) from a sample to the pixels 3 away: the backdrop is smooth there. */
const SMOOTH = 9;
/** Pairs used at most (an even subsample beyond). */
const MAX_PAIRS = 500;

/**
 * A see-through flat shape over a smooth but varying backdrop (a gradient), where the fill cannot tell tint from
 * backdrop: along the shape's top and left edges (drop shadows fall down and to the right), the colour a little inside
 * is C = a F + (1 - a) B, with B the backdrop there extrapolated from two samples outside, so across edge points with
 * different B a line fit of C on B gives 1 - a as its slope (one slope for all channels) and a F as its intercepts.
 * The slope is the least median misfit (half the pairs may be spoiled by a neighbour, text or a shadow), refitted by
 * least squares on the pairs it explains. Undefined when the backdrop does not vary along the edge, when an opaque
 * colour explains the edge about as well (an opaque shape's colour does not follow the backdrop), or when one tint
 * does not explain it closely.
 */
export function edgeTint(alpha: Float32Array, image: RgbaImage): Tint | undefined {
  const { width: w, height: h, data } = image;
  const inner: number[] = [];
  const outer: number[] = [];
  const further: number[] = [];
  const pair = (i: number, o: number, f: number): void => {
    inner.push(i);
    outer.push(o);
    further.push(f);
  };
  const box = planBounds(alpha, w, 0.5);
  if (!box) return undefined;
  // the top and left edges of the core, from column and row scans (drop shadows fall down and to the right)
  for (const [len, from, to, lineFrom, lineTo, step, lineStep] of [
    [w, box.x0, box.x1, box.y0, box.y1, 1, w],
    [h, box.y0, box.y1, box.x0, box.x1, w, 1],
  ] as const) {
    for (let line = lineFrom; line <= lineTo; line++) {
      const base = line * lineStep;
      for (let p = Math.max(from, 2 * OUTSIDE + 2); p <= to && p + INSIDE + 1 < len; p++) {
        const edge = base + p * step;
        if (!(alpha[edge]! > 0.5) || alpha[edge - step]! > 0.5) continue;
        const dir = step; // towards the inside
        if (!insideRun(alpha, edge, dir, INSIDE)) continue;
        const out = outsideAt(alpha, edge - dir, -dir, OUTSIDE);
        const inside = edge + dir * INSIDE;
        // both samples on smooth ground: no text, outline or shadow edge next to them
        const far = out - dir * OUTSIDE;
        const ok = out >= 0 && smooth(data, inside, dir) && smooth(data, out, -dir) && smooth(data, out, lineStep);
        if (ok && smooth(data, far, lineStep)) pair(inside, out, far);
      }
    }
  }
  if (inner.length < 64) return undefined;
  // an even subsample keeps the search fast on large shapes
  const every = Math.ceil(inner.length / MAX_PAIRS);
  if (every > 1) {
    inner.splice(0, inner.length, ...inner.filter((_, j) => j % every === 0));
    outer.splice(0, outer.length, ...outer.filter((_, j) => j % every === 0));
    further.splice(0, further.length, ...further.filter((_, j) => j % every === 0));
  }
  // least median of misfit over the share of the backdrop showing through (0 = opaque): robust to the half of the
  // pairs a shadow, a neighbour or text may spoil
  const n = inner.length;
  // the backdrop under the inside sample, extrapolated along the gradient from two samples outside
  const reach = (OUTSIDE + 1 + INSIDE) / OUTSIDE;
  const b = [0, 1, 2].map((c) =>
    Float64Array.from(outer, (o, j) => data[o * 4 + c]! + reach * (data[o * 4 + c]! - data[further[j]! * 4 + c]!)),
  );
  const v = [0, 1, 2].map((c) => Float64Array.from(inner, (i) => data[i * 4 + c]!));
  const spread = b.map((x) => {
    const sorted = Float64Array.from(x).sort();
    return (sorted[Math.floor(n * 0.9)]! - sorted[Math.floor(n * 0.1)]!) / 2.56;
  });
  if (Math.max(...spread) < MIN_BACKDROP_SPREAD) return undefined;
  const misfitAt = (s: number): { misfit: number; k: number[] } => {
    const k = [0, 1, 2].map((c) => median(Float64Array.from(v[c]!, (x, j) => x - s * b[c]![j]!)));
    const e = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let c = 0; c < 3; c++) e[j]! += Math.abs(v[c]![j]! - s * b[c]![j]! - k[c]!);
    return { misfit: median(e) / 3, k };
  };
  let best = { s: 0, ...misfitAt(0) };
  const opaque = best.misfit;
  for (let s = 0.02; s <= 1 - MIN_OPACITY + 1e-9; s += 0.02) {
    const m = misfitAt(s);
    if (m.misfit < best.misfit) best = { s, ...m };
  }
  for (let s = best.s - 0.018; s <= best.s + 0.018 && best.s > 0; s += 0.002) {
    const m = misfitAt(s);
    if (m.misfit < best.misfit) best = { s, ...m };
  }
  if (best.s > 0) best = { ...best, ...pooledFit(b, v, best.s, best.k, Math.max(3, 2 * best.misfit)) };
  const opacity = 1 - best.s;
  if (opacity > MAX_OPACITY || best.misfit > MAX_RESIDUAL || best.misfit > CLEARLY_BETTER * opaque) return undefined;
  const color = best.k.map((k) => k / opacity);
  if (color.some((x) => x < -10 || x > 265)) return undefined;
  return { opacity, color: color.map((x) => Math.min(255, Math.max(0, x))) as [number, number, number] };
}

/** Least-squares refit of one slope shared by the channels (and an intercept each), over the pairs the robust fit explains. */
function pooledFit(b: Float64Array[], v: Float64Array[], s: number, k: number[], tolerance: number): { s: number; k: number[] } {
  const inliers: number[] = [];
  for (let j = 0; j < b[0]!.length; j++) {
    let e = 0;
    for (let c = 0; c < 3; c++) e += Math.abs(v[c]![j]! - s * b[c]![j]! - k[c]!);
    if (e / 3 <= tolerance) inliers.push(j);
  }
  if (inliers.length < 32) return { s, k };
  const mb = [0, 1, 2].map((c) => inliers.reduce((t, j) => t + b[c]![j]!, 0) / inliers.length);
  const mv = [0, 1, 2].map((c) => inliers.reduce((t, j) => t + v[c]![j]!, 0) / inliers.length);
  let num = 0;
  let den = 0;
  for (let c = 0; c < 3; c++) {
    for (const j of inliers) {
      const db = b[c]![j]! - mb[c]!;
      num += db * (v[c]![j]! - mv[c]!);
      den += db * db;
    }
  }
  if (den <= 0) return { s, k };
  const fitted = num / den;
  return { s: fitted, k: [0, 1, 2].map((c) => mv[c]! - fitted * mb[c]!) };
}

function median(x: Float64Array): number {
  x.sort();
  return x[x.length >> 1]!;
}

/** A pixel that differs from the ones 3 steps either way along `dir` by at most SMOOTH (summed over RGB). */
function smooth(data: Uint8ClampedArray, i: number, dir: number): boolean {
  const a = i - 3 * dir;
  const b = i + 3 * dir;
  if (a < 0 || b * 4 >= data.length) return false;
  let da = 0;
  let db = 0;
  for (let c = 0; c < 3; c++) {
    da += Math.abs(data[i * 4 + c]! - data[a * 4 + c]!);
    db += Math.abs(data[i * 4 + c]! - data[b * 4 + c]!);
  }
  return da <= SMOOTH && db <= SMOOTH;
}

function insideRun(alpha: Float32Array, from: number, dir: number, n: number): boolean {
  for (let d = 0; d <= n; d++) if (!(alpha[from + dir * d]! > 0.9) && d > 1) return false;
  return true;
}

/** The pixel `n` steps out from the edge, if the layer's fringe has ended by then (else -1). */
function outsideAt(alpha: Float32Array, from: number, dir: number, n: number): number {
  const o = from + dir * n;
  return alpha[o]! <= 0.004 && alpha[o - dir]! <= 0.004 ? o : -1;
}

