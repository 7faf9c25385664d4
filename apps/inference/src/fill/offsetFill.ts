import { checkpoint } from '../errors.js';
import type { RgbaImage } from '../image.js';
import type { Filler } from './Filler.js';
import { cropMask, cropRgb, holeBounds, pasteRgb } from './holeBounds.js';
import { lcg } from './lcg.js';
import { patchMatchFill } from './patchMatchFill.js';
import { pushPull } from './pushPull.js';

/** The offset statistics and labelling run on a copy of the crop shrunk to about this many pixels. */
const COARSE_PIXELS = 60_000;
/** Offsets of at most this many coarse pixels along each axis are scored. */
const MAX_OFFSET = 40;
/** Offsets shorter than this (coarse pixels) only repeat their neighbourhood; they are scored but never used. */
const MIN_OFFSET = 3;
/** At most this many offsets become labels. */
const LABELS = 32;
/** A label offset must repeat the pattern's layout this well: mismatches below this share of the median offset's. */
const REPEAT = 0.72;
/** ... and clearly better than the offsets 2 coarse pixels around it: mismatches below this share of theirs. */
const PROMINENT = 0.85;
/** Known pixels sampled to score an offset at the coarse scale, and to refine one at full size. */
const SAMPLES = 1500;
const REFINE_SAMPLES = 3000;

/** A shrunk crop: `known` marks coarse pixels whose whole block is outside the hole. */
export interface Grid {
  w: number;
  h: number;
  rgb: Float32Array;
  known: Uint8Array;
}

/** A displacement in pixels; a hole pixel p copies from p + offset. */
export interface Offset {
  dx: number;
  dy: number;
}

/**
 * Completion of holes in regular textures (dot grids, tiles, stripes) after He & Sun 2012, "Statistics of Patch
 * Offsets for Image Completion": the known surroundings, shrunk, are scored by how well their layout of bright and dark repeats under each offset;
 * the offsets that are clear local minima of that score become labels; hole pixels take labels greedily from the
 * border inward (a copy that agrees with the neighbourhood and with the neighbours' labels), and at full size each
 * hole pixel copies from itself plus its label's offset, refined at full size. Falls back to patchMatchFill where no
 * offset repeats the surroundings (photos, irregular content).
 */
export const offsetFill: Filler = async (image, hole, signal) => {
  const tight = holeBounds(hole, image.width, image.height, 0);
  if (!tight) return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const margin = Math.max(16, 0.6 * Math.max(tight.width, tight.height));
  const box = holeBounds(hole, image.width, image.height, margin)!;
  const rgb = cropRgb(image.data, image.width, box);
  const mask = cropMask(hole, image.width, box);
  const scale = Math.max(1, Math.round(Math.sqrt((box.width * box.height) / COARSE_PIXELS)));
  const coarse = shrink(rgb, mask, box.width, box.height, scale);
  const offsets = repeatingOffsets(coarse);
  if (offsets.length === 0) return patchMatchFill(image, hole, signal);
  await checkpoint(signal);
  const { labels, order } = assignLabels(coarse, offsets);
  await checkpoint(signal);
  const luma = new Float32Array(mask.length);
  for (let i = 0; i < luma.length; i++) luma[i] = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
  const sample = knownSample(mask);
  const fine = offsets.map((o) => refineOffset(luma, mask, box.width, box.height, sample, o, scale));
  copyAlong(rgb, mask, box.width, box.height, coarse, scale, labels, order, fine);
  const out: RgbaImage = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  pasteRgb(out.data, image.width, box, rgb, mask);
  return out;
};

/** Block means; a block with any hole pixel is unknown. */
function shrink(rgb: Float32Array, hole: Uint8Array, w: number, h: number, s: number): Grid {
  const cw = Math.ceil(w / s);
  const ch = Math.ceil(h / s);
  const out = new Float32Array(cw * ch * 3);
  const known = new Uint8Array(cw * ch).fill(1);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const c = y * cw + x;
      let n = 0;
      for (let fy = y * s; fy < Math.min(h, y * s + s); fy++) {
        for (let fx = x * s; fx < Math.min(w, x * s + s); fx++) {
          const f = fy * w + fx;
          if (hole[f]) known[c] = 0;
          for (let k = 0; k < 3; k++) out[c * 3 + k]! += rgb[f * 3 + k]!;
          n++;
        }
      }
      for (let k = 0; k < 3; k++) out[c * 3 + k]! /= n;
    }
  }
  return { w: cw, h: ch, rgb: out, known };
}

