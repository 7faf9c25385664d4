import type { RgbaImage } from '@strata/document';

export interface Rect { x: number; y: number; width: number; height: number }

/** The smallest rectangle holding every pixel with alpha > 0 (null when the image is fully transparent). */
export function opaqueBounds(img: RgbaImage): Rect | null {
  const { width, height, data } = img;
  let top = -1; let bottom = -1; let left = width; let right = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    let first = -1; let last = -1;
    for (let x = 0; x < width; x++) if ((data[row + x * 4 + 3] ?? 0) !== 0) { first = x; break; }
    if (first < 0) continue;
    for (let x = width - 1; x >= first; x--) if ((data[row + x * 4 + 3] ?? 0) !== 0) { last = x; break; }
    if (top < 0) top = y;
    bottom = y;
    if (first < left) left = first;
    if (last > right) right = last;
  }
  if (top < 0) return null;
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

export function cropImage(img: RgbaImage, r: Rect): RgbaImage {
  if (r.x === 0 && r.y === 0 && r.width === img.width && r.height === img.height) return img;
  const out = new Uint8ClampedArray(r.width * r.height * 4);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.y + y) * img.width + r.x) * 4;
    out.set(img.data.subarray(from, from + r.width * 4), y * r.width * 4);
  }
  return { width: r.width, height: r.height, data: out };
}
