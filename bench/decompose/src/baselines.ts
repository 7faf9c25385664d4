import type { CanvasLayer } from './layerSet.js';
import type { Method } from './method.js';
import { Rng } from './rng.js';
import { blankRgba, type Rgba } from './rgba.js';

/** "One layer = the input": the floor any decomposition must beat. */
export const singleLayer: Method = {
  name: 'baseline:single',
  describe: 'one layer = the input',
  run: async (input) => [{ name: 'input', kind: 'background', rgba: input }],
};

/** The input as background plus (ground-truth count - 1) random rectangles cut out of it: right count, no skill. */
export const randomLayers: Method = {
  name: 'baseline:random',
  describe: 'input + (gt count - 1) random rectangles cut from it',
  run: async (input, ctx) => {
    const rng = new Rng(ctx.seed);
    const layers: CanvasLayer[] = [{ name: 'input', kind: 'background', rgba: input }];
    for (let k = 1; k < ctx.gtLayerCount; k++) {
      const w = Math.round(rng.range(0.1, 0.4) * input.width);
      const h = Math.round(rng.range(0.1, 0.4) * input.height);
      const x0 = rng.int(0, input.width - w);
      const y0 = rng.int(0, input.height - h);
      const out = blankRgba(input.width, input.height);
      for (let y = y0; y < y0 + h; y++) {
        const s = (y * input.width + x0) * 4;
        out.data.set(input.data.subarray(s, s + w * 4), s);
      }
      layers.push({ name: `random ${k}`, kind: 'object', rgba: out });
    }
    return layers;
  },
};

/** Box-blur one channel-interleaved RGBA image (alpha ignored) with radius r, separable, O(n). */
function boxBlur(img: Rgba, r: number): Float32Array {
  const { width: w, height: h } = img;
  const tmp = new Float32Array(w * h * 3);
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let x = -r; x <= r; x++) acc += img.data[(y * w + Math.min(w - 1, Math.max(0, x))) * 4 + c]!;
      for (let x = 0; x < w; x++) {
        tmp[(y * w + x) * 3 + c] = acc / (2 * r + 1);
        const add = Math.min(w - 1, x + r + 1);
        const sub = Math.max(0, x - r);
        acc += img.data[(y * w + add) * 4 + c]! - img.data[(y * w + sub) * 4 + c]!;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let y = -r; y <= r; y++) acc += tmp[(Math.min(h - 1, Math.max(0, y)) * w + x) * 3 + c]!;
      for (let y = 0; y < h; y++) {
        out[(y * w + x) * 3 + c] = acc / (2 * r + 1);
        const add = Math.min(h - 1, y + r + 1);
        const sub = Math.max(0, y - r);
        acc += tmp[(add * w + x) * 3 + c]! - tmp[(sub * w + x) * 3 + c]!;
      }
    }
  }
  return out;
}

/**
 * A simple classical decomposition: background = heavy blur of the input; pixels far from it are foreground; the
 * foreground's 8-connected components (largest first, at most 8) become opaque layers with the input's colours, and
 * the background layer takes the blurred estimate under them. No learning, no matting, no inpainting.
 */
export const classical: Method = {
  name: 'baseline:classical',
  describe: 'blur background + thresholded connected components',
  run: async (input) => {
    const { width: w, height: h } = input;
    const bg = boxBlur(input, Math.max(8, Math.round(Math.min(w, h) / 25)));
    const fg = new Uint8Array(w * h);
    for (let p = 0; p < w * h; p++) {
      let d = 0;
      for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(input.data[p * 4 + c]! - bg[p * 3 + c]!));
      fg[p] = d > 48 ? 1 : 0;
    }
    const label = new Int32Array(w * h).fill(-1);
    const comps: number[][] = [];
    const stack: number[] = [];
    for (let p = 0; p < w * h; p++) {
      if (!fg[p] || label[p]! >= 0) continue;
      const pixels: number[] = [];
      label[p] = comps.length;
      stack.push(p);
      while (stack.length > 0) {
        const q = stack.pop()!;
        pixels.push(q);
        const qx = q % w;
        const qy = (q - qx) / w;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = qx + dx;
            const ny = qy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const n = ny * w + nx;
            if (fg[n] && label[n]! < 0) {
              label[n] = comps.length;
              stack.push(n);
            }
          }
        }
      }
      comps.push(pixels);
    }
    const minArea = w * h * 0.002;
    const kept = comps.filter((c) => c.length >= minArea).sort((a, b) => b.length - a.length).slice(0, 8);
    const background = blankRgba(w, h);
    background.data.set(input.data);
    const layers: CanvasLayer[] = [{ name: 'background', kind: 'background', rgba: background }];
    for (const [k, pixels] of kept.entries()) {
      const out = blankRgba(w, h);
      for (const p of pixels) {
        for (let c = 0; c < 4; c++) out.data[p * 4 + c] = input.data[p * 4 + c]!;
        out.data[p * 4 + 3] = 255;
        for (let c = 0; c < 3; c++) background.data[p * 4 + c] = bg[p * 3 + c]!;
      }
      layers.push({ name: `component ${k}`, kind: 'object', rgba: out });
    }
    return layers;
  },
};

export const BASELINES: readonly Method[] = [singleLayer, randomLayers, classical];
