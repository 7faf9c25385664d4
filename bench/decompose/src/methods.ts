import { BASELINES } from './baselines.js';
import { decomposeMethod, loadDecompose } from './decomposeMethod.js';
import type { Method } from './method.js';

/** All methods available now: the baselines, plus decompose once @strata/inference exports it. */
export async function availableMethods(): Promise<Method[]> {
  const fn = await loadDecompose();
  return fn ? [...BASELINES, decomposeMethod(fn)] : [...BASELINES];
}
