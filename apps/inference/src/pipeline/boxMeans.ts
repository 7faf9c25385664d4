import type { RgbaImage } from '../image.js';

/** Box means over `scale` × `scale` cells (the last row and column of cells may be partial); alpha is 255. */
export function boxMeans(image: RgbaImage, scale: number): RgbaImage {
  const { width: W, height: H, data } = image;
  const w = Math.ceil(W / scale);
  const h = Math.ceil(H / scale);
  const sum = new Float64Array(w * h * 3);
  const count = new Uint16Array(w * h);
  for (let y = 0; y < H; y++) {
    const row = ((y / scale) | 0) * w;
    for (let x = 0; x < W; x++) {
      const k = row + ((x / scale) | 0);
      count[k]!++;
      for (let c = 0; c < 3; c++) sum[k * 3 + c]! += data[(y * W + x) * 4 + c]!;
    }
  }
  const out = new Uint8ClampedArray(w * h * 4);
  for (let k = 0; k < w * h; k++) {
    for (let c = 0; c < 3; c++) out[k * 4 + c] = sum[k * 3 + c]! / count[k]!;
    out[k * 4 + 3] = 255;
  }
  return { width: w, height: h, data: out };
}
