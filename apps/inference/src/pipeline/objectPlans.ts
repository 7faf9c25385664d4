import type { Matte } from '../image.js';
import { growLabels, labelComponents } from '../objects/labelComponents.js';
import type { LayerPlan } from './LayerPlan.js';

export interface ObjectSplitOptions {
  /** Components smaller than this many pixels stay in the layer beneath. */
  minArea: number;
  /** Pixels already claimed by layers above (0..1); their matte is not an object here. */
  claimed?: Float32Array;
  namePrefix?: string;
}

/**
 * Split a soft matte into one plan per connected object: components of the confident core (alpha > 0.5), with the
 * soft fringe shared out to the nearest core.
 */
export function objectPlans(matte: Matte, options: ObjectSplitOptions): LayerPlan[] {
  const { width: w, height: h } = matte;
  const alpha = Float32Array.from(matte.data);
  if (options.claimed) {
    for (let i = 0; i < alpha.length; i++) alpha[i] = alpha[i]! * (1 - options.claimed[i]!);
  }
  const core = new Uint8Array(w * h);
  const soft = new Uint8Array(w * h);
  for (let i = 0; i < alpha.length; i++) {
    core[i] = alpha[i]! > 0.5 ? 1 : 0;
    soft[i] = alpha[i]! > 0.004 ? 1 : 0;
  }
  const { labels, count, sizes } = labelComponents(core, w, h);
  const grown = growLabels(labels, soft, w, h);
  const keep: number[] = [];
  for (let label = 1; label <= count; label++) if (sizes[label]! >= options.minArea) keep.push(label);
  const index = new Int32Array(count + 1).fill(-1);
  keep.forEach((label, k) => (index[label] = k));
  const plans: LayerPlan[] = keep.map(() => ({
    name: '',
    kind: 'object',
    alpha: new Float32Array(w * h),
    fill: 'patch',
    confidence: 0,
    forced: false,
  }));
  const confident = new Float64Array(keep.length);
  const total = new Float64Array(keep.length);
  for (let i = 0; i < grown.length; i++) {
    const k = index[grown[i]!]!;
    if (k < 0) continue;
    const v = alpha[i]!;
    plans[k]!.alpha[i] = v;
    total[k]! += v > 0.05 ? 1 : 0;
    confident[k]! += v > 0.95 || v < 0.05 ? 1 : 0;
  }
  plans.forEach((plan, k) => (plan.confidence = total[k]! > 0 ? Math.min(1, confident[k]! / total[k]!) : 0));
  // larger objects lower in the stack
  const areas = plans.map((plan) => plan.alpha.reduce((s, v) => s + v, 0));
  const order = plans.map((_, k) => k).sort((a, b) => areas[b]! - areas[a]!);
  return order.map((k, rank) => ({ ...plans[k]!, name: `${options.namePrefix ?? 'Object'} ${rank + 1}` }));
}
