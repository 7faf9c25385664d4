import sharp, { type Metadata } from 'sharp';
import { DecomposeError } from '../errors.js';
import type { RgbaImage } from '../image.js';
import { MAX_PIXELS, MAX_SIDE } from '../pipeline/validateInput.js';

/**
 * Decode PNG/JPEG/WebP/... bytes into straight RGBA. The header is checked against the size limits before any pixel
 * is decoded, so a 20000x20000 header costs nothing; truncated or non-image bytes become DecomposeError('BAD_IMAGE').
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DecomposeError('BAD_IMAGE', 'input is not a readable image');
  }
  const { width, height } = meta;
  if (!width || !height) throw new DecomposeError('BAD_IMAGE', 'input image has no size');
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new DecomposeError('IMAGE_TOO_LARGE', `image is ${width}x${height}; the limit is ${MAX_SIDE} px a side and ${MAX_PIXELS} pixels`);
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new Error('unexpected channel count');
    return {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch {
    throw new DecomposeError('BAD_IMAGE', 'input image is truncated or corrupt');
  }
}
