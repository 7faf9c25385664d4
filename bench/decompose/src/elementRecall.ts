import { pairScores } from './layerMetrics.js';
import type { LayerSet } from './layerSet.js';
import type { ElementSpec } from './sceneSpec.js';

/** A ground-truth element and how well the single predicted layer closest to it covers it. */
export interface ElementMatch {
  type: string;
  /** Highest alpha soft IoU of any one predicted layer (background excluded) with the element's layer. */
  bestIou: number;
}

/** Below this best IoU an element counts as missed: in no layer of its own (left in the background or merged). */
export const FOUND_IOU = 0.7;

/** The element's type for the report: text, shape or asset, and whether it is see-through (opacity below 1). */
export function elementType(e: ElementSpec): string {
  if (e.kind === 'text') return 'text';
  const name = e.kind === 'shape' ? 'shape' : e.asset;
  return e.opacity < 1 ? `${name}, see-through` : name;
}

/**
 * Per ground-truth element (layers 1.. of `gt`, in the order of `elements`), its best single-layer IoU among the
 * predicted layers: where the LayerD scores are lost (elements missed or merged with others), by element type.
 */
export function elementRecall(pred: LayerSet, gt: LayerSet, elements: readonly ElementSpec[]): ElementMatch[] {
  const candidates = pred.layers.filter((l) => l.kind !== 'background');
  return elements.map((e, i) => {
    const truth = gt.layers[i + 1]!.rgba;
    let bestIou = 0;
    for (const p of candidates) bestIou = Math.max(bestIou, pairScores(p.rgba, truth).alphaIou);
    return { type: elementType(e), bestIou };
  });
}