/**
 * The offsets under which the known region repeats itself: local minima (over a 5×5 neighbourhood of offsets) of the
 * share of sampled known pixels whose brighter-than-around bit differs from the known pixel at that offset, at least
 * MIN_OFFSET long, well below the median offset's share and clearly below the offsets around them, and not much worse
 * than the best. Empty when nothing repeats, or repeats along one direction only.
 */
export function repeatingOffsets(grid: Grid): Offset[] {
  const { w, h, known } = grid;
  const R = Math.min(MAX_OFFSET, Math.floor(Math.max(w, h) / 3));
  if (R <= MIN_OFFSET + 2) return [];
  const all: number[] = [];
  for (let i = 0; i < known.length; i++) if (known[i]) all.push(i);
  if (all.length < 200) return [];
  const m = Math.min(all.length, SAMPLES);
  const sx = new Int32Array(m);
  const sy = new Int32Array(m);
  const random = lcg(7);
  for (let k = 0; k < m; k++) {
    const p = all[m === all.length ? k : Math.floor(random() * all.length)]!;
    sx[k] = p % w;
    sy[k] = (p - sx[k]!) / w;
  }
  const bright = brighterThanAround(grid);
  const side = 2 * R + 1;
  // sample-major: for each sample, a row of offsets reads a contiguous run of pixels
  const mismatches = new Int32Array(side * side);
  const pairs = new Int32Array(side * side);
  for (let k = 0; k < m; k++) {
    const x = sx[k]!;
    const y = sy[k]!;
    const b = bright[y * w + x]!;
    const dx0 = Math.max(-R, -x);
    const dx1 = Math.min(R, w - 1 - x);
    for (let dy = Math.max(-R, -y); dy <= Math.min(R, h - 1 - y); dy++) {
      const row = (y + dy) * w + x;
      const o = (dy + R) * side + R;
      for (let dx = dx0; dx <= dx1; dx++) {
        if (!known[row + dx]) continue;
        mismatches[o + dx]! += b ^ bright[row + dx]!;
        pairs[o + dx]!++;
      }
    }
  }
  // too few overlapping pairs say nothing about an offset
  const score = Float64Array.from(mismatches, (e, o) => (pairs[o]! >= m / 8 ? e / pairs[o]! : Infinity));
  const finite = Array.from(score).filter(Number.isFinite).sort((a, b) => a - b);
  const median = finite[finite.length >> 1] ?? 0;
  if (median <= 0) return [];
  const minima: { o: Offset; e: number }[] = [];
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) {
      // at the window's edge a minimum may just be the slope continuing outside it
      if (Math.hypot(dx, dy) < MIN_OFFSET || Math.abs(dx) > R - 2 || Math.abs(dy) > R - 2) continue;
      const e = score[(dy + R) * side + dx + R]!;
      if (!(e < REPEAT * median)) continue;
      let isMin = true;
      for (let ny = Math.max(-R, dy - 2); ny <= Math.min(R, dy + 2) && isMin; ny++) {
        for (let nx = Math.max(-R, dx - 2); nx <= Math.min(R, dx + 2); nx++) {
          if (score[(ny + R) * side + nx + R]! < e) {
            isMin = false;
            break;
          }
        }
      }
      if (!isMin) continue;
      let ring = 0;
      let n = 0;
      for (let ny = dy - 2; ny <= dy + 2; ny++) {
        for (let nx = dx - 2; nx <= dx + 2; nx++) {
          if (Math.max(Math.abs(ny - dy), Math.abs(nx - dx)) !== 2 || Math.abs(nx) > R || Math.abs(ny) > R) continue;
          const v = score[(ny + R) * side + nx + R]!;
          if (!Number.isFinite(v)) continue;
          ring += v;
          n++;
        }
      }
      if (n > 0 && e < PROMINENT * (ring / n)) minima.push({ o: { dx, dy }, e });
    }
  }
  // among equally good offsets (a perfect pattern) the shorter ones copy from nearer, more alike surroundings
  minima.sort((a, b) => a.e - b.e || Math.hypot(a.o.dx, a.o.dy) - Math.hypot(b.o.dx, b.o.dy));
  // offsets much weaker than the best are chance alignments (of band edges, say), not the pattern's period
  const weakest = 1.5 * (minima[0]?.e ?? 0) + 0.05 * median;
  const offsets = minima
    .filter((m) => m.e <= weakest)
    .slice(0, LABELS)
    .map((m) => m.o);
  // a pattern repeats along two directions (a stripe along itself and across); repeats along one direction only are
  // the drift of bands or waves, which copying would break up
  const crossing = offsets.some((a) => offsets.some((b) => Math.abs(a.dx * b.dy - a.dy * b.dx) >= 0.5 * Math.hypot(a.dx, a.dy) * Math.hypot(b.dx, b.dy)));
  return crossing ? offsets : [];
}

