import { compositeAll } from './alphaComposite.js';
import { elementRecall, type ElementMatch } from './elementRecall.js';
import { evaluateLayers, type LevelScores } from './evaluateLayers.js';
import type { LayerSet } from './layerSet.js';
import { matchTextLayers, type TextMatch } from './matchTextLayers.js';
import { recomposition, type Recomposition } from './recomposition.js';
import type { ElementSpec } from './sceneSpec.js';

export interface SceneScore {
  id: string;
  levels: LevelScores[];
  predLayers: number;
  gtLayers: number;
  /** |predicted - ground-truth| layer count, before any grouping. */
  countError: number;
  text: TextMatch[];
  /** The predicted layers' composite against the input (the ground truth's composite). */
  recomposition: Recomposition;
  /** Per ground-truth element, its best single predicted layer (when the scene's elements are given). */
  elements: ElementMatch[];
}

export function scoreScene(id: string, pred: LayerSet, gt: LayerSet, maxEdits = 5, elements: readonly ElementSpec[] = []): SceneScore {
  const ev = evaluateLayers(pred.layers.map((l) => l.rgba), gt.layers.map((l) => l.rgba), maxEdits);
  return {
    id,
    levels: ev.levels,
    predLayers: pred.layers.length,
    gtLayers: gt.layers.length,
    countError: Math.abs(pred.layers.length - gt.layers.length),
    text: matchTextLayers(pred.layers, gt.layers.filter((l) => l.kind === 'text')),
    recomposition: recomposition(compositeAll(pred.layers.map((l) => l.rgba)), compositeAll(gt.layers.map((l) => l.rgba))),
    elements: elementRecall(pred, gt, elements),
  };
}
