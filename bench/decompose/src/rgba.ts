/** Straight-alpha 8-bit RGBA raster, rows top to bottom (structurally the same as @strata/inference's RgbaImage). */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export function blankRgba(width: number, height: number): Rgba {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

/** Place a cropped layer at (x, y) on a transparent canvas of the given size (parts outside are clipped). */
export function placeOnCanvas(layer: Rgba, x: number, y: number, width: number, height: number): Rgba {
  const out = blankRgba(width, height);
  for (let row = 0; row < layer.height; row++) {
    const cy = y + row;
    if (cy < 0 || cy >= height) continue;
    const x0 = Math.max(0, x);
    const x1 = Math.min(width, x + layer.width);
    if (x1 <= x0) continue;
    const src = (row * layer.width + (x0 - x)) * 4;
    out.data.set(layer.data.subarray(src, src + (x1 - x0) * 4), (cy * width + x0) * 4);
  }
  return out;
}
