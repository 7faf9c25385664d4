import type { RgbaImage } from './image.js';

export type LayerKind = 'background' | 'object' | 'text';

/** One output layer, cropped to its content; (x, y) places it in the input's frame. */
export interface Layer {
  name: string;
  kind: LayerKind;
  x: number;
  y: number;
  width: number;
  height: number;
  rgba: RgbaImage;
  text?: { content: string; fontSize: number; color: [number, number, number] };
  confidence: number;
}

export type Stage = 'text' | 'objects' | 'fill' | 'unblend';

/** Crop a full-frame RGBA image to the bounding box of its non-transparent pixels (1x1 transparent when empty). */
export function cropToContent(full: RgbaImage): { x: number; y: number; rgba: RgbaImage } {
  const { width: w, height: h, data } = full;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[(y * w + x) * 4 + 3] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return { x: 0, y: 0, rgba: { width: 1, height: 1, data: new Uint8ClampedArray(4) } };
  const cw = x1 - x0 + 1;
  const ch = y1 - y0 + 1;
  const out = new Uint8ClampedArray(cw * ch * 4);
  for (let y = 0; y < ch; y++) out.set(data.subarray(((y0 + y) * w + x0) * 4, ((y0 + y) * w + x1 + 1) * 4), y * cw * 4);
  return { x: x0, y: y0, rgba: { width: cw, height: ch, data: out } };
}
