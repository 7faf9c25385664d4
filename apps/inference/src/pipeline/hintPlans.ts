import type { RgbaImage } from '../image.js';
import { isBoxHint, type Hint } from './Hint.js';
import type { LayerPlan } from './LayerPlan.js';

const TOLERANCE = 30;

/**
 * Make every hinted object its own (forced) layer. A point inside a matted object takes that object, or the part of
 * it that seeded region growing isolates; a point elsewhere grows a region from the seed. A box takes the objects that
 * lie within it, or else a GrabCut-like split: box pixels unlike the box's border colours. Returns the new plan list
 * (bottom to top); pixels a hint takes are removed from the plans beneath it.
 */
export function applyHints(image: RgbaImage, plans: LayerPlan[], hints: Hint[]): LayerPlan[] {
  let out = [...plans];
  hints.forEach((hint, h) => {
    const { width: w } = image;
    if (!isBoxHint(hint)) {
      const seed = Math.floor(hint.y) * w + Math.floor(hint.x);
      const hostIndex = out.findIndex((p) => p.alpha[seed]! > 0.5);
      const host = out[hostIndex];
      const region = growRegion(image, seed, host ? (i) => host.alpha[i]! > 0.5 : () => true);
      if (host) {
        let core = 0;
        for (const v of host.alpha) core += v > 0.5 ? 1 : 0;
        if (region.size >= 0.8 * core) {
          out[hostIndex] = { ...host, forced: true, name: `Hint ${h + 1}` };
          return;
        }
      }
      out = takeRegion(out, region, image, `Hint ${h + 1}`, host);
      return;
    }
    const inside = (i: number): boolean => {
      const x = i % w;
      const y = (i - x) / w;
      return x >= hint.x && x < hint.x + hint.width && y >= hint.y && y < hint.y + hint.height;
    };
    const contained = out.filter((p) => {
      let total = 0;
      let within = 0;
      p.alpha.forEach((v, i) => {
        total += v;
        if (inside(i)) within += v;
      });
      return total > 0 && within >= 0.8 * total;
    });
    if (contained.length > 0) {
      const alpha = new Float32Array(image.width * image.height);
      for (const p of contained) p.alpha.forEach((v, i) => (alpha[i] = Math.max(alpha[i]!, v)));
      const merged: LayerPlan = { ...contained[0]!, alpha, forced: true, name: `Hint ${h + 1}` };
      const top = Math.max(...contained.map((p) => out.indexOf(p)));
      out = out.flatMap((p, k) => (k === top ? [merged] : contained.includes(p) ? [] : [p]));
      return;
    }
    out = takeRegion(out, boxForeground(image, hint), image, `Hint ${h + 1}`, undefined);
  });
  return out;
}

function takeRegion(
  plans: LayerPlan[],
  region: Set<number>,
  image: RgbaImage,
  name: string,
  host: LayerPlan | undefined,
): LayerPlan[] {
  const alpha = new Float32Array(image.width * image.height);
  for (const i of region) alpha[i] = host ? host.alpha[i]! : 1;
  const trimmed = plans.map((p): LayerPlan => {
    const a = Float32Array.from(p.alpha);
    for (const i of region) a[i] = 0;
    return { ...p, alpha: a };
  });
  const plan: LayerPlan = { name, kind: 'object', alpha, fill: 'patch', confidence: 0.5, forced: true };
  const hostIndex = host ? plans.indexOf(host) : trimmed.length - 1;
  trimmed.splice(hostIndex + 1, 0, plan);
  return trimmed;
}

/** 4-connected region growing from `seed` over pixels within TOLERANCE of the region's running mean colour. */
export function growRegion(image: RgbaImage, seed: number, allowed: (i: number) => boolean): Set<number> {
  const { width: w, height: h, data } = image;
  const region = new Set<number>([seed]);
  const mean = [data[seed * 4]!, data[seed * 4 + 1]!, data[seed * 4 + 2]!];
  const queue = [seed];
  const limit = 0.6 * w * h;
  for (let q = 0; q < queue.length && region.size < limit; q++) {
    const p = queue[q]!;
    const x = p % w;
    const y = (p - x) / w;
    for (const n of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
      if (n < 0 || region.has(n) || !allowed(n) || data[n * 4 + 3] === 0) continue;
      const d = Math.hypot(data[n * 4]! - mean[0]!, data[n * 4 + 1]! - mean[1]!, data[n * 4 + 2]! - mean[2]!);
      if (d > TOLERANCE) continue;
      region.add(n);
      queue.push(n);
      const k = region.size;
      for (let c = 0; c < 3; c++) mean[c] = mean[c]! + (data[n * 4 + c]! - mean[c]!) / k;
    }
  }
  return region;
}

/** GrabCut-like foreground of a box: pixels whose colour is far from every colour seen on the box's border. */
export function boxForeground(image: RgbaImage, box: { x: number; y: number; width: number; height: number }): Set<number> {
  const { width: w, data } = image;
  const x0 = Math.floor(box.x);
  const y0 = Math.floor(box.y);
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width)) - 1;
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height)) - 1;
  const border: number[][] = [];
  const step = Math.max(1, Math.floor((x1 - x0 + y1 - y0) / 200));
  const sample = (x: number, y: number): void => {
    const o = (y * w + x) * 4;
    border.push([data[o]!, data[o + 1]!, data[o + 2]!]);
  };
  for (let x = x0; x <= x1; x += step) {
    sample(x, y0);
    sample(x, y1);
  }
  for (let y = y0; y <= y1; y += step) {
    sample(x0, y);
    sample(x1, y);
  }
  const region = new Set<number>();
  for (let y = y0 + 1; y < y1; y++) {
    for (let x = x0 + 1; x < x1; x++) {
      const o = (y * w + x) * 4;
      let nearest = Infinity;
      for (const b of border) {
        const d = Math.abs(data[o]! - b[0]!) + Math.abs(data[o + 1]! - b[1]!) + Math.abs(data[o + 2]! - b[2]!);
        if (d < nearest) nearest = d;
        if (nearest < 60) break;
      }
      if (nearest >= 60) region.add(y * w + x);
    }
  }
  if (region.size === 0) {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) region.add(y * w + x);
  }
  return region;
}
