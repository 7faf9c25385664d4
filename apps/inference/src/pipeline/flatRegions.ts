import type { RgbaImage } from '../image.js';
import { boxMeans } from './boxMeans.js';
import { colourRegions } from './colourRegions.js';
import { fitShape } from './fitShape.js';
import type { LayerPlan } from './LayerPlan.js';

/** Detection runs on a grid this many times coarser (box means), then the outline is refined at full resolution. */
const SCALE = 4;
/** Neighbouring cells of one flat region differ by at most this (sum over RGB)... */
const STEP = 6;
/** ...and each stays this close to the region's first cell (and a full-resolution pixel to the region's mean). */
const SPAN = 24;
/** A candidate covers between these shares of the frame... */
const MIN_SHARE = 0.01;
const MAX_SHARE = 0.4;
/** ...and its outline is sharp: its surroundings differ from its colour by at least this (median, sum over RGB). */
const MIN_OUTLINE_CONTRAST = 60;
/** Stripes are a pattern, not a card: the box is at most this elongated... */
const MAX_ASPECT = 4;
/** ...and a ground made of more flat shapes than this is a pattern (a striped or tiled wallpaper): none is a layer. */
const MAX_SHAPES = 3;
/** Surroundings: from RING_GAP to RING cells out (chessboard distance). */
const RING_GAP = 1;
const RING = 2;

/**
 * Large regions of one flat colour with sharp outlines that are a design primitive (rectangle, rounded rectangle,
 * ellipse; possibly cut by the frame): a card on a textured ground that the salient-object matte took for part of the
 * backdrop. Bands across the whole frame (stripes of a pattern) and flat regions that are no primitive (the blobs of a
 * vector wallpaper, the gaps of a pattern) are not shapes, nor is any when there are more than MAX_SHAPES; a smooth gradient has no sharp outline. Largest first.
 */
export function flatRegions(image: RgbaImage, namePrefix = 'Shape'): LayerPlan[] {
  const small = boxMeans(image, SCALE);
  const { width: w, height: h, data } = small;
  const n = w * h;
  const { labels, regions } = colourRegions(small, STEP, SPAN);
  const plans: LayerPlan[] = [];
  for (const { label, cells, ...box } of regions) {
    const size = cells.length;
    if (size < MIN_SHARE * n || size > MAX_SHARE * n) continue;
    const bw = box.x1 - box.x0 + 1;
    const bh = box.y1 - box.y0 + 1;
    if ((box.x0 === 0 && box.x1 === w - 1) || (box.y0 === 0 && box.y1 === h - 1)) continue;
    if (Math.max(bw, bh) > MAX_ASPECT * Math.min(bw, bh)) continue;
    if (size < 0.6 * bw * bh) continue;
    const mean = [0, 1, 2].map((c) => cells.reduce((t, p) => t + data[p * 4 + c]!, 0) / size);
    if (outlineContrast(small, labels, label, mean, box) < MIN_OUTLINE_CONTRAST) continue;
    const region = new Uint8Array(n);
    for (const p of cells) region[p] = 1;
    const outline: number[] = [];
    for (const p of cells) {
      const x = p % w;
      const y = (p - x) / w;
      // frame edges cut the shape: they are no part of its outline
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) continue;
      if (!region[p - 1] || !region[p + 1] || !region[p - w] || !region[p + w]) outline.push(x, y);
    }
    const shape = fitShape({ width: w, height: h, region, covered: new Uint8Array(n), box, outline });
    if (!shape) continue;
    plans.push(refine(image, shape, w, mean));
    if (plans.length > MAX_SHAPES) return [];
  }
  return plans
    .map((p) => ({ p, area: p.alpha.reduce((s, v) => s + v, 0) }))
    .sort((a, b) => b.area - a.area)
    .map(({ p }, k) => ({ ...p, name: `${namePrefix} ${k + 1}` }));
}

/**
 * The full-resolution layer: the fitted shape scaled up, with pixels within a cell of its outline kept only when
 * their colour is the region's (so the edge falls where the image's does).
 */
function refine(image: RgbaImage, shape: Uint8Array, w: number, mean: number[]): LayerPlan {
  const { width: W, height: H, data } = image;
  const alpha = new Float32Array(W * H);
  const h = shape.length / w;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 0 : shape[y * w + x]!);
  for (let y = 0; y < H; y++) {
    const cy = (y / SCALE) | 0;
    for (let x = 0; x < W; x++) {
      const cx = (x / SCALE) | 0;
      const inside = at(cx, cy);
      const edge = at(cx - 1, cy) !== inside || at(cx + 1, cy) !== inside || at(cx, cy - 1) !== inside || at(cx, cy + 1) !== inside;
      if (!inside && !edge) continue;
      if (edge) {
        const i = (y * W + x) * 4;
        const d = Math.abs(data[i]! - mean[0]!) + Math.abs(data[i + 1]! - mean[1]!) + Math.abs(data[i + 2]! - mean[2]!);
        if (d > SPAN) continue;
      }
      alpha[y * W + x] = 1;
    }
  }
  return { name: '', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
}

/** Median colour distance (sum over RGB) from `mean` of the ring RING_GAP..RING cells outside region `id`. */
function outlineContrast(
  image: RgbaImage,
  label: Int32Array,
  id: number,
  mean: number[],
  box: { x0: number; y0: number; x1: number; y1: number },
): number {
  const { width: w, height: h, data } = image;
  const dists: number[] = [];
  for (let y = Math.max(0, box.y0 - RING); y <= Math.min(h - 1, box.y1 + RING); y++) {
    for (let x = Math.max(0, box.x0 - RING); x <= Math.min(w - 1, box.x1 + RING); x++) {
      const i = y * w + x;
      if (label[i] === id) continue;
      let nearest = Infinity;
      for (let dy = -RING; dy <= RING; dy++) {
        for (let dx = -RING; dx <= RING; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < w && ny < h && label[ny * w + nx] === id) nearest = Math.min(nearest, Math.max(Math.abs(dx), Math.abs(dy)));
        }
      }
      if (nearest < RING_GAP || nearest > RING) continue;
      dists.push(Math.abs(data[i * 4]! - mean[0]!) + Math.abs(data[i * 4 + 1]! - mean[1]!) + Math.abs(data[i * 4 + 2]! - mean[2]!));
    }
  }
  if (dists.length < 16) return 0;
  dists.sort((a, b) => a - b);
  return dists[dists.length >> 1]!;
}
