import type { Box, RgbaImage } from '../image.js';

/** Per-output-sample filter taps along one axis (triangle filter widened by the scale when shrinking). */
interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float32Array;
  maxTaps: number;
}

function makeTaps(srcOffset: number, srcSize: number, outSize: number): Taps {
  const scale = srcSize / outSize;
  const support = Math.max(1, scale);
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float32Array(outSize * maxTaps);
  for (let o = 0; o < outSize; o++) {
    const center = (o + 0.5) * scale - 0.5;
    let lo = Math.max(0, Math.ceil(center - support));
    const hi = Math.min(srcSize - 1, Math.floor(center + support));
    if (lo > hi) lo = hi;
    let sum = 0;
    const n = Math.min(maxTaps, hi - lo + 1);
    for (let k = 0; k < n; k++) {
      const w = Math.max(0, 1 - Math.abs(lo + k - center) / support);
      weights[o * maxTaps + k] = w;
      sum += w;
    }
    if (sum <= 0) {
      weights[o * maxTaps] = 1;
      sum = 1;
    }
    for (let k = 0; k < n; k++) weights[o * maxTaps + k]! /= sum;
    start[o] = lo + srcOffset;
    count[o] = n;
  }
  return { start, count, weights, maxTaps };
}

/**
 * Crops `box` from `image`, resamples it to outW x outH (antialiased when shrinking) and returns a planar
 * Float32Array [3, outH, outW] in B, G, R order (PaddleOCR models are trained on OpenCV's BGR), each channel mapped
 * as (v / 255 - mean[c]) / std[c]. Transparent pixels are composited over white.
 */
export function resamplePlanes(
  image: RgbaImage,
  box: Box,
  outW: number,
  outH: number,
  mean: readonly [number, number, number],
  std: readonly [number, number, number],
): Float32Array {
  const { data, width } = image;
  const tx = makeTaps(box.x, box.width, outW);
  const ty = makeTaps(box.y, box.height, outH);
  // Horizontal pass over the rows of the box: [box.height, outW, 3] in RGB 0..255.
  const mid = new Float32Array(box.height * outW * 3);
  for (let y = 0; y < box.height; y++) {
    const row = (box.y + y) * width;
    for (let o = 0; o < outW; o++) {
      let r = 0, g = 0, b = 0;
      const s = tx.start[o]!;
      const n = tx.count[o]!;
      for (let k = 0; k < n; k++) {
        const w = tx.weights[o * tx.maxTaps + k]!;
        const i = (row + s + k) * 4;
        const a = data[i + 3]! / 255;
        const white = 255 * (1 - a);
        r += w * (data[i]! * a + white);
        g += w * (data[i + 1]! * a + white);
        b += w * (data[i + 2]! * a + white);
      }
      const m = (y * outW + o) * 3;
      mid[m] = r;
      mid[m + 1] = g;
      mid[m + 2] = b;
    }
  }
  const plane = outW * outH;
  const out = new Float32Array(plane * 3);
  for (let o = 0; o < outH; o++) {
    const s = ty.start[o]! - box.y;
    const n = ty.count[o]!;
    for (let x = 0; x < outW; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = 0; k < n; k++) {
        const w = ty.weights[o * ty.maxTaps + k]!;
        const m = ((s + k) * outW + x) * 3;
        r += w * mid[m]!;
        g += w * mid[m + 1]!;
        b += w * mid[m + 2]!;
      }
      const p = o * outW + x;
      out[p] = (b / 255 - mean[0]) / std[0];
      out[plane + p] = (g / 255 - mean[1]) / std[1];
      out[2 * plane + p] = (r / 255 - mean[2]) / std[2];
    }
  }
  return out;
}