/**
 * Greedy labelling of the coarse hole from its border inward: each pixel takes the offset whose copy best matches the
 * known or already-filled pixels around it (5×5), with a bonus for the labels of its filled neighbours, so regions
 * copy coherently. Fills the coarse hole as it goes; returns each pixel's label (-1 where none applied; those get a
 * smooth fill) and the order in which pixels were filled.
 */
function assignLabels(grid: Grid, offsets: Offset[]): { labels: Int16Array; order: Int32Array } {
  const { w, h, rgb, known } = grid;
  const r = 2;
  const filled = known.slice();
  const labels = new Int16Array(w * h).fill(-1);
  const order = new Int32Array(w * h).fill(-1);
  let step = 0;
  const isFrontier = (p: number): boolean => {
    const x = p % w;
    return (x > 0 && filled[p - 1] === 1) || (x < w - 1 && filled[p + 1] === 1) || (p >= w && filled[p - w] === 1) || (p + w < w * h && filled[p + w] === 1);
  };
  let frontier: number[] = [];
  for (let p = 0; p < w * h; p++) if (!filled[p] && isFrontier(p)) frontier.push(p);
  const queued = new Uint8Array(w * h);
  for (const p of frontier) queued[p] = 1;
  while (frontier.length > 0) {
    const next: number[] = [];
    const ring: number[] = [];
    for (const p of frontier) {
      const px = p % w;
      const py = (p - px) / w;
      let best = -1;
      let bestCost = Infinity;
      for (let k = 0; k < offsets.length; k++) {
        const { dx, dy } = offsets[k]!;
        const sx = px + dx;
        const sy = py + dy;
        if (sx < 0 || sx >= w || sy < 0 || sy >= h || !filled[sy * w + sx]) continue;
        let e = 0;
        let n = 0;
        for (let y = Math.max(0, py - r); y <= Math.min(h - 1, py + r); y++) {
          const ty = y + dy;
          if (ty < 0 || ty >= h) continue;
          for (let x = Math.max(0, px - r); x <= Math.min(w - 1, px + r); x++) {
            const tx = x + dx;
            if (tx < 0 || tx >= w) continue;
            const q = y * w + x;
            const t = ty * w + tx;
            if (!filled[q] || !filled[t]) continue;
            e += (rgb[q * 3]! - rgb[t * 3]!) ** 2 + (rgb[q * 3 + 1]! - rgb[t * 3 + 1]!) ** 2 + (rgb[q * 3 + 2]! - rgb[t * 3 + 2]!) ** 2;
            n++;
          }
        }
        if (n === 0) continue;
        let agree = 0;
        if (px > 0 && labels[p - 1] === k) agree++;
        if (px < w - 1 && labels[p + 1] === k) agree++;
        if (p >= w && labels[p - w] === k) agree++;
        if (p + w < w * h && labels[p + w] === k) agree++;
        const cost = (e / n) * (1 - 0.24 * agree);
        if (cost < bestCost) {
          bestCost = cost;
          best = k;
        }
      }
      if (best < 0) {
        next.push(p);
        continue;
      }
      labels[p] = best;
      ring.push(p);
    }
    if (ring.length === 0) break;
    // a ring is written at once so its pixels don't copy each other's fresh guesses in scan order
    for (const p of ring) {
      const { dx, dy } = offsets[labels[p]!]!;
      const s = p + dy * w + dx;
      for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rgb[s * 3 + c]!;
      filled[p] = 1;
      order[p] = step++;
    }
    for (const p of ring) {
      const x = p % w;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w]) {
        if (q < 0 || q >= w * h || filled[q] || queued[q]) continue;
        queued[q] = 1;
        next.push(q);
      }
    }
    frontier = next;
  }
  if (filled.some((v) => !v)) pushPull(rgb, filled, w, h, 3);
  return { labels, order };
}

