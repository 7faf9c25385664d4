/**
 * A first background model for a text line box that needs no ink segmentation: the box has a background margin
 * above and below the glyphs, so for each column take the median colour of the top two and of the bottom two rows
 * over a window of columns (robust to a stray descender), and blend linearly from top to bottom. Follows backgrounds
 * that change along the line (a shape edge the text crosses). Returns RGB triplets per pixel, or null when the
 * border has no opaque pixel.
 */
export function borderBackground(rgb: Float32Array, opaque: Uint8Array, w: number, h: number): Float32Array | null {
  const r = Math.max(2, Math.round(h / 3));
  // windowed medians at a stride of about r/4 columns, linearly interpolated in between
  const step = Math.max(1, Math.floor(r / 4));
  const rows = (ys: number[]): Float32Array | null => {
    const out = new Float32Array(w * 3).fill(NaN);
    let any = false;
    const vals: number[][] = [[], [], []];
    const at: number[] = [];
    for (let x = 0; x < w; x = x + step >= w && x !== w - 1 ? w - 1 : x + step) {
      at.push(x);
      for (const v of vals) v.length = 0;
      for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
        for (const y of ys) {
          const p = y * w + xx;
          if (!opaque[p]) continue;
          for (let c = 0; c < 3; c++) vals[c]!.push(rgb[p * 3 + c]!);
        }
      }
      if (vals[0]!.length === 0) continue;
      any = true;
      for (let c = 0; c < 3; c++) out[x * 3 + c] = median(vals[c]!);
    }
    for (let k = 0; k + 1 < at.length; k++) {
      const a = at[k]!;
      const b = at[k + 1]!;
      if (Number.isNaN(out[a * 3]!) || Number.isNaN(out[b * 3]!)) continue;
      for (let x = a + 1; x < b; x++) {
        const t = (x - a) / (b - a);
        for (let c = 0; c < 3; c++) out[x * 3 + c] = out[a * 3 + c]! * (1 - t) + out[b * 3 + c]! * t;
      }
    }
    return any ? out : null;
  };
  const top = rows([0, 1].filter((y) => y < h));
  const bottom = rows([h - 1, h - 2].filter((y) => y >= 0));
  if (!top && !bottom) return null;
  const a = top ?? bottom!;
  const b = bottom ?? top!;
  fillGaps(a, w);
  fillGaps(b, w);
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const t = h > 1 ? y / (h - 1) : 0;
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = a[x * 3 + c]! * (1 - t) + b[x * 3 + c]! * t;
    }
  }
  return out;
}

/** Columns without opaque border pixels (NaN) take the nearest defined column's colour. */
function fillGaps(row: Float32Array, w: number): void {
  let last = -1;
  for (let x = 0; x < w; x++) {
    if (Number.isNaN(row[x * 3]!)) continue;
    for (let g = last + 1; g < x; g++) for (let c = 0; c < 3; c++) row[g * 3 + c] = row[x * 3 + c]!;
    last = x;
  }
  if (last < 0) return;
  for (let g = last + 1; g < w; g++) for (let c = 0; c < 3; c++) row[g * 3 + c] = row[last * 3 + c]!;
}

function median(values: number[]): number {
  const s = Float64Array.from(values).sort();
  return s[s.length >> 1]!;
}
