export interface OtsuResult {
  /** Values strictly above the threshold form the upper class. */
  threshold: number;
  /** Between-class variance divided by total variance (0..1): how bimodal the values are. */
  separation: number;
}

/** Otsu's threshold over a histogram whose bin i stands for the value i * binWidth. */
export function otsuThreshold(hist: Float64Array, binWidth = 1): OtsuResult {
  let total = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < hist.length; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
    sumSq += i * i * hist[i]!;
  }
  if (total === 0) return { threshold: 0, separation: 0 };
  const mean = sum / total;
  const variance = sumSq / total - mean * mean;
  let best = 0;
  let bestVar = -1;
  let w0 = 0;
  let s0 = 0;
  for (let t = 0; t < hist.length - 1; t++) {
    w0 += hist[t]!;
    s0 += t * hist[t]!;
    const w1 = total - w0;
    if (w0 === 0 || w1 === 0) continue;
    const m0 = s0 / w0;
    const m1 = (sum - s0) / w1;
    const between = (w0 * w1 * (m0 - m1) ** 2) / (total * total);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return { threshold: (best + 0.5) * binWidth, separation: variance > 0 ? Math.max(0, bestVar) / variance : 0 };
}
