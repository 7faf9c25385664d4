export type Rgb = readonly [number, number, number];

export interface InkCoverage {
  /** Per pixel, the fraction covered by ink (sum over the inks; unclamped above for one ink so noise shows). */
  coverage: Float32Array;
  /** Per pixel, the colour distance between the pixel and its best mix of background and inks. */
  residual: Float32Array;
  /** Per pixel, 1 where the second ink dominates the pixel's ink (always 0 with one ink). */
  second: Uint8Array;
}

/**
 * Explains each pixel as background + ink: with one ink, the projection of (pixel - background) onto
 * (ink - background); with two inks (fill + outline), the least-squares mix p = bg + a (ink1 - bg) + b (ink2 - bg)
 * with a, b >= 0 and a + b <= 1. `local` is the per-pixel background (RGB triplets), `rgb` the pixels.
 */
export function inkCoverage(
  rgb: Float32Array,
  local: Float32Array,
  opaque: Uint8Array,
  inks: readonly Rgb[],
  /** Pixels whose local background is closer than this to the first ink get no coverage (ink indistinguishable). */
  minContrast = 24,
): InkCoverage {
  const n = opaque.length;
  const coverage = new Float32Array(n);
  const residual = new Float32Array(n);
  const second = new Uint8Array(n);
  const ink1 = inks[0]!;
  const ink2 = inks[1];
  for (let p = 0; p < n; p++) {
    if (!opaque[p]) continue;
    const b0 = local[p * 3]!, b1 = local[p * 3 + 1]!, b2 = local[p * 3 + 2]!;
    const q0 = rgb[p * 3]! - b0, q1 = rgb[p * 3 + 1]! - b1, q2 = rgb[p * 3 + 2]! - b2;
    const u0 = ink1[0] - b0, u1 = ink1[1] - b1, u2 = ink1[2] - b2;
    const uu = u0 * u0 + u1 * u1 + u2 * u2;
    if (uu < minContrast * minContrast) continue;
    const qu = q0 * u0 + q1 * u1 + q2 * u2;
    if (!ink2) {
      const a = qu / uu;
      const t = Math.min(1, Math.max(0, a));
      coverage[p] = a;
      residual[p] = Math.hypot(q0 - t * u0, q1 - t * u1, q2 - t * u2);
      continue;
    }
    const v0 = ink2[0] - b0, v1 = ink2[1] - b1, v2 = ink2[2] - b2;
    const vv = v0 * v0 + v1 * v1 + v2 * v2;
    const uv = u0 * v0 + u1 * v1 + u2 * v2;
    const qv = q0 * v0 + q1 * v1 + q2 * v2;
    const det = uu * vv - uv * uv;
    let a: number;
    let b: number;
    if (det < 0.05 * uu * vv) {
      // the inks lie on one line from the background (a mid-tone fill inside a dark outline): mixes run
      // background -> nearer ink -> farther ink
      const t = qu / uu;
      const tv = uv / uu;
      if (tv > 0 && tv < 1) {
        if (t <= tv) {
          a = 0;
          b = Math.min(1, Math.max(0, t / tv));
        } else {
          b = Math.min(1, Math.max(0, (1 - t) / (1 - tv)));
          a = 1 - b;
        }
      } else {
        a = Math.min(1, Math.max(0, t));
        b = 0;
      }
    } else {
      a = (qu * vv - qv * uv) / det;
      b = (qv * uu - qu * uv) / det;
      if (a < 0) {
        a = 0;
        b = Math.min(1, Math.max(0, qv / vv));
      } else if (b < 0) {
        b = 0;
        a = Math.min(1, Math.max(0, qu / uu));
      } else if (a + b > 1) {
        // on the segment between the two inks
        const d0 = u0 - v0, d1 = u1 - v1, d2 = u2 - v2;
        const dd = d0 * d0 + d1 * d1 + d2 * d2;
        a = dd > 0 ? Math.min(1, Math.max(0, ((q0 - v0) * d0 + (q1 - v1) * d1 + (q2 - v2) * d2) / dd)) : 0.5;
        b = 1 - a;
      }
    }
    coverage[p] = a + b;
    residual[p] = Math.hypot(q0 - a * u0 - b * v0, q1 - a * u1 - b * v1, q2 - a * u2 - b * v2);
    second[p] = b > a ? 1 : 0;
  }
  return { coverage, residual, second };
}
