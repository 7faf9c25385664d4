import { createImage, type RgbaImage } from '../image.js';

export type Rgb = [number, number, number];

/** Deterministic pseudo-random numbers in 0..1. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
}

/** A w x h image: horizontal gradient, optionally with a mild seeded texture. */
export function gradientImage(w: number, h: number, texture = 0, seed = 1): RgbaImage {
  const img = createImage(w, h);
  const rand = seeded(seed);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const n = texture * (rand() - 0.5);
      img.data[o] = 40 + (160 * x) / w + n;
      img.data[o + 1] = 90 + (100 * y) / h + n;
      img.data[o + 2] = 200 - (120 * x) / w + n;
      img.data[o + 3] = 255;
    }
  }
  return img;
}

/** Paint an anti-aliased disc of colour `rgb` and opacity `opacity` over the image, in place. */
export function paintDisc(img: RgbaImage, cx: number, cy: number, r: number, rgb: Rgb, opacity = 1): RgbaImage {
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const cover = Math.min(1, Math.max(0, r + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy))) * opacity;
      if (cover <= 0) continue;
      const o = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[o + c] = img.data[o + c]! * (1 - cover) + rgb[c]! * cover;
    }
  }
  return img;
}

export function paintRect(img: RgbaImage, x0: number, y0: number, w: number, h: number, rgb: Rgb, opacity = 1): RgbaImage {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const o = (y * img.width + x) * 4;
      for (let c = 0; c < 3; c++) img.data[o + c] = img.data[o + c]! * (1 - opacity) + rgb[c]! * opacity;
    }
  }
  return img;
}

/** Mean absolute RGB error inside the hole against the ground truth. */
export function holeError(filled: RgbaImage, truth: RgbaImage, hole: Uint8Array): number {
  let e = 0;
  let n = 0;
  hole.forEach((v, i) => {
    if (!v) return;
    for (let c = 0; c < 3; c++) e += Math.abs(filled.data[i * 4 + c]! - truth.data[i * 4 + c]!);
    n += 3;
  });
  return e / n;
}

/** `img` with magenta in the hole, so a fill that copies the hole's own pixels shows. */
export function vandalise(img: RgbaImage, hole: Uint8Array): RgbaImage {
  const out = { ...img, data: new Uint8ClampedArray(img.data) };
  hole.forEach((v, i) => v && out.data.set([255, 0, 255], i * 4));
  return out;
}
