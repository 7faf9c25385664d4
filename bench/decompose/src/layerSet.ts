import type { Rgba } from './rgba.js';

export type LayerKind = 'background' | 'object' | 'text';

/** One layer on the full canvas (bottom-to-top order lives in the containing array). */
export interface CanvasLayer {
  name: string;
  kind: LayerKind;
  rgba: Rgba;
  text?: string | undefined;
}

export interface LayerSet {
  width: number;
  height: number;
  layers: CanvasLayer[];
}

/** The decompose CLI's manifest.json: layers bottom to top, each a PNG cropped to (x, y, width, height). */
export interface Manifest {
  width: number;
  height: number;
  layers: { file: string; name: string; kind: LayerKind; x: number; y: number; width: number; height: number; text?: { content: string } | string }[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounding box of alpha > 0, or undefined when the layer is fully transparent. */
export function alphaBounds(img: Rgba): Box | undefined {
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3]! === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

export function crop(img: Rgba, b: Box): Rgba {
  const data = new Uint8ClampedArray(b.width * b.height * 4);
  for (let r = 0; r < b.height; r++) {
    const s = ((b.y + r) * img.width + b.x) * 4;
    data.set(img.data.subarray(s, s + b.width * 4), r * b.width * 4);
  }
  return { width: b.width, height: b.height, data };
}

/** The manifest's text field may be a string or { content }. */
export function manifestText(t: Manifest['layers'][number]['text']): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : t.content;
}
