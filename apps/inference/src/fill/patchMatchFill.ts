import { checkpoint } from '../errors.js';
import type { RgbaImage } from '../image.js';
import type { Filler } from './Filler.js';
import { cropMask, cropRgb, holeBounds, pasteRgb } from './holeBounds.js';
import { lcg } from './lcg.js';
import { pushPull } from './pushPull.js';

interface Level {
  w: number;
  h: number;
  rgb: Float32Array;
  hole: Uint8Array;
}

const COARSEST = 48;
/** Above this many hole pixels a level gets one cheap pass (propagation only, centre-pixel voting). */
const LARGE_HOLE = 12_000;

/**
 * Texture-preserving fill: multi-scale PatchMatch (Barnes et al. 2009) with patch voting (Wexler et al. 2007),
 * coarse to fine over the hole's neighbourhood, seeded by a push-pull diffusion fill at the coarsest level.
 */
export const patchMatchFill: Filler = async (image, hole, signal) => {
  const out: RgbaImage = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const tight = holeBounds(hole, image.width, image.height, 0);
  if (!tight) return out;
  const margin = Math.max(16, 0.6 * Math.max(tight.width, tight.height));
  const box = holeBounds(hole, image.width, image.height, margin)!;
  const levels: Level[] = [
    { w: box.width, h: box.height, rgb: cropRgb(image.data, image.width, box), hole: cropMask(hole, image.width, box) },
  ];
  while (Math.max(levels.at(-1)!.w, levels.at(-1)!.h) > COARSEST) levels.push(downsample(levels.at(-1)!));

  const coarsest = levels.at(-1)!;
  const random = lcg(12345);
  let nnf: Int32Array | undefined = onionPeel(coarsest, random);
  for (let l = levels.length - 1; l >= 0; l--) {
    await checkpoint(signal);
    const level = levels[l]!;
    if (l < levels.length - 1) upsampleInto(levels[l + 1]!, level);
    const coarsestLevel = l === levels.length - 1;
    nnf = matchLevel(level, coarsestLevel ? nnf : upsampleNnf(nnf!, levels[l + 1]!, level), random, coarsestLevel);
  }
  const finest = levels[0]!;
  pasteRgb(out.data, image.width, box, finest.rgb, finest.hole);
  return out;
};

function downsample(level: Level): Level {
  const w = Math.ceil(level.w / 2);
  const h = Math.ceil(level.h / 2);
  const rgb = new Float32Array(w * h * 3);
  const hole = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let n = 0;
      let isHole = 0;
      const acc = [0, 0, 0];
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const sx = 2 * x + dx;
          const sy = 2 * y + dy;
          if (sx >= level.w || sy >= level.h) continue;
          const s = sy * level.w + sx;
          if (level.hole[s]) isHole = 1;
          else {
            n++;
            for (let k = 0; k < 3; k++) acc[k]! += level.rgb[s * 3 + k]!;
          }
        }
      }
      const d = y * w + x;
      hole[d] = isHole;
      if (n > 0) for (let k = 0; k < 3; k++) rgb[d * 3 + k] = acc[k]! / n;
    }
  }
  return { w, h, rgb, hole };
}

function upsampleInto(coarse: Level, fine: Level): void {
  for (let y = 0; y < fine.h; y++) {
    for (let x = 0; x < fine.w; x++) {
      const i = y * fine.w + x;
      if (!fine.hole[i]) continue;
      const c = Math.min(coarse.h - 1, y >> 1) * coarse.w + Math.min(coarse.w - 1, x >> 1);
      for (let k = 0; k < 3; k++) fine.rgb[i * 3 + k] = coarse.rgb[c * 3 + k]!;
    }
  }
}

function upsampleNnf(nnf: Int32Array, coarse: Level, fine: Level): Int32Array {
  const out = new Int32Array(fine.w * fine.h).fill(-1);
  for (let y = 0; y < fine.h; y++) {
    for (let x = 0; x < fine.w; x++) {
      const c = Math.min(coarse.h - 1, y >> 1) * coarse.w + Math.min(coarse.w - 1, x >> 1);
      const s = nnf[c]!;
      if (s < 0) continue;
      const sx = Math.min(fine.w - 1, (s % coarse.w) * 2 + (x & 1));
      const sy = Math.min(fine.h - 1, Math.floor(s / coarse.w) * 2 + (y & 1));
      out[y * fine.w + x] = sy * fine.w + sx;
    }
  }
  return out;
}

/**
 * Initial fill of the coarsest level by greedy synthesis from the hole's border inward: each pixel takes the centre
 * of the source patch that best matches its already-known neighbours (candidates: shifted matches of filled
 * neighbours plus random sources). Returns the field it used, or undefined when no source patch exists.
 */
