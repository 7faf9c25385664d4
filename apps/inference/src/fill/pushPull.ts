/**
 * Fill the unknown pixels (known = 0) of an interleaved float image in place by push-pull: known pixels are averaged
 * down a pyramid until everything is covered, then pulled back up with bilinear interpolation and a few Jacobi
 * relaxation sweeps of the Laplace equation at each level (a fast membrane/diffusion fill).
 */
export function pushPull(values: Float32Array, known: Uint8Array, w: number, h: number, c: number, sweeps = 4): void {
  let any = false;
  let all = true;
  for (let i = 0; i < known.length; i++) {
    if (known[i]) any = true;
    else all = false;
  }
  if (all) return;
  if (!any) {
    values.fill(0);
    return;
  }
  if (w > 1 || h > 1) {
    const cw = Math.max(1, Math.ceil(w / 2));
    const ch = Math.max(1, Math.ceil(h / 2));
    const coarse = new Float32Array(cw * ch * c);
    const coarseKnown = new Uint8Array(cw * ch);
    const acc = new Float64Array(c);
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        let n = 0;
        acc.fill(0);
        for (let dy = 0; dy < 2; dy++) {
          for (let dx = 0; dx < 2; dx++) {
            const sx = 2 * x + dx;
            const sy = 2 * y + dy;
            if (sx >= w || sy >= h) continue;
            const s = sy * w + sx;
            if (!known[s]) continue;
            n++;
            for (let k = 0; k < c; k++) acc[k]! += values[s * c + k]!;
          }
        }
        const d = y * cw + x;
        if (n > 0) {
          coarseKnown[d] = 1;
          for (let k = 0; k < c; k++) coarse[d * c + k] = acc[k]! / n;
        }
      }
    }
    pushPull(coarse, coarseKnown, cw, ch, c, sweeps);
    for (let y = 0; y < h; y++) {
      const fy = Math.min(ch - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
      const y0 = Math.floor(fy);
      const y1 = Math.min(ch - 1, y0 + 1);
      const ty = fy - y0;
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (known[i]) continue;
        const fx = Math.min(cw - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
        const x0 = Math.floor(fx);
        const x1 = Math.min(cw - 1, x0 + 1);
        const tx = fx - x0;
        for (let k = 0; k < c; k++) {
          const a = coarse[(y0 * cw + x0) * c + k]! * (1 - tx) + coarse[(y0 * cw + x1) * c + k]! * tx;
          const b = coarse[(y1 * cw + x0) * c + k]! * (1 - tx) + coarse[(y1 * cw + x1) * c + k]! * tx;
          values[i * c + k] = a * (1 - ty) + b * ty;
        }
      }
    }
  }
  const unknown: number[] = [];
  for (let i = 0; i < known.length; i++) if (!known[i]) unknown.push(i);
  for (let s = 0; s < sweeps; s++) {
    for (const i of unknown) {
      const x = i % w;
      const y = (i - x) / w;
      for (let k = 0; k < c; k++) {
        let acc = 0;
        let n = 0;
        if (x > 0) {
          acc += values[(i - 1) * c + k]!;
          n++;
        }
        if (x < w - 1) {
          acc += values[(i + 1) * c + k]!;
          n++;
        }
        if (y > 0) {
          acc += values[(i - w) * c + k]!;
          n++;
        }
        if (y < h - 1) {
          acc += values[(i + w) * c + k]!;
          n++;
        }
        if (n > 0) values[i * c + k] = acc / n;
      }
    }
  }
}
