import { alphaBounds, type Box } from './layerSet.js';
import type { Rgba } from './rgba.js';

const boundsCache = new WeakMap<Rgba, Box | null>();

/** Cached alpha > 0 bounds: pixels outside both layers' bounds contribute nothing to either score. */
function cachedBounds(img: Rgba): Box | null {
  let b = boundsCache.get(img);
  if (b === undefined) {
    b = alphaBounds(img) ?? null;
    boundsCache.set(img, b);
  }
  return b;
}

export interface PairScores {
  /** LayerD RGB L1 over ground-truth alpha > 0, colours in 0..1. */
  rgbL1: number;
  /** Soft IoU of the alpha channels. */
  alphaIou: number;
}

/**
 * Both LayerD pair scores in one pass.
 * RGB L1: mean over pixels where the ground-truth alpha > 0 of the per-pixel mean absolute RGB difference, colours
 * in 0..1 (straight, not premultiplied); 0 when the ground truth is empty (LayerD divides by count + 1e-8).
 * Alpha soft IoU: sum(min(a_pred, a_gt)) / sum(max(a_pred, a_gt)); 0 when both are empty (LayerD calc_soft_iou).
 */
export function pairScores(pred: Rgba, gt: Rgba): PairScores {
  if (pred.width !== gt.width || pred.height !== gt.height) {
    throw new RangeError(`size mismatch ${pred.width}x${pred.height} vs ${gt.width}x${gt.height}`);
  }
  const p = pred.data;
  const g = gt.data;
  let sum = 0;
  let count = 0;
  let inter = 0;
  let union = 0;
  const bp = cachedBounds(pred);
  const bg = cachedBounds(gt);
  const boxes = [bp, bg].filter((b): b is Box => b !== null);
  if (boxes.length === 0) return { rgbL1: 0, alphaIou: 0 };
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  for (let y = y0; y < y1; y++) {
    const end = (y * gt.width + x1) * 4;
    for (let i = (y * gt.width + x0) * 4; i < end; i += 4) {
      const ga = g[i + 3]!;
      const pa = p[i + 3]!;
      if (pa < ga) {
        inter += pa;
        union += ga;
      } else {
        inter += ga;
        union += pa;
      }
      if (ga === 0) continue;
      sum += Math.abs(p[i]! - g[i]!) + Math.abs(p[i + 1]! - g[i + 1]!) + Math.abs(p[i + 2]! - g[i + 2]!);
      count++;
    }
  }
  return { rgbL1: sum / (3 * 255) / (count + 1e-8), alphaIou: union > 0 ? inter / union : 0 };
}

/** The DTW and merge cost: (RGB L1 + (1 - alpha soft IoU)) / 2, in 0..1, lower is better. */
export function costOf(s: PairScores): number {
  return (s.rgbL1 + (1 - s.alphaIou)) / 2;
}

/** Memoises pair scores by object identity (layers are immutable once built), so merges and DTW share work. */
export class PairScorer {
  private readonly cache = new WeakMap<Rgba, WeakMap<Rgba, PairScores>>();
  computed = 0;

  scores(pred: Rgba, gt: Rgba): PairScores {
    let row = this.cache.get(pred);
    if (!row) {
      row = new WeakMap();
      this.cache.set(pred, row);
    }
    let s = row.get(gt);
    if (!s) {
      s = pairScores(pred, gt);
      this.computed++;
      row.set(gt, s);
    }
    return s;
  }

  cost(pred: Rgba, gt: Rgba): number {
    return costOf(this.scores(pred, gt));
  }
}
