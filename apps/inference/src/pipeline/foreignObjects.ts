import { connectedComponents, type Component } from '../connectedComponents.js';
import type { RgbaImage } from '../image.js';
import { boxMeans } from './boxMeans.js';
import { colourRegions } from './colourRegions.js';
import { growMask } from './growMask.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';

/** Detection runs on a grid this many times coarser (box means). */
const SCALE = 2;
/** Neighbouring cells of one flat region differ by at most this (sum over RGB)... */
const STEP = 8;
/** ...and each stays this close to the region's first cell. */
const SPAN = 30;
/** Colour histogram bins per channel; a colour's neighbourhood is its bin and the bins next to it. */
const LEVELS = 32;
/**
 * A part's colour is foreign when fewer than this share of the cells outside its window (its box grown by its size on
 * every side, which holds the rest of its object) have it.
 */
const MAX_ELSEWHERE = 0.002;
/** The surroundings of a flat region differ from its colour by at least this (lower quartile, sum over RGB). */
const MIN_OUTLINE_CONTRAST = 30;
/** A part is at least this share of minArea; the parts of one object lie within GROUP_GAP cells of each other. */
const MIN_PART = 0.25;
const GROUP_GAP = 4;
/** The band around an object is BAND cells wide; an inner part with more than MAX_BAND_SHARE of its colour there is not the object's. */
const BAND = 3;
const MAX_BAND_SHARE = 0.05;
/** An object's box covers at most this share of the frame (larger things are the matte's business). */
const MAX_BOX_SHARE = 0.08;
/** Icons and emoji are compact: a longer box is an edge or a shadow strip of a shape. */
const MAX_ASPECT = 4;
/** More candidates than this are a pattern of the background (tiles, sequins), not objects. */
const MAX_OBJECTS = 4;

/**
 * Small objects a salient-object matte misses (a stroke icon, an emoji off to the side): flat-colour regions with
 * crisp outlines whose colour occurs nowhere else in the image. Patterns of a textured background repeat their
 * colours across the frame and gradients have no crisp outline, so neither is foreign. Parts close together are one
 * object (the flat pieces of an emoji); small holes inside it are closed, large ones (the face of a clock) stay
 * open. Largest first.
 */
export function foreignObjects(image: RgbaImage, minArea: number, namePrefix = 'Object (missed)'): LayerPlan[] {
  const small = boxMeans(image, SCALE);
  const { width: w, height: h, data } = small;
  const n = w * h;
  const hist = colourHistogram(data);
  const parts = flatParts(small, (minArea * MIN_PART) / (SCALE * SCALE)).filter((part) => {
    const m = Math.max(part.x1 - part.x0, part.y1 - part.y0);
    const window = { x0: Math.max(0, part.x0 - m), y0: Math.max(0, part.y0 - m), x1: Math.min(w - 1, part.x1 + m), y1: Math.min(h - 1, part.y1 + m) };
    const all = neighbourhood(hist, part.mean);
    // the window cannot hold enough of the colour to make it foreign: skip counting it there
    if (all - (window.x1 - window.x0 + 1) * (window.y1 - window.y0 + 1) >= MAX_ELSEWHERE * n) return false;
    const elsewhere = all - countNear(small, window, part.mean);
    return elsewhere < MAX_ELSEWHERE * n && outlineContrast(small, part) >= MIN_OUTLINE_CONTRAST;
  });
  // parts within GROUP_GAP cells of each other are one object
  const mask = new Uint8Array(n);
  const colours = new Float32Array(n * 3);
  for (const part of parts) {
    for (const p of part.cells) {
      mask[p] = 1;
      colours.set(part.mean, p * 3);
    }
  }
  const near = growMask(mask, w, h, GROUP_GAP);
  const { labels, components } = connectedComponents(near, w, h);
  // a part inside another with the colours just around their object is background showing through it (the face of
  // a clock)
  const around = growMask(near, w, h, BAND);
  const labelOf = (part: Part): number => labels[part.cells[0]!]!;
  for (const part of parts) {
    const inner = parts.some((o) => labelOf(o) === labelOf(part) && o.x0 < part.x0 && o.y0 < part.y0 && o.x1 > part.x1 && o.y1 > part.y1);
    if (!inner) continue;
    const c = components[labelOf(part) - 1]!;
    if (bandShare(small, near, around, c, part.mean) > MAX_BAND_SHARE) for (const p of part.cells) mask[p] = 0;
  }
  const area = new Float64Array(components.length + 1);
  for (let p = 0; p < n; p++) if (mask[p]) area[labels[p]!]! += SCALE * SCALE;
  const objects = components.filter((c) => {
    if (c.minX === 0 || c.minY === 0 || c.maxX === w - 1 || c.maxY === h - 1 || area[c.label]! < minArea) return false;
    const bw = c.maxX - c.minX + 1;
    const bh = c.maxY - c.minY + 1;
    return bw * bh <= MAX_BOX_SHARE * n && Math.max(bw, bh) <= MAX_ASPECT * Math.min(bw, bh);
  });
  if (objects.length > MAX_OBJECTS) return [];
  return objects
    .map((c) => objectPlan(image, { mask, colours, labels, width: w }, c))
    .map((p) => ({ p, area: p.alpha.reduce((s, v) => s + v, 0) }))
    .sort((a, b) => b.area - a.area)
    .map(({ p }, k) => ({ ...p, name: `${namePrefix} ${k + 1}` }));
}

