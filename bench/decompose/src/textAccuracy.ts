import { editDistance } from '../../../apps/inference/src/text/editDistance.js';

/** Whitespace is collapsed and case kept: "Sale  50%" and "Sale 50%" are the same text. */
export function normaliseText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Character-level accuracy of a recognised string against the truth: 1 - CER, clamped to [0, 1], where
 * CER = edit distance / truth length. A missing recognition (undefined) scores 0.
 */
export function characterAccuracy(recognised: string | undefined, truth: string): number {
  const t = normaliseText(truth);
  if (recognised === undefined) return 0;
  const r = normaliseText(recognised);
  if (t.length === 0) return r.length === 0 ? 1 : 0;
  return Math.max(0, 1 - editDistance(r, t) / [...t].length);
}
