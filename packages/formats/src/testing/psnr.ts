import type { RgbaImage } from '@strata/document';

/** Peak signal-to-noise ratio over RGB of two same-sized images, each first flattened on white. */
export function psnrOnWhite(a: RgbaImage, b: RgbaImage): number {
  if (a.width !== b.width || a.height !== b.height) throw new RangeError('images differ in size');
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const aa = (a.data[i + 3] ?? 0) / 255; const ba = (b.data[i + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) {
      const va = (a.data[i + c] ?? 0) * aa + 255 * (1 - aa);
      const vb = (b.data[i + c] ?? 0) * ba + 255 * (1 - ba);
      sum += (va - vb) ** 2;
    }
  }
  const mse = sum / ((a.data.length / 4) * 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
