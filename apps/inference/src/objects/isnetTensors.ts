import { createMatte, type Matte } from '../image.js';

export const ISNET_SIZE = 1024;

/**
 * An image's RGB at 1024x1024 (interleaved, from resizeRgbBilinear) to IS-Net's NCHW float input, normalised as
 * (v - 128) / 256 like @imgly does.
 */
export function toIsnetInput(small: Float32Array): Float32Array {
  const stride = ISNET_SIZE * ISNET_SIZE;
  const out = new Float32Array(3 * stride);
  for (let i = 0; i < stride; i++) {
    out[i] = (small[i * 3]! - 128) / 256;
    out[i + stride] = (small[i * 3 + 1]! - 128) / 256;
    out[i + 2 * stride] = (small[i * 3 + 2]! - 128) / 256;
  }
  return out;
}

/** IS-Net's 1x1x1024x1024 output to a Matte clamped to 0..1. */
export function fromIsnetOutput(data: Float32Array): Matte {
  const matte = createMatte(ISNET_SIZE, ISNET_SIZE);
  for (let i = 0; i < matte.data.length; i++) matte.data[i] = Math.min(1, Math.max(0, data[i] ?? 0));
  return matte;
}
