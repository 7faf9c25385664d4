import type { Rgba } from './rgba.js';

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
  for (let i = 0; i < g.length; i += 4) {
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
