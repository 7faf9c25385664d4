import { alphaComposite } from './alphaComposite.js';
import type { Pair } from './dtw.js';
import type { PairScorer } from './layerMetrics.js';
import type { Rgba } from './rgba.js';

export interface MergeCandidate {
  /** Merge layers index and index + 1. */
  index: number;
  gain: number;
}

export type MergeSide = 'pred' | 'gt';

export interface MergeDecision {
  side: MergeSide;
  index: number;
  gain: number;
}

/**
 * LayerD's Merge._compute_merged_scores, ported as is: for each adjacent pair (i, i+1) of `ls`, merge them and compare
 * the similarity (1 - cost) of the current matching of i and i+1 against the best of: the merged layer matching both
 * groups, or the merged layer matching group i with layer i+2 matching group i or i+1. `gts` are the other side's
 * layers, `matched` the DTW path as (index in ls, index in gts). No candidates when ls has 2 layers or fewer.
 * `similarity(a, b)` keeps LayerD's argument order: `a` is from `ls`, `b` from `gts` (so for merges on the
 * ground-truth side the metric's "prediction" argument is the ground-truth layer, as in LayerD).
 */
export function mergeCandidates(
  ls: readonly Rgba[],
  gts: readonly Rgba[],
  matched: readonly Pair[],
  similarity: (a: Rgba, b: Rgba) => number,
  merge: (bottom: Rgba, top: Rgba) => Rgba,
): MergeCandidate[] {
  const out: MergeCandidate[] = [];
  if (ls.length <= 2) return out;
  const sumSim = (layer: Rgba, group: readonly Rgba[]): number =>
    group.reduce((acc, g) => acc + similarity(layer, g), 0);
  for (let i = 0; i < ls.length - 1; i++) {
    const merged = merge(ls[i]!, ls[i + 1]!);
    const candidates = [merged];
    if (i + 2 < ls.length) candidates.push(ls[i + 2]!);
    const groups = [
      matched.filter((p) => p[0] === i).map((p) => gts[p[1]]!),
      matched.filter((p) => p[0] === i + 1).map((p) => gts[p[1]]!),
    ];
    const current = sumSim(ls[i]!, groups[0]!) + sumSim(ls[i + 1]!, groups[1]!);
    const ds: number[] = [];
    for (const c of candidates) for (const g of groups) ds.push(sumSim(c, g));
    const best = ds.length > 1 ? Math.max(...ds.slice(1).map((d) => d + ds[0]!)) : ds[0]!;
    if (best > current) out.push({ index: i, gain: best - current });
  }
  return out;
}

function bestOf(cs: readonly MergeCandidate[]): MergeCandidate | undefined {
  // Python's sorted(..., reverse=True)[0] is stable: the first of equal gains wins.
  let best: MergeCandidate | undefined;
  for (const c of cs) if (!best || c.gain > best.gain) best = c;
  return best;
}

/**
 * One greedy merge step (LayerD Merge.__call__ with the ground truth editable): the better of the best predicted-side
 * and best ground-truth-side merge; ties go to the ground truth. Returns undefined when no merge improves the match.
 */
export function chooseMerge(
  pred: readonly Rgba[],
  gt: readonly Rgba[],
  matched: readonly Pair[],
  scorer: PairScorer,
  merge: (bottom: Rgba, top: Rgba) => Rgba = alphaComposite,
): MergeDecision | undefined {
  const sim = (a: Rgba, b: Rgba): number => 1 - scorer.cost(a, b);
  const p = bestOf(mergeCandidates(pred, gt, matched, sim, merge));
  const swapped = matched.map(([i, j]) => [j, i] as const);
  const g = bestOf(mergeCandidates(gt, pred, swapped, sim, merge));
  if (!p && !g) return undefined;
  if (p && (!g || p.gain > g.gain)) return { side: 'pred', ...p };
  return { side: 'gt', ...g! };
}

export function applyMerge(layers: readonly Rgba[], index: number, merge: (b: Rgba, t: Rgba) => Rgba = alphaComposite): Rgba[] {
  const out = layers.slice();
  out.splice(index, 2, merge(layers[index]!, layers[index + 1]!));
  return out;
}
