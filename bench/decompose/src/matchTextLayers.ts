import { pairScores } from './layerMetrics.js';
import type { Rgba } from './rgba.js';
import { characterAccuracy } from './textAccuracy.js';

export interface TextLayerRef {
  rgba: Rgba;
  text?: string | undefined;
}

export interface TextMatch {
  truth: string;
  recognised: string | undefined;
  iou: number;
  accuracy: number;
  /** Best accuracy against any predicted string, whatever layer it is on: OCR quality without layer placement. */
  anyLayerAccuracy: number;
}

/**
 * Text recognition scoring: each ground-truth text layer is matched to the predicted layer (any kind, carrying a
 * text string) whose alpha has the highest soft IoU with it, greedily by IoU, one-to-one, IoU ≥ minIou. Unmatched
 * ground-truth text counts as recognised "" (accuracy 0).
 */
export function matchTextLayers(pred: readonly TextLayerRef[], gt: readonly TextLayerRef[], minIou = 0.1): TextMatch[] {
  const withText = pred.map((p, i) => ({ p, i })).filter(({ p }) => p.text !== undefined);
  const pairs: { g: number; p: number; iou: number }[] = [];
  gt.forEach((g, gi) => {
    if (g.text === undefined) return;
    for (const { p, i } of withText) {
      const iou = pairScores(p.rgba, g.rgba).alphaIou;
      if (iou >= minIou) pairs.push({ g: gi, p: i, iou });
    }
  });
  pairs.sort((a, b) => b.iou - a.iou);
  const usedP = new Set<number>();
  const byG = new Map<number, { p: number; iou: number }>();
  for (const pr of pairs) {
    if (usedP.has(pr.p) || byG.has(pr.g)) continue;
    usedP.add(pr.p);
    byG.set(pr.g, { p: pr.p, iou: pr.iou });
  }
  const out: TextMatch[] = [];
  gt.forEach((g, gi) => {
    if (g.text === undefined) return;
    const m = byG.get(gi);
    const recognised = m ? pred[m.p]!.text : undefined;
    const anyLayerAccuracy = Math.max(0, ...withText.map(({ p }) => characterAccuracy(p.text, g.text!)));
    out.push({ truth: g.text, recognised, iou: m?.iou ?? 0, accuracy: characterAccuracy(recognised, g.text), anyLayerAccuracy });
  });
  return out;
}