function onionPeel(level: Level, random: () => number): Int32Array | undefined {
  const { w, h, rgb, hole } = level;
  const r = 2;
  const sources: number[] = [];
  for (let y = r; y < h - r; y++) {
    for (let x = r; x < w - r; x++) {
      let clean = true;
      for (let dy = -r; dy <= r && clean; dy++) for (let dx = -r; dx <= r; dx++) if (hole[(y + dy) * w + x + dx]) clean = false;
      if (clean) sources.push(y * w + x);
    }
  }
  if (sources.length === 0) {
    pushPull(rgb, hole.map((v) => (v ? 0 : 1)), w, h, 3);
    return undefined;
  }
  const isSource = new Uint8Array(w * h);
  for (const s of sources) isSource[s] = 1;
  const filled = hole.map((v) => (v ? 0 : 1));
  const nnf = new Int32Array(w * h).fill(-1);
  let frontier: number[] = [];
  const queued = new Uint8Array(w * h);
  const neighbours = (p: number): number[] => {
    const x = p % w;
    const y = (p - x) / w;
    const out: number[] = [];
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if ((dx || dy) && nx >= 0 && nx < w && ny >= 0 && ny < h) out.push(ny * w + nx);
      }
    }
    return out;
  };
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] && neighbours(p).some((q) => !hole[q])) {
      frontier.push(p);
      queued[p] = 1;
    }
  }
  const dist = (p: number, s: number): number => {
    const px = p % w;
    const py = (p - px) / w;
    const sx = s % w;
    const sy = (s - sx) / w;
    let d = 0;
    let n = 0;
    for (let dy = -r; dy <= r; dy++) {
      const y = py + dy;
      if (y < 0 || y >= h) continue;
      for (let dx = -r; dx <= r; dx++) {
        const x = px + dx;
        if (x < 0 || x >= w || !filled[y * w + x]) continue;
        const a = (y * w + x) * 3;
        const b = ((sy + dy) * w + sx + dx) * 3;
        for (let c = 0; c < 3; c++) d += (rgb[a + c]! - rgb[b + c]!) ** 2;
        n++;
      }
    }
    return n > 0 ? d / n : Infinity;
  };
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const p of frontier) {
      let best = -1;
      let bestD = Infinity;
      const consider = (s: number): void => {
        if (s < 0 || s >= w * h || !isSource[s]) return;
        const d = dist(p, s);
        if (d < bestD) {
          bestD = d;
          best = s;
        }
      };
      const px = p % w;
      const py = (p - px) / w;
      for (const q of neighbours(p)) {
        if (!hole[q] || !filled[q] || nnf[q]! < 0) continue;
        const qx = q % w;
        const qy = (q - qx) / w;
        consider(nnf[q]! + (py - qy) * w + (px - qx));
      }
      for (let k = 0; k < 48; k++) consider(sources[Math.floor(random() * sources.length)]!);
      if (best < 0) best = sources[0]!;
      nnf[p] = best;
      for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rgb[best * 3 + c]!;
      filled[p] = 1;
      for (const q of neighbours(p)) {
        if (hole[q] && !queued[q]) {
          queued[q] = 1;
          next.push(q);
        }
      }
    }
    frontier = next;
  }
  return nnf;
}

