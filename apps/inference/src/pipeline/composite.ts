import { createImage, type RgbaImage } from '../image.js';

/** A layer placed in the frame: its cropped RGBA pixels at (x, y). */
export interface PlacedRgba {
  x: number;
  y: number;
  rgba: RgbaImage;
}

/** Straight-alpha "over" of the layers bottom to top into a width x height frame, rounded to 8 bits. */
export function compositeLayers(width: number, height: number, layers: PlacedRgba[]): RgbaImage {
  const size = width * height;
  const rgb = new Float64Array(size * 3);
  const alpha = new Float64Array(size);
  for (const layer of layers) {
    const { rgba } = layer;
    for (let y = 0; y < rgba.height; y++) {
      const fy = layer.y + y;
      if (fy < 0 || fy >= height) continue;
      for (let x = 0; x < rgba.width; x++) {
        const fx = layer.x + x;
        if (fx < 0 || fx >= width) continue;
        const s = (y * rgba.width + x) * 4;
        const a = rgba.data[s + 3]! / 255;
        if (a === 0) continue;
        const d = fy * width + fx;
        const beta = alpha[d]!;
        const outA = a + beta * (1 - a);
        for (let c = 0; c < 3; c++) {
          rgb[d * 3 + c] = (a * rgba.data[s + c]! + (1 - a) * beta * rgb[d * 3 + c]!) / outA;
        }
        alpha[d] = outA;
      }
    }
  }
  const out = createImage(width, height);
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < 3; c++) out.data[i * 4 + c] = Math.round(rgb[i * 3 + c]!);
    out.data[i * 4 + 3] = Math.round(alpha[i]! * 255);
  }
  return out;
}

/** PSNR over RGBA (colour compared premultiplied by the target's alpha) and the share of pixels within `tol`. */
export function compareImages(
  a: RgbaImage,
  b: RgbaImage,
  tol = 2,
): { psnr: number; withinTolerance: number; maxError: number } {
  let se = 0;
  let within = 0;
  let maxError = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    let worst = Math.abs(a.data[i * 4 + 3]! - b.data[i * 4 + 3]!);
    se += worst * worst;
    const visible = a.data[i * 4 + 3]! > 0 || b.data[i * 4 + 3]! > 0;
    for (let c = 0; c < 3; c++) {
      const d = visible
        ? Math.abs((a.data[i * 4 + c]! * a.data[i * 4 + 3]!) / 255 - (b.data[i * 4 + c]! * b.data[i * 4 + 3]!) / 255)
        : 0;
      se += d * d;
      worst = Math.max(worst, d);
    }
    if (worst <= tol) within++;
    maxError = Math.max(maxError, worst);
  }
  const mse = se / (n * 4);
  return { psnr: mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse), withinTolerance: within / n, maxError };
}
