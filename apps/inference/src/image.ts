/** An 8-bit RGBA image with straight (non-premultiplied) alpha, rows top to bottom, 4 bytes per pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A single-channel map (alpha matte, mask, saliency) with values in 0..1. */
export interface Matte {
  width: number;
  height: number;
  data: Float32Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function createImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

export function createMatte(width: number, height: number): Matte {
  return { width, height, data: new Float32Array(width * height) };
}