/** One PatchMatch + voting pass over a level; returns the nearest-neighbour field (source index per hole pixel). */
function matchLevel(
  level: Level,
  init: Int32Array | undefined,
  random: () => number,
  coarsest: boolean,
): Int32Array {
  const { w, h, rgb, hole } = level;
  let holeCount = 0;
  for (let i = 0; i < hole.length; i++) holeCount += hole[i]!;
  const large = holeCount > LARGE_HOLE;
  const r = large ? 2 : 3;
  // a source centre is valid when its whole patch is known and inside the crop
  const valid = new Uint8Array(w * h);
  const sources: number[] = [];
  const holeRows = new Int32Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      holeRows[(y + 1) * (w + 1) + x + 1] =
        hole[y * w + x]! + holeRows[y * (w + 1) + x + 1]! + holeRows[(y + 1) * (w + 1) + x]! - holeRows[y * (w + 1) + x]!;
    }
  }
  for (let y = r; y < h - r; y++) {
    for (let x = r; x < w - r; x++) {
      const sum =
        holeRows[(y + r + 1) * (w + 1) + x + r + 1]! -
        holeRows[(y - r) * (w + 1) + x + r + 1]! -
        holeRows[(y + r + 1) * (w + 1) + x - r]! +
        holeRows[(y - r) * (w + 1) + x - r]!;
      if (sum === 0) {
        valid[y * w + x] = 1;
        sources.push(y * w + x);
      }
    }
  }
  const nnf = new Int32Array(w * h).fill(-1);
  if (sources.length === 0) {
    const known = hole.map((v) => (v ? 0 : 1));
    pushPull(rgb, known, w, h, 3);
    return nnf;
  }
  const holes: number[] = [];
  for (let i = 0; i < hole.length; i++) {
    if (!hole[i]) continue;
    holes.push(i);
    const s = init?.[i] ?? -1;
    nnf[i] = s >= 0 && valid[s] ? s : sources[Math.floor(random() * sources.length)]!;
  }
  const cost = new Float64Array(w * h);
  const side = 2 * r + 1;
  const squaredDistance = (a: number, b: number): number => {
    const d0 = rgb[a]! - rgb[b]!;
    const d1 = rgb[a + 1]! - rgb[b + 1]!;
    const d2 = rgb[a + 2]! - rgb[b + 2]!;
    return d0 * d0 + d1 * d1 + d2 * d2;
  };
  const dist = (p: number, s: number, limit: number): number => {
    const px = p % w;
    const py = (p - px) / w;
    const sx = s % w;
    const sy = (s - sx) / w;
    let d = 0;
    if (px >= r && py >= r && px + r < w && py + r < h) {
      // the whole patch lies inside the crop: the same sums without the bounds checks
      for (let dy = -r; dy <= r; dy++) {
        let a = ((py + dy) * w + px - r) * 3;
        let b = ((sy + dy) * w + sx - r) * 3;
        for (let k = 0; k < side; k++, a += 3, b += 3) d += squaredDistance(a, b);
        if (d >= limit) return d;
      }
      return d;
    }
    for (let dy = -r; dy <= r; dy++) {
      const y = py + dy;
      if (y < 0 || y >= h) continue;
      for (let dx = -r; dx <= r; dx++) {
        const x = px + dx;
        if (x < 0 || x >= w) continue;
        d += squaredDistance((y * w + x) * 3, ((sy + dy) * w + sx + dx) * 3);
      }
      if (d >= limit) return d;
    }
    return d;
  };
  // one candidate source s for hole pixel p: kept when its patch is closer
  const tryCandidate = (p: number, s: number): void => {
    if (s < 0 || s >= w * h || !valid[s]) return;
    const d = dist(p, s, cost[p]!);
    if (d < cost[p]!) {
      cost[p] = d;
      nnf[p] = s;
    }
  };
  // the coarsest level searches globally; finer levels refine the upsampled field locally
  const iterations = large ? 1 : coarsest ? 5 : 2;
  const searchRadius = coarsest ? Math.max(w, h) : 8;
  for (const p of holes) cost[p] = dist(p, nnf[p]!, Infinity);
  for (let it = 0; it < iterations; it++) {
    const forward = it % 2 === 0;
    const step = forward ? 1 : -1;
    for (let k = 0; k < holes.length; k++) {
      const p = holes[forward ? k : holes.length - 1 - k]!;
      const px = p % w;
      // propagation from the already-visited neighbours
      const left = px - step;
      if (left >= 0 && left < w && hole[p - step]) {
        const s = nnf[p - step]!;
        const sx = (s % w) + step;
        if (sx >= 0 && sx < w) tryCandidate(p, s + step);
      }
      const up = p - step * w;
      if (up >= 0 && up < w * h && hole[up]) tryCandidate(p, nnf[up]! + step * w);
      if (large) continue;
      // random search around the current best
      let radius = searchRadius;
      while (radius >= 1) {
        const best = nnf[p]!;
        const bx = best % w;
        const by = (best - bx) / w;
        const x = Math.round(bx + (random() * 2 - 1) * radius);
        const y = Math.round(by + (random() * 2 - 1) * radius);
        if (x >= 0 && x < w && y >= 0 && y < h) tryCandidate(p, y * w + x);
        radius >>= 1;
      }
    }
    // patch voting at the coarsest level; finer levels copy each pixel from its match, which keeps texture sharp
    vote(level, nnf, holes, coarsest ? r : 0);
    if (it + 1 < iterations) for (const p of holes) cost[p] = dist(p, nnf[p]!, Infinity);
  }
  return nnf;
}

/** Each hole pixel becomes the mean of what the patches covering it propose for it. */
function vote(level: Level, nnf: Int32Array, holes: number[], r: number): void {
  const { w, h, rgb, hole } = level;
  const next = new Float32Array(holes.length * 3);
  holes.forEach((p, k) => {
    const px = p % w;
    const py = (p - px) / w;
    let n = 0;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let dy = -r; dy <= r; dy++) {
      const qy = py + dy;
      if (qy < 0 || qy >= h) continue;
      for (let dx = -r; dx <= r; dx++) {
        const qx = px + dx;
        if (qx < 0 || qx >= w) continue;
        const q = qy * w + qx;
        if (!hole[q]) continue;
        const s = nnf[q]!;
        const sx = (s % w) - dx;
        const sy = Math.floor(s / w) - dy;
        if (sx < 0 || sx >= w || sy < 0 || sy >= h) continue;
        const b = (sy * w + sx) * 3;
        a0 += rgb[b]!;
        a1 += rgb[b + 1]!;
        a2 += rgb[b + 2]!;
        n++;
      }
    }
    if (n > 0) {
      next[k * 3] = a0 / n;
      next[k * 3 + 1] = a1 / n;
      next[k * 3 + 2] = a2 / n;
    } else {
      next[k * 3] = rgb[p * 3]!;
      next[k * 3 + 1] = rgb[p * 3 + 1]!;
      next[k * 3 + 2] = rgb[p * 3 + 2]!;
    }
  });
  holes.forEach((p, k) => {
    rgb[p * 3] = next[k * 3]!;
    rgb[p * 3 + 1] = next[k * 3 + 1]!;
    rgb[p * 3 + 2] = next[k * 3 + 2]!;
  });
}
