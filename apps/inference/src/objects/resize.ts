import { createMatte, type Matte, type RgbaImage } from '../image.js';

/**
 * Resample a planar float map (channels interleaved) to a new size. Downscaling averages the covered source area
 * (no aliasing); upscaling interpolates bilinearly with pixel centres aligned.
 */
export function resample(
  src: Float32Array,
  sw: number,
  sh: number,
  channels: number,
  dw: number,
  dh: number,
): Float32Array {
  const horizontal = resampleAxis(src, sw, sh, channels, dw, true);
  return resampleAxis(horizontal, dw, sh, channels, dh, false);
}

function resampleAxis(
  src: Float32Array,
  sw: number,
  sh: number,
  c: number,
  dn: number,
  alongX: boolean,
): Float32Array {
  const sn = alongX ? sw : sh;
  const lines = alongX ? sh : sw;
  const out = new Float32Array((alongX ? dn * sh : sw * dn) * c);
  const scale = sn / dn;
  // taps per destination index, flattened: destination d reads sources tapIndex[tapStart[d] .. tapStart[d + 1])
  const tapStart = new Int32Array(dn + 1);
  const tapIndex: number[] = [];
  const tapWeight: number[] = [];
  for (let d = 0; d < dn; d++) {
    tapStart[d] = tapIndex.length;
    if (scale > 1) {
      const start = d * scale;
      const end = start + scale;
      for (let s = Math.floor(start); s < Math.min(sn, Math.ceil(end)); s++) {
        const weight = Math.min(end, s + 1) - Math.max(start, s);
        if (weight > 0) {
          tapIndex.push(s);
          tapWeight.push(weight / scale);
        }
      }
    } else {
      const pos = Math.min(sn - 1, Math.max(0, (d + 0.5) * scale - 0.5));
      const s0 = Math.floor(pos);
      tapIndex.push(s0, Math.min(sn - 1, s0 + 1));
      tapWeight.push(1 - (pos - s0), pos - s0);
    }
  }
  tapStart[dn] = tapIndex.length;
  const index = Int32Array.from(tapIndex);
  const weight = Float32Array.from(tapWeight);
  if (!alongX) {
    // along y, each destination row is a weighted sum of whole source rows: contiguous, cache-friendly
    const row = sw * c;
    for (let d = 0; d < dn; d++) {
      const o = d * row;
      for (let k = tapStart[d]!; k < tapStart[d + 1]!; k++) {
        const s = index[k]! * row;
        const wk = weight[k]!;
        for (let x = 0; x < row; x++) out[o + x]! += src[s + x]! * wk;
      }
    }
    return out;
  }
  for (let line = 0; line < lines; line++) {
    const base = line * sw * c;
    for (let d = 0; d < dn; d++) {
      const o = (line * dn + d) * c;
      const t0 = tapStart[d]!;
      const t1 = tapStart[d + 1]!;
      for (let ch = 0; ch < c; ch++) {
        let acc = 0;
        for (let k = t0; k < t1; k++) acc += src[base + index[k]! * c + ch]! * weight[k]!;
        out[o + ch] = acc;
      }
    }
  }
  return out;
}

/** The RGB channels of an image resampled to w x h, interleaved, 0..255 floats. */
export function resizeRgbBilinear(image: RgbaImage, w: number, h: number): Float32Array {
  const rgb = new Float32Array(image.width * image.height * 3);
  for (let i = 0, j = 0; i < image.data.length; i += 4, j += 3) {
    rgb[j] = image.data[i]!;
    rgb[j + 1] = image.data[i + 1]!;
    rgb[j + 2] = image.data[i + 2]!;
  }
  return resample(rgb, image.width, image.height, 3, w, h);
}

export function resizeMatte(matte: Matte, w: number, h: number): Matte {
  const out = createMatte(w, h);
  out.data.set(resample(matte.data, matte.width, matte.height, 1, w, h));
  return out;
}

/** Luma of an image in 0..1. */
export function grayOf(image: RgbaImage): Float32Array {
  const out = new Float32Array(image.width * image.height);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = (0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!) / 255;
  }
  return out;
}

/** Bilinear upsampling of a single-channel map (pixel centres aligned), the fast path for mattes and coefficients. */
export function upsampleBilinear(src: Float32Array, sw: number, sh: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  const x0s = new Int32Array(dw);
  const x1s = new Int32Array(dw);
  const txs = new Float32Array(dw);
  for (let x = 0; x < dw; x++) {
    const fx = Math.min(sw - 1, Math.max(0, ((x + 0.5) * sw) / dw - 0.5));
    x0s[x] = Math.floor(fx);
    x1s[x] = Math.min(sw - 1, x0s[x]! + 1);
    txs[x] = fx - x0s[x]!;
  }
  for (let y = 0; y < dh; y++) {
    const fy = Math.min(sh - 1, Math.max(0, ((y + 0.5) * sh) / dh - 0.5));
    const y0 = Math.floor(fy);
    const r0 = y0 * sw;
    const r1 = Math.min(sh - 1, y0 + 1) * sw;
    const ty = fy - y0;
    const row = y * dw;
    for (let x = 0; x < dw; x++) {
      const tx = txs[x]!;
      const a = src[r0 + x0s[x]!]! * (1 - tx) + src[r0 + x1s[x]!]! * tx;
      const b = src[r1 + x0s[x]!]! * (1 - tx) + src[r1 + x1s[x]!]! * tx;
      out[row + x] = a + (b - a) * ty;
    }
  }
  return out;
}