interface Part {
  cells: Int32Array;
  mean: [number, number, number];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Flat regions (within STEP of a neighbour and SPAN of the seed, see colourRegions) of at least `minCells` cells. */
function flatParts(image: RgbaImage, minCells: number): Part[] {
  const { width: w, height: h, data } = image;
  const n = w * h;
  const parts: Part[] = [];
  for (const { cells, x0, y0, x1, y1 } of colourRegions(image, STEP, SPAN).regions) {
    const size = cells.length;
    if (size < minCells) continue;
    if (x0 === 0 || y0 === 0 || x1 === w - 1 || y1 === h - 1) continue;
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_BOX_SHARE * n) continue;
    const mean: [number, number, number] = [0, 0, 0];
    for (const p of cells) for (let c = 0; c < 3; c++) mean[c]! += data[p * 4 + c]! / size;
    parts.push({ cells, mean, x0, y0, x1, y1 });
  }
  return parts;
}

/** Cell counts per colour bin. */
function colourHistogram(data: Uint8ClampedArray): Uint32Array {
  const hist = new Uint32Array(LEVELS * LEVELS * LEVELS);
  for (let o = 0; o < data.length; o += 4) hist[(binOf(data[o]!) * LEVELS + binOf(data[o + 1]!)) * LEVELS + binOf(data[o + 2]!)]!++;
  return hist;
}

function binOf(v: number): number {
  return (v * LEVELS) >> 8;
}

/** Cells in the colour's bin and its 26 neighbouring bins. */
function neighbourhood(hist: Uint32Array, colour: [number, number, number]): number {
  const [r, g, b] = colour.map(binOf) as [number, number, number];
  let sum = 0;
  for (let i = Math.max(0, r - 1); i <= Math.min(LEVELS - 1, r + 1); i++) {
    for (let j = Math.max(0, g - 1); j <= Math.min(LEVELS - 1, g + 1); j++) {
      for (let k = Math.max(0, b - 1); k <= Math.min(LEVELS - 1, b + 1); k++) sum += hist[(i * LEVELS + j) * LEVELS + k]!;
    }
  }
  return sum;
}

