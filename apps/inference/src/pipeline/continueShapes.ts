import type { RgbaImage } from '../image.js';
import { boxMeans } from './boxMeans.js';
import { colourRegions } from './colourRegions.js';
import { fitShape } from './fitShape.js';
import { median } from './median.js';

/** Regions are found on a grid this many times coarser (box means), as in flatRegions. */
const SCALE = 4;
/** Neighbouring cells of one flat region differ by at most this (sum over RGB), and stay within SPAN of its first. */
const STEP = 6;
const SPAN = 24;
/** A region smaller than this many cells is a detail, not a shape. */
const MIN_CELLS = 24;
/** A region covering more than this share of the frame is the backdrop. */
const MAX_SHARE = 0.4;
/** Its uncovered outline is sharp: the cells just outside differ from its colour by at least this (median). */
const MIN_OUTLINE_CONTRAST = 60;

/**
 * A flat shape partly hidden by the layer being removed goes on beneath it: the flat-colour regions of `image` that
 * border the hole and complete to a design primitive (rectangle, rounded rectangle, ellipse) under it are painted in
 * their colour over the hole's fill `into`, which copied the texture around them. Returns the number of pixels
 * painted. Mutates `into`.
 */
export function continueShapes(image: RgbaImage, hole: Uint8Array, into: RgbaImage): number {
  const W = image.width;
  const small = boxMeans(image, SCALE);
  const { width: w, height: h } = small;
  const covered = new Uint8Array(w * h);
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    const x = i % W;
    covered[(((i - x) / W / SCALE) | 0) * w + ((x / SCALE) | 0)] = 1;
  }
  const known = covered.map((v) => 1 - v);
  const { labels, regions } = colourRegions(small, STEP, SPAN, known);
  let painted = 0;
  for (const { cells, x0, y0, x1, y1 } of regions) {
    if (cells.length < MIN_CELLS || cells.length > MAX_SHARE * w * h) continue;
    if (!bordersHole(cells, covered, w, h)) continue;
    const region = new Uint8Array(w * h);
    for (const p of cells) region[p] = 1;
    const outline: number[] = [];
    const ring: number[] = [];
    for (const p of cells) {
      const x = p % w;
      const y = (p - x) / w;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) continue;
      const outside = [p - 1, p + 1, p - w, p + w].filter((q) => !region[q] && !covered[q]);
      if (outside.length > 0) outline.push(x, y);
      ring.push(...outside);
    }
    if (ring.length < 16) continue;
    const mean = [0, 1, 2].map((c) => cells.reduce((t, p) => t + small.data[p * 4 + c]!, 0) / cells.length);
    if (median(ring.map((q) => colourDistance(small.data, q, mean))) < MIN_OUTLINE_CONTRAST) continue;
    const shape = fitShape({ width: w, height: h, region, covered, box: { x0, y0, x1, y1 }, outline });
    if (!shape) continue;
    const colour = [...mean.map(Math.round), 255];
    for (let i = 0; i < hole.length; i++) {
      if (!hole[i]) continue;
      const x = i % W;
      const cell = (((i - x) / W / SCALE) | 0) * w + ((x / SCALE) | 0);
      if (!shape[cell] || labels[cell] !== 0) continue;
      into.data.set(colour, i * 4);
      painted++;
    }
  }
  return painted;
}

/** Whether a cell of the region (off the frame's edge) has a 4-neighbour under the hole. */
function bordersHole(cells: Int32Array, covered: Uint8Array, w: number, h: number): boolean {
  for (const p of cells) {
    const x = p % w;
    const y = (p - x) / w;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) continue;
    if (covered[p - 1] || covered[p + 1] || covered[p - w] || covered[p + w]) return true;
  }
  return false;
}

function colourDistance(data: Uint8ClampedArray, p: number, mean: number[]): number {
  return Math.abs(data[p * 4]! - mean[0]!) + Math.abs(data[p * 4 + 1]! - mean[1]!) + Math.abs(data[p * 4 + 2]! - mean[2]!);
}
