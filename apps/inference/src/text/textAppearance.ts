import type { Box, Matte, RgbaImage } from '../image.js';
import { estimateFontSize } from './estimateFontSize.js';
import { labelComponents } from './labelComponents.js';
import { otsuThreshold } from './otsuThreshold.js';

export interface TextAppearance {
  /** Tight box around the ink (alpha > 0), in image pixels. */
  box: Box;
  /** Alpha over `box`. */
  alpha: Matte;
  color: [number, number, number];
  fontSize: number;
  /** How cleanly ink and background separate (Otsu between-class / total variance, 0..1). */
  separation: number;
}

/** Below this the line's box holds no two-colour text. */
const MIN_SEPARATION = 0.5;
/** Minimum ink-to-background colour distance (0..441) for text to count as present. */
const MIN_CONTRAST = 24;
/** Off-segment colour distance (0..441) tolerated before alpha is reduced, and the width of the ramp to 0. */
const RESIDUAL_MIN = 12;
const RESIDUAL_RAMP = 30;

/**
 * Splits the pixels of a text line box into ink and background and gives every pixel a soft alpha.
 *
 * 1. Background colour: per-channel median of the box border (the detector's box has a margin around the glyphs).
 * 2. Otsu on the colour distance to it separates ink from background; the ink colour is the median of the farthest
 *    30 % of the ink pixels (the fully covered stroke cores, not anti-aliased edges).
 * 3. A local background (normalised box filter over the clear background pixels) follows gradients and textures.
 * 4. alpha = projection of (pixel - local background) onto (ink - local background), clamped to 0..1: exact for
 *    anti-aliased edges of a flat-coloured glyph. The projection's noise on clear background sets a floor, and
 *    pixels whose colour lies far off the background-to-ink segment lose their alpha.
 * 5. Ink components that touch the box edge outside the core rows (a neighbouring line's descenders) and components
 *    without any solid pixel are dropped; the box shrinks to the remaining ink.
 *
 * Returns null when the box holds no clearly two-coloured content.
 */