/**
 * The full-size offset near `scale` × a coarse one that best repeats the known full-size pixels (a coarse offset is
 * off by up to half a block, which would shift the copied texture at every seam).
 */
function refineOffset(
  luma: Float32Array,
  hole: Uint8Array,
  w: number,
  h: number,
  sample: Int32Array,
  o: Offset,
  scale: number,
): Offset {
  if (scale === 1) return o;
  let best = { dx: o.dx * scale, dy: o.dy * scale };
  let bestE = Infinity;
  for (let ey = -scale; ey <= scale; ey++) {
    for (let ex = -scale; ex <= scale; ex++) {
      const dx = o.dx * scale + ex;
      const dy = o.dy * scale + ey;
      let e = 0;
      let n = 0;
      for (const p of sample) {
        const px = p % w;
        const x = px + dx;
        const y = (p - px) / w + dy;
        if (x < 0 || x >= w || y < 0 || y >= h || hole[y * w + x]) continue;
        e += (luma[p]! - luma[y * w + x]!) ** 2;
        n++;
      }
      if (n > 20 && e / n < bestE) {
        bestE = e / n;
        best = { dx, dy };
      }
    }
  }
  return best;
}

/**
 * Full-size fill: each hole pixel copies the pixel at its coarse label's (refined) offset, in the coarse filling order
 * so sources inside the hole are usually filled first; a source not yet filled is followed along its own label, and
 * a pixel without a usable source takes the coarse fill.
 */
