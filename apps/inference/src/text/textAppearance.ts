import type { Box, Matte, RgbaImage } from '../image.js';
import { borderBackground } from './borderBackground.js';
import { estimateFontSize } from './estimateFontSize.js';
import { inkCoverage, type InkCoverage } from './inkCoverage.js';
import { connectedComponents } from '../connectedComponents.js';
import { otsuThreshold } from './otsuThreshold.js';

export interface TextAppearance {
  /** Tight box around the ink (alpha > 0), in image pixels. */
  box: Box;
  /** Alpha over `box`. */
  alpha: Matte;
  color: [number, number, number];
  /** The other ink of two-colour (outlined) text; `alpha` then covers both. */
  secondColor?: [number, number, number];
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
/** Share of the ink cluster off the background-to-ink segment from which a second ink is modelled. */
const SECOND_INK_SHARE = 0.2;

/**
 * Splits the pixels of a text line box into ink and background and gives every pixel a soft alpha.
 *
 * 1. Background: per column, the median colour of the box's top and bottom rows nearby, blended top to bottom (the
 *    detector's box has a margin around the glyphs); see borderBackground.
 * 2. Otsu on the colour distance to it separates ink from background; the ink colour is the median of the farthest
 *    30 % of the ink pixels (the fully covered stroke cores, not anti-aliased edges).
 * 3. A local background (normalised box filter over the clear background pixels) follows gradients and textures.
 * 4. alpha = projection of (pixel - local background) onto (ink - local background), clamped to 0..1: exact for
 *    anti-aliased edges of a flat-coloured glyph. When much of the ink cluster is off that line and of one colour,
 *    or a flat plateau of partial coverage hugs the ink (a fill inside an outline), a second ink is modelled and
 *    alpha is the two inks' total share. The projection's noise on clear background sets a floor, and
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
  const bgModel = borderBackground(rgb, opaque, w, h);
  if (!bgModel) return null;

  // 2. Otsu on the distance to the background model.
  const dist = new Float32Array(n);
  const hist = new Float64Array(256);
  const binWidth = 442 / 256;
  for (let p = 0; p < n; p++) {
    if (!opaque[p]) continue;
    const d = Math.hypot(rgb[p * 3]! - bgModel[p * 3]!, rgb[p * 3 + 1]! - bgModel[p * 3 + 1]!, rgb[p * 3 + 2]! - bgModel[p * 3 + 2]!);
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
  const local = localMean(rgb, clear, w, h, radius, bgModel);

  // 4. Coverage by projection onto background -> ink, then two noise guards measured on the clear background: a
  //    floor of 3 sigma of the coverage, and a penalty for colours far off the background-to-ink segment (not a mix
  //    of the two, e.g. a differently coloured detail of a photo behind the text).
  let model = inkCoverage(rgb, local, opaque, [ink], MIN_CONTRAST);
  let guards = noiseGuards(model, clear);
  // Two-colour text (a fill inside an outline): if a good part of the ink cluster is off that segment and
  //    consistently coloured, it is a second ink; explain pixels as mixes of background and both inks.
  let second: [number, number, number] | null = null;
  const off: number[] = [];
  let inkCount = 0;
  for (let p = 0; p < n; p++) {
    if (!opaque[p] || dist[p]! <= tau) continue;
    inkCount++;
    if (model.residual[p]! > guards.r1) off.push(p);
  }
  let candidate: [number, number, number] | null = null;
  if (off.length >= Math.max(20, SECOND_INK_SHARE * inkCount)) {
    // its colour: the median of the off pixels farthest off the segment (the solid inside, not blended edges)
    off.sort((a, b) => model.residual[b]! - model.residual[a]!);
    const solidOff = off.slice(0, Math.max(10, off.length >> 1));
    candidate = [0, 1, 2].map((c) => median(solidOff.map((p) => rgb[p * 3 + c]!))) as [number, number, number];
  } else {
    candidate = midTonePlateau(model.coverage, rgb, w, h, Math.max(20, SECOND_INK_SHARE * inkCount));
  }
  if (candidate) {
    const fromBg = Math.hypot(candidate[0] - bg[0], candidate[1] - bg[1], candidate[2] - bg[2]);
    const fromInk = Math.hypot(candidate[0] - ink[0], candidate[1] - ink[1], candidate[2] - ink[2]);
    if (fromBg >= 2 * MIN_CONTRAST && fromInk >= 2 * MIN_CONTRAST) {
      const twoInks = inkCoverage(rgb, local, opaque, [ink, candidate], MIN_CONTRAST);
      // an outline hugs its fill; a differently coloured detail of the background does not
      if (inksTouch(twoInks, w, h)) {
        second = candidate;
        model = twoInks;
        guards = noiseGuards(model, clear);
      }
    }
  }
  const { floor, r0, r1 } = guards;
  const alpha = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const a = Math.min(1, Math.max(0, (model.coverage[p]! - floor) / (1 - floor)));
    const onSegment = Math.min(1, Math.max(0, (r1 - model.residual[p]!) / (r1 - r0)));
    alpha[p] = a * onSegment;
  }
  // The fill is the text's colour, the outline (the ink that borders the background more) its second colour.
  const [main, other] = second && outlineIsFirst(alpha, model.second, w, h) ? [second, ink] : [ink, second];

  // 5. Keep the line's own ink.
  const inkMask = new Uint8Array(n);
  for (let p = 0; p < n; p++) inkMask[p] = alpha[p]! > 0 ? 1 : 0;
  const { labels, components } = connectedComponents(inkMask, w, h);
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
    color: main.map((v) => Math.round(v)) as [number, number, number],
    ...(other ? { secondColor: other.map((v) => Math.round(v)) as [number, number, number] } : {}),
    fontSize: estimateFontSize(inkBottom - inkTop + 1, content),
    separation: otsu.separation,
  };
}

/**
 * A fill whose colour lies between the background and the outline reads as a flat region of partial coverage.
 * Returns its colour when at least `minCount` pixels sit inside such a plateau (they and their 8 neighbours have
 * coverage 0.15..0.85, unlike 1-2 px anti-aliased edges) and the plateau is flat (std < 0.08, unlike a blur ramp).
 */
function midTonePlateau(coverage: Float32Array, rgb: Float32Array, w: number, h: number, minCount: number): [number, number, number] | null {
  const inside: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      const c = coverage[p]!;
      if (c < 0.2 || c > 0.8) continue;
      let flat = true;
      for (let dy = -1; dy <= 1 && flat; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const v = coverage[p + dy * w + dx]!;
          if (v < 0.15 || v > 0.85) {
            flat = false;
            break;
          }
        }
      }
      if (flat) inside.push(p);
    }
  }
  if (inside.length < minCount) return null;
  let sum = 0;
  let sumSq = 0;
  for (const p of inside) {
    sum += coverage[p]!;
    sumSq += coverage[p]! * coverage[p]!;
  }
  const mean = sum / inside.length;
  if (Math.sqrt(Math.max(0, sumSq / inside.length - mean * mean)) >= 0.08) return null;
  return [0, 1, 2].map((c) => median(inside.map((p) => rgb[p * 3 + c]!))) as [number, number, number];
}