export function textAppearance(image: RgbaImage, lineBox: Box, core: Box | null, content: string): TextAppearance | null {
  const pad = 2;
  const x0 = Math.max(0, lineBox.x - pad);
  const y0 = Math.max(0, lineBox.y - pad);
  const x1 = Math.min(image.width, lineBox.x + lineBox.width + pad);
  const y1 = Math.min(image.height, lineBox.y + lineBox.height + pad);
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 3 || h < 3) return null;
  const n = w * h;
  const { data } = image;
  const rgb = new Float32Array(n * 3);
  const opaque = new Uint8Array(n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * image.width + x0 + x) * 4;
      const p = y * w + x;
      rgb[p * 3] = data[i]!;
      rgb[p * 3 + 1] = data[i + 1]!;
      rgb[p * 3 + 2] = data[i + 2]!;
      opaque[p] = data[i + 3]! > 0 ? 1 : 0;
    }
  }

  // 1. Border median.
  const border: number[][] = [[], [], []];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y > 1 && y < h - 2 && x > 1 && x < w - 2) continue;
      const p = y * w + x;
      if (!opaque[p]) continue;
      for (let c = 0; c < 3; c++) border[c]!.push(rgb[p * 3 + c]!);
    }
  }
  if (border[0]!.length === 0) return null;
  const bg = border.map(median) as [number, number, number];

  // 2. Otsu on the distance to the background.
  const dist = new Float32Array(n);
  const hist = new Float64Array(256);
  const binWidth = 442 / 256;
  for (let p = 0; p < n; p++) {
    if (!opaque[p]) continue;
    const d = Math.hypot(rgb[p * 3]! - bg[0], rgb[p * 3 + 1]! - bg[1], rgb[p * 3 + 2]! - bg[2]);
    dist[p] = d;
    hist[Math.min(255, Math.floor(d / binWidth))]! += 1;
  }
  const otsu = otsuThreshold(hist, binWidth);
  const tau = otsu.threshold;
  const inkDist: number[] = [];
  for (let p = 0; p < n; p++) if (opaque[p] && dist[p]! > tau) inkDist.push(dist[p]!);
  if (inkDist.length < 4 || otsu.separation < MIN_SEPARATION) return null;
  inkDist.sort((a, b) => a - b);
  const coreCut = inkDist[Math.floor(inkDist.length * 0.7)]!;
  const inkSamples: number[][] = [[], [], []];
  for (let p = 0; p < n; p++) {
    if (opaque[p] && dist[p]! >= coreCut) for (let c = 0; c < 3; c++) inkSamples[c]!.push(rgb[p * 3 + c]!);
  }
  const ink = inkSamples.map(median) as [number, number, number];
  if (Math.hypot(ink[0] - bg[0], ink[1] - bg[1], ink[2] - bg[2]) < MIN_CONTRAST) return null;

  // 3. Local background from clear background pixels (distance below half the threshold, not next to ink).
  const clear = new Uint8Array(n);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!opaque[p] || dist[p]! > tau / 2) continue;
      let nearInk = false;
      for (let dy = -1; dy <= 1 && !nearInk; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w && dist[yy * w + xx]! > tau) {
            nearInk = true;
            break;
          }
        }
      }
      if (!nearInk) clear[p] = 1;
    }
  }
  const radius = Math.max(3, Math.round(h / 2));
  const local = localMean(rgb, clear, w, h, radius, bg);

  // 4. Projection alpha, then two noise guards measured on the clear background: a floor of 3 sigma of the
  //    projection, and a penalty for colours far off the background-to-ink segment (a pixel there is not a mix of
  //    the two, e.g. a differently coloured detail of a photo behind the text).
  const raw = new Float32Array(n);
  const residual = new Float32Array(n);
  let noiseSq = 0;
  let residualSq = 0;
  let noiseN = 0;
  for (let p = 0; p < n; p++) {
    if (!opaque[p]) continue;
    const br = local[p * 3]!, bgc = local[p * 3 + 1]!, bb = local[p * 3 + 2]!;
    const dr = ink[0] - br, dg = ink[1] - bgc, db = ink[2] - bb;
    const len2 = dr * dr + dg * dg + db * db;
    if (len2 < MIN_CONTRAST * MIN_CONTRAST) continue;
    const pr = rgb[p * 3]! - br, pg = rgb[p * 3 + 1]! - bgc, pb = rgb[p * 3 + 2]! - bb;
    const a = (pr * dr + pg * dg + pb * db) / len2;
    const t = Math.min(1, Math.max(0, a));
    raw[p] = a;
    residual[p] = Math.hypot(pr - t * dr, pg - t * dg, pb - t * db);
    if (clear[p]) {
      noiseSq += a * a;
      residualSq += residual[p]! * residual[p]!;
      noiseN++;
    }
  }
  const floor = Math.min(0.3, 3 * Math.sqrt(noiseN > 0 ? noiseSq / noiseN : 0));
  const r0 = Math.max(RESIDUAL_MIN, 3 * Math.sqrt(noiseN > 0 ? residualSq / noiseN : 0));
  const r1 = r0 + RESIDUAL_RAMP;
  const alpha = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const a = Math.min(1, Math.max(0, (raw[p]! - floor) / (1 - floor)));
    const onSegment = Math.min(1, Math.max(0, (r1 - residual[p]!) / (r1 - r0)));
    alpha[p] = a * onSegment;
  }

  // 5. Keep the line's own ink.
  const inkMask = new Uint8Array(n);
  for (let p = 0; p < n; p++) inkMask[p] = alpha[p]! > 0 ? 1 : 0;
  const { labels, components } = labelComponents(inkMask, w, h);
  const keep = new Uint8Array(components.length + 1);
  const solid = new Uint8Array(components.length + 1);
  for (let p = 0; p < n; p++) if (alpha[p]! >= 0.5) solid[labels[p]!] = 1;
  const coreTop = core ? core.y - y0 : 0;
  const coreBottom = core ? core.y + core.height - y0 : h;
  for (const c of components) {
    const touches = c.minX === 0 || c.minY === 0 || c.maxX === w - 1 || c.maxY === h - 1;
    const inCoreRows = c.maxY >= coreTop && c.minY < coreBottom;
    keep[c.label] = solid[c.label] && (!touches || inCoreRows) ? 1 : 0;
  }
  let minX = w, minY = h, maxX = -1, maxY = -1;
  let inkTop = h, inkBottom = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!keep[labels[p]!]) {
        alpha[p] = 0;
        continue;
      }
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (alpha[p]! >= 0.5) {
        if (y < inkTop) inkTop = y;
        if (y > inkBottom) inkBottom = y;
      }
    }
  }
  if (maxX < 0 || inkBottom < 0) return null;
  const bw = maxX - minX + 1;
  const bh = maxY - minY + 1;
  const cropped = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) cropped.set(alpha.subarray((minY + y) * w + minX, (minY + y) * w + minX + bw), y * bw);
  return {
    box: { x: x0 + minX, y: y0 + minY, width: bw, height: bh },
    alpha: { width: bw, height: bh, data: cropped },
    color: ink.map((v) => Math.round(v)) as [number, number, number],
    fontSize: estimateFontSize(inkBottom - inkTop + 1, content),
    separation: otsu.separation,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1]!;
}

/** Mean colour of the `mask`ed pixels in a (2r+1)^2 window (integral images); `fallback` where the window has none. */
function localMean(rgb: Float32Array, mask: Uint8Array, w: number, h: number, r: number, fallback: readonly number[]): Float32Array {
  const W = w + 1;
  const sums = [new Float64Array(W * (h + 1)), new Float64Array(W * (h + 1)), new Float64Array(W * (h + 1))];
  const count = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const m = mask[p]!;
      const i = (y + 1) * W + x + 1;
      count[i] = m + count[i - 1]! + count[i - W]! - count[i - W - 1]!;
      for (let c = 0; c < 3; c++) {
        const s = sums[c]!;
        s[i] = m * rgb[p * 3 + c]! + s[i - 1]! + s[i - W]! - s[i - W - 1]!;
      }
    }
  }
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - r);
    const yb = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - r);
      const xb = Math.min(w, x + r + 1);
      const k = count[yb * W + xb]! - count[ya * W + xb]! - count[yb * W + xa]! + count[ya * W + xa]!;
      const p = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const s = sums[c]!;
        out[p + c] = k >= 1 ? (s[yb * W + xb]! - s[ya * W + xb]! - s[yb * W + xa]! + s[ya * W + xa]!) / k : fallback[c]!;
      }
    }
  }
  return out;
}