function copyAlong(
  rgb: Float32Array,
  hole: Uint8Array,
  w: number,
  h: number,
  coarse: Grid,
  scale: number,
  labels: Int16Array,
  order: Int32Array,
  offsets: Offset[],
): void {
  const cell = (p: number): number => {
    const x = p % w;
    return Math.floor((p - x) / w / scale) * coarse.w + Math.floor(x / scale);
  };
  // counting sort of the hole pixels by their cell's filling order (cells without a label first)
  const starts = new Int32Array(labels.length + 2);
  for (let p = 0; p < w * h; p++) if (hole[p]) starts[order[cell(p)]! + 2]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const pixels = new Int32Array(starts[starts.length - 1]!);
  for (let p = 0; p < w * h; p++) if (hole[p]) pixels[starts[order[cell(p)]! + 1]!++] = p;
  const done = new Uint8Array(w * h);
  const shift = (p: number, k: number): number => {
    const { dx, dy } = offsets[k]!;
    const x = (p % w) + dx;
    const y = Math.floor(p / w) + dy;
    return x < 0 || x >= w || y < 0 || y >= h ? -1 : y * w + x;
  };
  // the pixel a copy under label k reads for p: known, already filled, or reached along the labels of unfilled ones
  const source = (p: number, k: number): number => {
    let s = shift(p, k);
    for (let hops = 0; s >= 0 && hole[s] && !done[s] && hops < 16; hops++) {
      const next = labels[cell(s)]!;
      s = next < 0 ? -1 : shift(s, next);
    }
    return s >= 0 && (!hole[s] || done[s]) ? s : -1;
  };
  const candidates: number[] = [];
  const around = [-1, 1, -w, w];
  for (const p of pixels) {
    const x = p % w;
    const y = (p - x) / w;
    const own = labels[cell(p)]!;
    // where cells of different labels meet, each pixel takes the label whose copy agrees best with its finished
    // neighbours, so the seam runs where both copies agree (between motifs) rather than along the cell border
    candidates.length = 0;
    if (own >= 0) candidates.push(own);
    for (const [nx, ny] of [[x - scale, y], [x + scale, y], [x, y - scale], [x, y + scale]] as const) {
      if (nx < 0 || nx >= w || ny < 0 || ny >= h) continue;
      const k = labels[cell(ny * w + nx)]!;
      if (k >= 0 && !candidates.includes(k)) candidates.push(k);
    }
    let best = -1;
    let bestCost = Infinity;
    for (const k of candidates) {
      const s = source(p, k);
      if (s < 0) continue;
      let cost = 0;
      if (candidates.length > 1) {
        for (const d of around) {
          const q = p + d;
          if (q < 0 || q >= w * h || (d === -1 && x === 0) || (d === 1 && x === w - 1) || (hole[q] && !done[q])) continue;
          const t = shift(q, k);
          if (t < 0 || (hole[t] && !done[t])) continue;
          cost += (rgb[q * 3]! - rgb[t * 3]!) ** 2 + (rgb[q * 3 + 1]! - rgb[t * 3 + 1]!) ** 2 + (rgb[q * 3 + 2]! - rgb[t * 3 + 2]!) ** 2;
        }
        if (k === own) cost *= 0.8;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = s;
      }
    }
    const c = cell(p);
    for (let k = 0; k < 3; k++) rgb[p * 3 + k] = best >= 0 ? rgb[best * 3 + k]! : coarse.rgb[c * 3 + k]!;
    done[p] = 1;
  }
}

/** Up to REFINE_SAMPLES known pixels at random (a regular stride would alias with a regular pattern). */
function knownSample(hole: Uint8Array): Int32Array {
  const random = lcg(11);
  const out = new Int32Array(REFINE_SAMPLES);
  let n = 0;
  for (let tries = 0; tries < 4 * REFINE_SAMPLES && n < REFINE_SAMPLES; tries++) {
    const p = Math.floor(random() * hole.length);
    if (!hole[p]) out[n++] = p;
  }
  return out.subarray(0, n);
}

/**
 * 1 where a known pixel's luma exceeds the mean of the known pixels in the 7×7 box around it: the layout of a pattern
 * (where its dots, stripes or mortar lines are) without their colours, which may vary from motif to motif.
 */
function brighterThanAround(grid: Grid): Uint8Array {
  const { w, h, rgb, known } = grid;
  const b = 3;
  const sum = new Float64Array((w + 1) * (h + 1));
  const count = new Float64Array((w + 1) * (h + 1));
  const luma = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      luma[p] = 0.299 * rgb[p * 3]! + 0.587 * rgb[p * 3 + 1]! + 0.114 * rgb[p * 3 + 2]!;
      const i = (y + 1) * (w + 1) + x + 1;
      sum[i] = (known[p] ? luma[p]! : 0) + sum[i - 1]! + sum[i - w - 1]! - sum[i - w - 2]!;
      count[i] = known[p]! + count[i - 1]! + count[i - w - 1]! - count[i - w - 2]!;
    }
  }
  const out = new Uint8Array(w * h);
  const W = w + 1;
  for (let y = 0; y < h; y++) {
    const r0 = Math.max(0, y - b) * W;
    const r1 = Math.min(h, y + b + 1) * W;
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      if (!known[p]) continue;
      const x0 = Math.max(0, x - b);
      const x1 = Math.min(w, x + b + 1);
      const total = sum[r1 + x1]! - sum[r0 + x1]! - sum[r1 + x0]! + sum[r0 + x0]!;
      const n = count[r1 + x1]! - count[r0 + x1]! - count[r1 + x0]! + count[r0 + x0]!;
      out[p] = luma[p]! * n > total + n ? 1 : 0;
    }
  }
  return out;
}
