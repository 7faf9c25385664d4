export interface CtcDecoded {
  text: string;
  /** Mean of the winning probabilities of the emitted characters (1 for an empty string). */
  confidence: number;
  /** Per emitted character (code point), the centre of its run of time steps (fractional step index). */
  positions: number[];
}

/**
 * Greedy CTC decoding of a [T, C] probability matrix (row-major): take the argmax per time step, merge repeats,
 * drop blanks (class 0).
 */
export function ctcGreedyDecode(probs: Float32Array, steps: number, classes: number, charset: readonly string[]): CtcDecoded {
  let text = '';
  let sum = 0;
  let count = 0;
  let prev = -1;
  let runStart = 0;
  const positions: number[] = [];
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== prev) {
      if (prev > 0) positions.push((runStart + t - 1) / 2);
      runStart = t;
      if (best !== 0) {
        text += charset[best] ?? '';
        sum += bestP;
        count++;
      }
    }
    prev = best;
  }
  if (prev > 0) positions.push((runStart + steps - 1) / 2);
  return { text, confidence: count === 0 ? 1 : sum / count, positions };
}