/** Whether the colour at byte offset `o` is in the bin `bins` (per channel) or one next to it. */
function inBins(data: Uint8ClampedArray, o: number, bins: number[]): boolean {
  return Math.abs(binOf(data[o]!) - bins[0]!) <= 1 && Math.abs(binOf(data[o + 1]!) - bins[1]!) <= 1 && Math.abs(binOf(data[o + 2]!) - bins[2]!) <= 1;
}

/** Cells of the box whose colour is in the colour's neighbourhood of bins (see neighbourhood). */
function countNear(image: RgbaImage, box: { x0: number; y0: number; x1: number; y1: number }, colour: [number, number, number]): number {
  const { width: w, data } = image;
  const bins = colour.map(binOf);
  let n = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      if (inBins(data, (y * w + x) * 4, bins)) n++;
    }
  }
  return n;
}

/** Share of the band around component `c` (in `around`, not in `near`) whose colour is near `colour`. */
function bandShare(image: RgbaImage, near: Uint8Array, around: Uint8Array, c: Component, colour: [number, number, number]): number {
  const { width: w, height: h, data } = image;
  const bins = colour.map(binOf);
  let n = 0;
  let same = 0;
  for (let y = Math.max(0, c.minY - BAND); y <= Math.min(h - 1, c.maxY + BAND); y++) {
    for (let x = Math.max(0, c.minX - BAND); x <= Math.min(w - 1, c.maxX + BAND); x++) {
      const p = y * w + x;
      if (!around[p] || near[p]) continue;
      n++;
      if (inBins(data, p * 4, bins)) same++;
    }
  }
  return n > 0 ? same / n : 0;
}

/** Lower quartile of the colour distance from the part's mean of the cells 2..3 cells outside it. */
function outlineContrast(image: RgbaImage, part: Part): number {
  const { width: w, height: h, data } = image;
  const bx0 = Math.max(0, part.x0 - 3);
  const by0 = Math.max(0, part.y0 - 3);
  const bw = Math.min(w - 1, part.x1 + 3) - bx0 + 1;
  const bh = Math.min(h - 1, part.y1 + 3) - by0 + 1;
  const inside = new Uint8Array(bw * bh);
  for (const p of part.cells) {
    const x = p % w;
    inside[((p - x) / w - by0) * bw + x - bx0] = 1;
  }
  const inner = growMask(inside, bw, bh, 1);
  const outer = growMask(inside, bw, bh, 3);
  const dists: number[] = [];
  for (let k = 0; k < bw * bh; k++) {
    if (!outer[k] || inner[k]) continue;
    const x = (k % bw) + bx0;
    const o = (((k / bw) | 0) + by0) * w * 4 + x * 4;
    dists.push(Math.abs(data[o]! - part.mean[0]) + Math.abs(data[o + 1]! - part.mean[1]) + Math.abs(data[o + 2]! - part.mean[2]));
  }
  if (dists.length < 16) return 0;
  dists.sort((a, b) => a - b);
  return dists[dists.length >> 2]!;
}

/** Holes of the grouped parts up to this share of the object's box are gaps between its parts, not background. */
const MAX_HOLE_SHARE = 0.03;

/** The grouped parts on the coarse grid: which cells, each cell's part colour, and its group. */
interface Grouped {
  mask: Uint8Array;
  colours: Float32Array;
  labels: Int32Array;
  width: number;
}

/**
 * The full-resolution layer of one group (`c`, a component of the grouped mask): its parts' cells with small holes
 * closed; a pixel is in when a cell next to its own (or its own) is, and its colour is that cell's part colour (or
 * the cell is a closed hole), so the edge falls where the image's does.
 */
