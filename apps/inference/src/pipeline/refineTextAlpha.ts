import type { RgbaImage } from '../image.js';

/** A pixel further than this (RGB distance) from "text colour over the filled background" is not text. */
const MAX_RESIDUAL = 48;

/**
 * Drop the pixels of a text plan that the text colour cannot explain: with B the background filled behind the text,
 * a text pixel C should lie on the segment from B to the text colour F. Pixels far from it (a photo detail, an object
 * under the text box) stay in the layers beneath. Mutates `alpha`; returns how many pixels were dropped.
 */
export function refineTextAlpha(
  target: RgbaImage,
  filled: RgbaImage,
  alpha: Float32Array,
  color: [number, number, number],
): number {
  const t = target.data;
  const b = filled.data;
  let dropped = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0) continue;
    const o = i * 4;
    let num = 0;
    let den = 0;
    for (let c = 0; c < 3; c++) {
      const fb = color[c]! - b[o + c]!;
      num += (t[o + c]! - b[o + c]!) * fb;
      den += fb * fb;
    }
    if (den < 900) continue; // text colour ≈ background: no evidence either way
    const a = Math.min(1, Math.max(0, num / den));
    let residual = 0;
    for (let c = 0; c < 3; c++) residual += (t[o + c]! - (b[o + c]! + a * (color[c]! - b[o + c]!))) ** 2;
    if (Math.sqrt(residual) > MAX_RESIDUAL) {
      alpha[i] = 0;
      dropped++;
    }
  }
  return dropped;
}
