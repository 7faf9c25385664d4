import type { Box, RgbaImage } from '../image.js';
import { resamplePlanes } from './resamplePlanes.js';

export const REC_HEIGHT = 48;
/** Very short crops are right-padded with zeros (mid grey) up to this width. PaddleOCR pads to 320 for batching;
 * running each line at its own width reads the same on our benchmark and costs ~10 % less. */
const REC_MIN_WIDTH = 64;
const MEAN = [0.5, 0.5, 0.5] as const;
const STD = [0.5, 0.5, 0.5] as const;

export interface RecInput {
  tensor: Float32Array;
  /** Tensor width (>= REC_MIN_WIDTH). */
  width: number;
  /** Width actually covered by the line, the rest is padding. */
  contentWidth: number;
}

/** One text line for the recogniser: height 48, aspect ratio kept, right-padded (PaddleOCR's resize_norm_img). */
export function recPreprocess(image: RgbaImage, box: Box, maxWidth = 3200): RecInput {
  const contentWidth = Math.max(16, Math.min(maxWidth, Math.ceil((REC_HEIGHT * box.width) / Math.max(1, box.height))));
  const line = resamplePlanes(image, box, contentWidth, REC_HEIGHT, MEAN, STD);
  const width = Math.max(REC_MIN_WIDTH, contentWidth);
  if (width === contentWidth) return { tensor: line, width, contentWidth };
  const tensor = new Float32Array(3 * REC_HEIGHT * width);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < REC_HEIGHT; y++) {
      const src = (c * REC_HEIGHT + y) * contentWidth;
      tensor.set(line.subarray(src, src + contentWidth), (c * REC_HEIGHT + y) * width);
    }
  }
  return { tensor, width, contentWidth };
}
