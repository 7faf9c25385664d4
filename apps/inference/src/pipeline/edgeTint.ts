import type { RgbaImage } from '../image.js';
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
const MAX_PAIRS = 500;

/**
 * A see-through flat shape over a smooth but varying backdrop (a gradient): along the shape's edge, the colour just
 * inside is C = a F + (1 - a) B with B the backdrop just outside, so across edge points with different B a straight
 * line fit of C on B gives 1 - a as its slope (the same in every channel) and a F as its intercept. The fit drops the
 * worst third of the pairs (a drop shadow darkens the backdrop along some sides). Undefined when the backdrop does not
 * vary enough along the edge, the channels disagree, or the inside is not one tint of the backdrop.
 */
export function edgeTint(alpha: Float32Array, image: RgbaImage): Tint | undefined {
  const { width: w, height: h, data } = image;
  const inner: number[] = [];
  const outer: number[] = [];
  const pair = (i: number, o: number): void => {
    inner.push(i);
    outer.push(o);
  };
  // rising and falling edges of the core along rows and columns
  for (const [len, lines, step, lineStep] of [
    [w, h, 1, w],
    [h, w, w, 1],
  ] as const) {
    for (let line = 0; line < lines; line++) {
      const base = line * lineStep;
      for (let p = OUTSIDE + 1; p + OUTSIDE + 1 < len; p++) {
        const i = base + p * step;
        const inNow = alpha[i]! > 0.5;
        // only the top and left edges: drop shadows fall down and to the right
        if (!inNow || alpha[i - step]! > 0.5) continue;
        const dir = inNow ? step : -step; // towards the inside
        const edge = inNow ? i : i - step;
        if (!insideRun(alpha, edge, dir, INSIDE)) continue;
        const out = outsideAt(alpha, edge - dir, -dir, OUTSIDE);
        const inside = edge + dir * INSIDE;
        // both samples on smooth ground: no text, outline or shadow edge next to them
        if (out >= 0 && smooth(data, inside, dir) && smooth(data, out, -dir) && smooth(data, out, lineStep)) pair(inside, out);
      }
    }
  }
  if (inner.length < 64) return undefined;
  // an even subsample keeps the search fast on large shapes
  const every = Math.ceil(inner.length / MAX_PAIRS);
  if (every > 1) {
    inner.splice(0, inner.length, ...inner.filter((_, j) => j % every === 0));
    outer.splice(0, outer.length, ...outer.filter((_, j) => j % every === 0));
  }
  // least median of misfit over the share of the backdrop showing through (0 = opaque): robust to the half of the
  // pairs a shadow, a neighbour or text may spoil
  const n = inner.length;
  const b = [0, 1, 2].map((c) => Float64Array.from(outer, (o) => data[o * 4 + c]!));
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
  const opacity = 1 - best.s;
  if (opacity > MAX_OPACITY || best.misfit > MAX_RESIDUAL || best.misfit > CLEARLY_BETTER * opaque) return undefined;
  const color = best.k.map((k) => k / opacity);
  if (color.some((x) => x < -10 || x > 265)) return undefined;
  return { opacity, color: color.map((x) => Math.min(255, Math.max(0, x))) as [number, number, number] };
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

