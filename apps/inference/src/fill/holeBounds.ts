import type { Box } from '../image.js';

/** Bounding box of the set pixels of a mask, grown by `margin` and clipped; undefined for an empty mask. */
export function holeBounds(hole: Uint8Array, w: number, h: number, margin: number): Box | undefined {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (hole[row + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return undefined;
  const m = Math.round(margin);
  const x = Math.max(0, x0 - m);
  const y = Math.max(0, y0 - m);
  return { x, y, width: Math.min(w, x1 + m + 1) - x, height: Math.min(h, y1 + m + 1) - y };
}

/** RGB planes of a crop as interleaved floats. */
export function cropRgb(data: Uint8ClampedArray, w: number, box: Box): Float32Array {
  const out = new Float32Array(box.width * box.height * 3);
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const s = ((box.y + y) * w + box.x + x) * 4;
      const d = (y * box.width + x) * 3;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
    }
  }
  return out;
}

export function cropMask(mask: Uint8Array, w: number, box: Box): Uint8Array {
  const out = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    out.set(mask.subarray((box.y + y) * w + box.x, (box.y + y) * w + box.x + box.width), y * box.width);
  }
  return out;
}

/** Write the hole pixels of a filled crop back into RGBA data (alpha untouched). */
export function pasteRgb(data: Uint8ClampedArray, w: number, box: Box, rgb: Float32Array, hole: Uint8Array): void {
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const i = y * box.width + x;
      if (!hole[i]) continue;
      const d = ((box.y + y) * w + box.x + x) * 4;
      data[d] = rgb[i * 3]!;
      data[d + 1] = rgb[i * 3 + 1]!;
      data[d + 2] = rgb[i * 3 + 2]!;
    }
  }
}
