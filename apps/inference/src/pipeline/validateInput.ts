import { DecomposeError } from '../errors.js';
import type { RgbaImage } from '../image.js';
import { hintInside, type Hint } from './Hint.js';

export const MAX_PIXELS = 50_000_000;
export const MAX_SIDE = 16_384;

export type LayerCount = 'auto' | number;

/** Check an image's size and content before any work; throws DecomposeError with a one-line message. */
export function validateImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || data.length !== width * height * 4) {
    throw new DecomposeError('BAD_IMAGE', 'image data does not match its width and height');
  }
  if (width < 2 || height < 2) {
    throw new DecomposeError('IMAGE_TOO_SMALL', `image is ${width}x${height}; at least 2x2 pixels are needed`);
  }
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new DecomposeError('IMAGE_TOO_LARGE', `image is ${width}x${height}; the limit is ${MAX_SIDE} px a side and ${MAX_PIXELS} pixels`);
  }
  let opaque = false;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i]! > 0) {
      opaque = true;
      break;
    }
  }
  if (!opaque) throw new DecomposeError('FULLY_TRANSPARENT', 'image is fully transparent; there is nothing to decompose');
}

export function validateOptions(layers: LayerCount, hints: Hint[], width: number, height: number): void {
  if (layers !== 'auto' && (!Number.isInteger(layers) || layers < 2 || layers > 16)) {
    throw new DecomposeError('BAD_LAYER_COUNT', `layers must be 'auto' or an integer from 2 to 16, got ${String(layers)}`);
  }
  hints.forEach((hint, i) => {
    if (!hintInside(hint, width, height)) {
      throw new DecomposeError('BAD_HINT', `hint ${i + 1} (${Object.values(hint).join(',')}) is outside the ${width}x${height} image`);
    }
  });
}