/** Whether most solid pixels of one ink lie within 2 px of a solid pixel of the other ink. */
function inksTouch(model: InkCoverage, w: number, h: number): boolean {
  const near = [0, 0];
  const total = [0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (model.coverage[p]! < 0.5) continue;
      const k = model.second[p]!;
      total[k]!++;
      let found = false;
      for (let dy = -2; dy <= 2 && !found; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (model.coverage[q]! >= 0.5 && model.second[q] !== k) {
            found = true;
            break;
          }
        }
      }
      if (found) near[k]!++;
    }
  }
  return Math.max(near[0]! / Math.max(1, total[0]!), near[1]! / Math.max(1, total[1]!)) >= 0.6;
}

/** Whether solid pixels of the first ink touch the background (alpha < 0.5) more often than the second ink's. */
function outlineIsFirst(alpha: Float32Array, second: Uint8Array, w: number, h: number): boolean {
  const edge = [0, 0];
  const total = [0, 0];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      if (alpha[p]! < 0.5) continue;
      const k = second[p]!;
      total[k]!++;
      if (alpha[p - 1]! < 0.5 || alpha[p + 1]! < 0.5 || alpha[p - w]! < 0.5 || alpha[p + w]! < 0.5) edge[k]!++;
    }
  }
  return edge[0]! / Math.max(1, total[0]!) > edge[1]! / Math.max(1, total[1]!);
}

function noiseGuards(model: InkCoverage, clear: Uint8Array): { floor: number; r0: number; r1: number } {
  let coverageSq = 0;
  let residualSq = 0;
  let count = 0;
  for (let p = 0; p < clear.length; p++) {
    if (!clear[p]) continue;
    coverageSq += model.coverage[p]! * model.coverage[p]!;
    residualSq += model.residual[p]! * model.residual[p]!;
    count++;
  }
  const floor = Math.min(0.3, 3 * Math.sqrt(count > 0 ? coverageSq / count : 0));
  const r0 = Math.max(RESIDUAL_MIN, 3 * Math.sqrt(count > 0 ? residualSq / count : 0));
  return { floor, r0, r1: r0 + RESIDUAL_RAMP };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1]!;
}

/** Mean colour of the `mask`ed pixels in a (2r+1)^2 window (integral images); `fallback` where the window has none. */
function localMean(rgb: Float32Array, mask: Uint8Array, w: number, h: number, r: number, fallback: Float32Array): Float32Array {
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
        out[p + c] = k >= 1 ? (s[yb * W + xb]! - s[ya * W + xb]! - s[yb * W + xa]! + s[ya * W + xa]!) / k : fallback[p + c]!;
      }
    }
  }
  return out;
}
