import { createMatte, type Matte, type RgbaImage } from '../image.js';
import { guidedCoefficients } from './guidedFilter.js';
import { grayOf, resizeRgbBilinear, upsampleBilinear } from './resize.js';

/**
 * Upsample a low-resolution matte to the image's native size with a fast guided filter: the filter's linear
 * coefficients are fitted at the matte's resolution against the downscaled luma, upsampled, and applied to the
 * full-resolution luma, so the matte's edges snap to the image's edges. `smallRgb` is the image at the matte's size
 * (the model's input, when the caller has it).
 */
export function refineMatte(
  low: Matte,
  image: RgbaImage,
  smallRgb = resizeRgbBilinear(image, low.width, low.height),
  radius = 2,
  eps = 1e-4,
): Matte {
  const { width: lw, height: lh } = low;
  const smallGray = new Float32Array(lw * lh);
  for (let i = 0; i < smallGray.length; i++) {
    smallGray[i] = (0.299 * smallRgb[i * 3]! + 0.587 * smallRgb[i * 3 + 1]! + 0.114 * smallRgb[i * 3 + 2]!) / 255;
  }
  const { a, b } = guidedCoefficients(smallGray, low.data, lw, lh, radius, eps);
  const { width: w, height: h } = image;
  const aUp = upsampleBilinear(a, lw, lh, w, h);
  const bUp = upsampleBilinear(b, lw, lh, w, h);
  const gray = grayOf(image);
  const out = createMatte(w, h);
  for (let i = 0; i < out.data.length; i++) {
    const v = aUp[i]! * gray[i]! + bUp[i]!;
    out.data[i] = v < 0.004 ? 0 : v > 0.996 ? 1 : v;
  }
  return out;
}