function objectPlan(image: RgbaImage, grouped: Grouped, c: Component): LayerPlan {
  const { width: W, height: H, data } = image;
  const { mask, colours, labels, width: w } = grouped;
  // the component's box with a margin of one cell, so that the outside of the object is one connected region
  const bx0 = c.minX - 1;
  const by0 = c.minY - 1;
  const bw = c.maxX - c.minX + 3;
  const bh = c.maxY - c.minY + 3;
  const cells = new Uint8Array(bw * bh);
  for (let y = 1; y < bh - 1; y++) {
    for (let x = 1; x < bw - 1; x++) {
      const p = (y + by0) * w + x + bx0;
      cells[y * bw + x] = mask[p] && labels[p] === c.label ? 1 : 0;
    }
  }
  const parts = Uint8Array.from(cells);
  closeSmallHoles(cells, bw, bh);
  const alpha = new Float32Array(W * H);
  const takes = (i: number, cx: number, cy: number): boolean => {
    if (cx < 0 || cy < 0 || cx >= bw || cy >= bh || !cells[cy * bw + cx]) return false;
    if (!parts[cy * bw + cx]) return true;
    const k = ((cy + by0) * w + cx + bx0) * 3;
    const d = Math.abs(data[i * 4]! - colours[k]!) + Math.abs(data[i * 4 + 1]! - colours[k + 1]!) + Math.abs(data[i * 4 + 2]! - colours[k + 2]!);
    return d <= SPAN;
  };
  for (let Y = Math.max(0, by0 * SCALE); Y < Math.min(H, (by0 + bh) * SCALE); Y++) {
    const cy = ((Y / SCALE) | 0) - by0;
    for (let X = Math.max(0, bx0 * SCALE); X < Math.min(W, (bx0 + bw) * SCALE); X++) {
      const cx = ((X / SCALE) | 0) - bx0;
      const i = Y * W + X;
      let hit = false;
      for (let dy = -1; dy <= 1 && !hit; dy++) for (let dx = -1; dx <= 1 && !hit; dx++) hit = takes(i, cx + dx, cy + dy);
      if (hit) alpha[i] = 1;
    }
  }
  return { name: '', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

/** Sets the holes of `cells` (those not connected to its border) that cover at most MAX_HOLE_SHARE of the box. */
function closeSmallHoles(cells: Uint8Array, w: number, h: number): void {
  const { labels, components } = connectedComponents(cells.map((v) => 1 - v), w, h);
  const limit = MAX_HOLE_SHARE * (w - 2) * (h - 2);
  const fill = new Uint8Array(components.length + 1);
  for (const c of components) {
    const enclosed = c.minX > 0 && c.minY > 0 && c.maxX < w - 1 && c.maxY < h - 1;
    if (enclosed && c.area <= limit) fill[c.label] = 1;
  }
  for (let p = 0; p < cells.length; p++) if (fill[labels[p]!]) cells[p] = 1;
}

/** A candidate within this many pixels of a layer touches it. */
const TOUCH = 4;

/**
 * Whether `candidate` comes within TOUCH pixels of the core (alpha > 0.5) of one of `layers`. A foreign-coloured
 * piece next to an object found by a matte is most often the part of it the matte cut off (the railing of a bridge,
 * the trunk of a tree): it stays with the layer beneath rather than become an object of its own.
 */
export function touchesAny(candidate: LayerPlan, layers: LayerPlan[], width: number): boolean {
  const box = planBounds(candidate.alpha, width, 0.5);
  if (!box || layers.length === 0) return false;
  const height = candidate.alpha.length / width;
  const x0 = Math.max(0, box.x0 - TOUCH);
  const y0 = Math.max(0, box.y0 - TOUCH);
  const bw = Math.min(width - 1, box.x1 + TOUCH) - x0 + 1;
  const bh = Math.min(height - 1, box.y1 + TOUCH) - y0 + 1;
  const mine = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) mine[y * bw + x] = candidate.alpha[(y + y0) * width + x + x0]! > 0.5 ? 1 : 0;
  const near = growMask(mine, bw, bh, TOUCH);
  return layers.some((layer) => {
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) if (near[y * bw + x] && layer.alpha[(y + y0) * width + x + x0]! > 0.5) return true;
    }
    return false;
  });
}
