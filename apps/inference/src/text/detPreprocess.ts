import type { RgbaImage } from '../image.js';
import { resamplePlanes } from './resamplePlanes.js';

export interface DetInput {
  tensor: Float32Array;
  width: number;
  height: number;
  /** Original pixels per model pixel, per axis. */
  scaleX: number;
  scaleY: number;
}

/** PaddleOCR det defaults: ImageNet mean/std (applied to the BGR planes in this order). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

/**
 * PaddleOCR's DetResizeForTest with limit_type 'max': shrink so the longer side is at most `limitSide`, then round
 * each side to a multiple of 32 (at least 32).
 */
export function detInputSize(width: number, height: number, limitSide = 960): { width: number; height: number } {
  const ratio = Math.max(width, height) > limitSide ? limitSide / Math.max(width, height) : 1;
  const round32 = (v: number): number => Math.max(32, Math.round((v * ratio) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}

export function detPreprocess(image: RgbaImage, limitSide = 960): DetInput {
  const size = detInputSize(image.width, image.height, limitSide);
  const tensor = resamplePlanes(image, { x: 0, y: 0, width: image.width, height: image.height }, size.width, size.height, MEAN, STD);
  return { tensor, width: size.width, height: size.height, scaleX: image.width / size.width, scaleY: image.height / size.height };
}
