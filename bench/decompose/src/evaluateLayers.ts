import { alphaComposite, compositeAll } from './alphaComposite.js';
import { dynamicTimeWarping, type Pair } from './dtw.js';
import { groupTopLayers } from './groupTopLayers.js';
import { PairScorer, costOf } from './layerMetrics.js';
import { applyMerge, chooseMerge } from './mergeEdit.js';
import type { Rgba } from './rgba.js';

export interface LevelScores {
  /** Number of merges applied so far (0 = none). */
  edits: number;
  /** Mean (L1 + 1 - IoU) / 2 over the DTW path. */
  cost: number;
  rgbL1: number;
  alphaIou: number;
  predLayers: number;
  gtLayers: number;
}

export interface Evaluation {
  levels: LevelScores[];
  /** DTW path at 0 merges, indices into the grouped layers. */
  path: Pair[];
  predGroups: number[][];
  gtGroups: number[][];
}

function alignAndScore(pred: readonly Rgba[], gt: readonly Rgba[], scorer: PairScorer, edits: number): { path: Pair[]; scores: LevelScores } {
  const cost = pred.map((p) => gt.map((g) => scorer.cost(p, g)));
  for (const row of cost) for (const c of row) if (!(c >= 0 && c <= 1)) throw new RangeError(`cost ${c} out of [0, 1]`);
  const { path } = dynamicTimeWarping(cost);
  let l1 = 0;
  let iou = 0;
  let cs = 0;
  for (const [i, j] of path) {
    const s = scorer.scores(pred[i]!, gt[j]!);
    l1 += s.rgbL1;
    iou += s.alphaIou;
    cs += costOf(s);
  }
  const n = path.length;
  return {
    path,
    scores: { edits, cost: cs / n, rgbL1: l1 / n, alphaIou: iou / n, predLayers: pred.length, gtLayers: gt.length },
  };
}

/**
 * LayerD's LayersEditDist: group non-overlapping top layers on each side, align predicted and ground-truth layers
 * (full-canvas RGBA, bottom to top) with DTW on (L1 + 1 - IoU) / 2, then apply up to `maxEdits` greedy adjacent
 * merges (on either side) while one improves the match, rescoring after each. levels[k] holds the scores after k
 * merges; it is shorter than maxEdits + 1 when no merge helps any more.
 */
export function evaluateLayers(predLayers: readonly Rgba[], gtLayers: readonly Rgba[], maxEdits = 5): Evaluation {
  const predGroups = groupTopLayers(predLayers);
  const gtGroups = groupTopLayers(gtLayers);
  let pred = predGroups.map((g) => compositeAll(g.map((i) => predLayers[i]!)));
  let gt = gtGroups.map((g) => compositeAll(g.map((i) => gtLayers[i]!)));
  const scorer = new PairScorer();
  const first = alignAndScore(pred, gt, scorer, 0);
  const levels = [first.scores];
  let path = first.path;
  for (let k = 1; k <= maxEdits; k++) {
    const m = chooseMerge(pred, gt, path, scorer, alphaComposite);
    if (!m) break;
    if (m.side === 'pred') pred = applyMerge(pred, m.index);
    else gt = applyMerge(gt, m.index);
    const next = alignAndScore(pred, gt, scorer, k);
    levels.push(next.scores);
    path = next.path;
  }
  return { levels, path: first.path, predGroups, gtGroups };
}

export interface AggregateLevel {
  maxEdits: number;
  /** Mean over samples of min(merges the sample had, maxEdits). */
  avgEdits: number;
  /** Samples that reached this level (the others contribute their last level). */
  count: number;
  cost: number;
  rgbL1: number;
  alphaIou: number;
}

/** LayerD's LayersEditDist.aggregate: per level, the mean over samples, carrying a sample's last level forward. */
export function aggregateLevels(results: readonly (readonly LevelScores[])[]): AggregateLevel[] {
  const out: AggregateLevel[] = [];
  const levels = Math.max(0, ...results.map((r) => r.length));
  for (let i = 0; i < levels; i++) {
    const pick = results.map((r) => r[Math.min(i, r.length - 1)]!);
    const mean = (f: (s: LevelScores) => number): number => pick.reduce((a, s) => a + f(s), 0) / pick.length;
    out.push({
      maxEdits: i,
      avgEdits: results.reduce((a, r) => a + Math.min(r.length - 1, i), 0) / results.length,
      count: results.filter((r) => i < r.length).length,
      cost: mean((s) => s.cost),
      rgbL1: mean((s) => s.rgbL1),
      alphaIou: mean((s) => s.alphaIou),
    });
  }
  return out;
}
