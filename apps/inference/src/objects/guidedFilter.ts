/** Mean over a (2r+1)^2 window, clipped at the borders, via running sums. */
export function boxMean(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let acc = 0;
    for (let x = 0; x <= Math.min(r, w - 1); x++) acc += src[row + x]!;
    for (let x = 0; x < w; x++) {
      const lo = x - r - 1;
      const hi = x + r;
      tmp[row + x] = acc / (Math.min(hi, w - 1) - Math.max(lo, -1));
      if (hi + 1 < w) acc += src[row + hi + 1]!;
      if (lo + 1 >= 0) acc -= src[row + lo + 1]!;
    }
  }
  // the vertical pass runs row by row with one running sum per column (the same additions as column by column, in
  // the same order, but reading memory in sequence)
  const acc = new Float64Array(w);
  for (let y = 0; y <= Math.min(r, h - 1); y++) {
    for (let x = 0; x < w; x++) acc[x]! += tmp[y * w + x]!;
  }
  for (let y = 0; y < h; y++) {
    const lo = y - r - 1;
    const hi = y + r;
    const count = Math.min(hi, h - 1) - Math.max(lo, -1);
    const row = y * w;
    for (let x = 0; x < w; x++) out[row + x] = acc[x]! / count;
    if (hi + 1 < h) {
      const add = (hi + 1) * w;
      for (let x = 0; x < w; x++) acc[x]! += tmp[add + x]!;
    }
    if (lo + 1 >= 0) {
      const sub = (lo + 1) * w;
      for (let x = 0; x < w; x++) acc[x]! -= tmp[sub + x]!;
    }
  }
  return out;
}

/** Guided-filter coefficients (a, b) so that q = a * I + b follows the edges of guide I (He et al. 2010). */
export function guidedCoefficients(
  guide: Float32Array,
  p: Float32Array,
  w: number,
  h: number,
  r: number,
  eps: number,
): { a: Float32Array; b: Float32Array } {
  const n = w * h;
  const ip = new Float32Array(n);
  const ii = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ip[i] = guide[i]! * p[i]!;
    ii[i] = guide[i]! * guide[i]!;
  }
  const mI = boxMean(guide, w, h, r);
  const mP = boxMean(p, w, h, r);
  const mIP = boxMean(ip, w, h, r);
  const mII = boxMean(ii, w, h, r);
  const a = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cov = mIP[i]! - mI[i]! * mP[i]!;
    const variance = mII[i]! - mI[i]! * mI[i]!;
    a[i] = cov / (variance + eps);
    b[i] = mP[i]! - a[i]! * mI[i]!;
  }
  return { a: boxMean(a, w, h, r), b: boxMean(b, w, h, r) };
}

export function guidedFilter(
  guide: Float32Array,
  p: Float32Array,
  w: number,
  h: number,
  r: number,
  eps: number,
): Float32Array {
  const { a, b } = guidedCoefficients(guide, p, w, h, r, eps);
  const q = new Float32Array(w * h);
  for (let i = 0; i < q.length; i++) q[i] = a[i]! * guide[i]! + b[i]!;
  return q;
}
