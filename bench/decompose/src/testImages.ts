import type { Rgba } from './rgba.js';

type Px = readonly [number, number, number, number];

/** A one-row image from pixel tuples: tiny hand-computable test cases. */
export function row(...pixels: Px[]): Rgba {
  return { width: pixels.length, height: 1, data: new Uint8ClampedArray(pixels.flat()) };
}

export const CLEAR: Px = [0, 0, 0, 0];
export const WHITE: Px = [255, 255, 255, 255];
export const RED: Px = [255, 0, 0, 255];
export const BLUE: Px = [0, 0, 255, 255];
