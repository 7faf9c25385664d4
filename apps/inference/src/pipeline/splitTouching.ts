import { createImage, type RgbaImage } from '../image.js';
import { growLabels } from '../objects/labelComponents.js';
import { colourRegions } from './colourRegions.js';
import { convexHull, fillConvex } from './convexHull.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';

/** Neighbouring pixels closer than this (sum of channel differences) belong to the same flat region... */
const FLAT_TOLERANCE = 10;
/** ...and no pixel of a flat region is further than this from its seed colour. */
const FLAT_SPAN = 60;
/** Regions smaller than this share of the component are edges and specks: they go with the nearest larger region. */
const MIN_REGION_SHARE = 0.005;
/**
 * Two regions belong to one object when their shared border is at least this share of the smaller one's perimeter
 * (a face and its eyes, ears or hands); objects that merely touch share a short stretch of border.
 */
const JOIN_SHARE = 0.12;
/** Each of the two objects is at least this share of the component. */
const MIN_OBJECT_SHARE = 0.2;
/** Objects that merely touch: their shared border is at most this share of the smaller one's outer outline. */
const MAX_CONTACT_SHARE = 0.04;
/**
 * A stroke icon (one flat colour in strokes of even width) lying across or under another object: its width
 * (2 area / perimeter) is at most this share of its box's longer side (Lucide strokes are 1/12 of the icon).
 */
const MAX_STROKE_SHARE = 0.14;
/** ...and no pixel of it is further than this share of that width from its outline (joints reach about 0.7). */
const MAX_STROKE_DEPTH = 0.8;
/** ...and it fills at most this share of its convex hull. */
const MAX_STROKE_SOLIDITY = 0.6;
/** ...and at least this share of its outline borders the outside of the component... */
const MIN_STROKE_EXPOSED = 0.6;
/** ...and at most this share of the other object lies inside the icon's convex hull. */
const MAX_INSIDE_STROKE = 0.5;
/** Occlusion is read within this many pixels of where the two objects and the outside meet. */
const JUNCTION_RADIUS = 8;
/** The lower object is completed under the upper one at least this far (pixels)... */
const MIN_COMPLETE = 3;
/** ...and inside its convex hull at most this far (share of its box's longer side) from its outline. */
const COMPLETE_REACH = 0.08;

/**
 * Split a matted component made of two objects that touch or overlap (two emoji side by side, a stroke icon across an
 * emoji) into one plan per object, lower first. Flat-colour regions that share a long border (a face and its
 * features) form an object. Only when exactly two objects are large shares of the component, and they either merely
 * touch or one is a stroke icon, is the plan split; else it is returned unchanged. The upper object is the one whose
 * outline runs on through the points where both meet the outside (see occlusionVote); the lower one is completed a
 * little under it, in the colour of its pixels along the contact.
 */
export function splitTouching(plan: LayerPlan, image: RgbaImage, minArea: number): LayerPlan[] {
  // the work is done on the plan's box (with a margin of outside), then put back in the frame
  const box = planBounds(plan.alpha, image.width);
  if (!box) return [plan];
  const x0 = Math.max(0, box.x0 - 1);
  const y0 = Math.max(0, box.y0 - 1);
  const cw = Math.min(image.width - 1, box.x1 + 1) - x0 + 1;
  const ch = Math.min(image.height - 1, box.y1 + 1) - y0 + 1;
  const crop = createImage(cw, ch);
  const alpha = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    const from = (y0 + y) * image.width + x0;
    crop.data.set(image.data.subarray(from * 4, (from + cw) * 4), y * cw * 4);
    alpha.set(plan.alpha.subarray(from, from + cw), y * cw);
  }
  const parts = splitCrop({ ...plan, alpha }, crop, minArea);
  if (parts.length === 1) return [plan];
  const frame = <T extends Float32Array | Uint8Array>(local: T, out: T): T => {
    for (let y = 0; y < ch; y++) out.set(local.subarray(y * cw, (y + 1) * cw), (y0 + y) * image.width + x0);
    return out;
  };
  return parts.map((p) => {
    const placed: LayerPlan = { ...p, alpha: frame(p.alpha, new Float32Array(plan.alpha.length)) };
    if (p.hidden) placed.hidden = { mask: frame(p.hidden.mask, new Uint8Array(plan.alpha.length)), color: p.hidden.color };
    return placed;
  });
}

function splitCrop(plan: LayerPlan, image: RgbaImage, minArea: number): LayerPlan[] {
  const { width: w, height: h } = image;
  const core = new Uint8Array(w * h);
  let coreArea = 0;
  for (let i = 0; i < core.length; i++) {
    if (plan.alpha[i]! <= 0.5) continue;
    core[i] = 1;
    coreArea++;
  }
  if (coreArea < 2 * minArea) return [plan];
  const { region, count } = flatRegions(core, image, Math.max(16, MIN_REGION_SHARE * coreArea));
  if (count < 2) return [plan];
  const minObject = Math.max(minArea, MIN_OBJECT_SHARE * coreArea);
  const edges = borders(region, count, w, h);
  const stroke = strokeRegion(region, count, minObject, edges, w);
  const side = stroke ? strokeSides(region, count, stroke, image) : touchingSides(region, count, minObject, edges);
  if (!side) return [plan];
  // every other pixel of the plan goes with the nearest object
  const seeds = new Int32Array(w * h);
  const soft = new Uint8Array(w * h);
  for (let i = 0; i < seeds.length; i++) {
    seeds[i] = side[region[i]!]!;
    soft[i] = plan.alpha[i]! > 0 ? 1 : 0;
  }
  const owner = growLabels(seeds, soft, w, h);
  const objects: [Float32Array, Float32Array] = [new Float32Array(w * h), new Float32Array(w * h)];
  const areas = [0, 0];
  for (let i = 0; i < owner.length; i++) {
    // a speck of fringe the growth did not reach stays with the second object rather than leave the plan
    const k = (owner[i] || (soft[i] ? 2 : 0)) - 1;
    if (k < 0) continue;
    objects[k]![i] = plan.alpha[i]!;
    areas[k]! += plan.alpha[i]!;
  }
  if (Math.min(...areas) < minObject) return [plan];
  if (stroke) {
    // an icon drawn around the rest is that object's outline (a suitcase's rim, a tram's frame), not a second object
    const hull = hullOf(objects[0], w, h);
    let inside = 0;
    let rest = 0;
    for (let i = 0; i < hull.length; i++) {
      if (objects[1][i]! <= 0.5) continue;
      rest++;
      inside += hull[i]!;
    }
    if (inside > MAX_INSIDE_STROKE * rest) return [plan];
  } else {
    const { contact, outer } = contactOf(owner, core, w, h);
    if (contact > MAX_CONTACT_SHARE * Math.min(...outer)) return [plan];
  }
  const vote = occlusionVote(objects[0], objects[1], w, h);
  const upper = vote > 0 || (vote === 0 && areas[0]! < areas[1]!) ? 0 : 1;
  const lower = { ...plan, alpha: objects[1 - upper]!, name: `${plan.name} (lower)` };
  completeUnder(lower, objects[upper]!, image);
  return [lower, { ...plan, alpha: objects[upper]!, name: `${plan.name} (upper)` }];
}

/** Between objects 1 and 2 of `owner` within `core`: their shared border and each one's border with the outside (pixels). */
function contactOf(owner: Int32Array, core: Uint8Array, w: number, h: number): { contact: number; outer: [number, number] } {
  let contact = 0;
  const outer: [number, number] = [0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const k = core[p] ? owner[p]! : 0;
      if (!k) continue;
      const left = x > 0 && core[p - 1] ? owner[p - 1]! : 0;
      const right = x < w - 1 && core[p + 1] ? owner[p + 1]! : 0;
      const up = y > 0 && core[p - w] ? owner[p - w]! : 0;
      const down = y < h - 1 && core[p + w] ? owner[p + w]! : 0;
      if (k === 1 && (left === 2 || right === 2 || up === 2 || down === 2)) contact++;
      if (!left || !right || !up || !down) outer[k - 1]!++;
    }
  }
  return { contact, outer };
}

/**
 * A stroke icon in the component: the one large flat region drawn in thin strokes of even width, or 0 unless exactly
 * one large region is such a stroke.
 */
function strokeRegion(region: Int32Array, count: number, minObject: number, { perimeter, exposed }: Borders, w: number): number {
  const area = new Array<number>(count + 1).fill(0);
  const box = Array.from({ length: count + 1 }, () => ({ x0: Infinity, y0: Infinity, x1: -1, y1: -1 }));
  for (let i = 0; i < region.length; i++) {
    const r = region[i]!;
    if (!r) continue;
    area[r]!++;
    const x = i % w;
    const y = (i - x) / w;
    const b = box[r]!;
    b.x0 = Math.min(b.x0, x);
    b.x1 = Math.max(b.x1, x);
    b.y0 = Math.min(b.y0, y);
    b.y1 = Math.max(b.y1, y);
  }
  const strokes: number[] = [];
  for (let r = 1; r <= count; r++) {
    const b = box[r]!;
    const width = (2 * area[r]!) / perimeter[r]!;
    // an icon lies on the ground: most of its outline borders the outside (the frame of a tram emoji borders its parts)
    if (area[r]! < minObject || exposed[r]! < MIN_STROKE_EXPOSED * perimeter[r]! || width > MAX_STROKE_SHARE * Math.max(b.x1 - b.x0 + 1, b.y1 - b.y0 + 1)) continue;
    // even width: no pixel lies much deeper inside than half the mean width (a blob with holes is no stroke)
    if (maxDepth(region, r, b, w) > MAX_STROKE_DEPTH * width) continue;
    // strokes drawing a figure, not one bar (the handle of a toothbrush)
    const mask = new Float32Array(region.length);
    for (let i = 0; i < mask.length; i++) if (region[i] === r) mask[i] = 1;
    let hullArea = 0;
    for (const v of hullOf(mask, w, region.length / w)) hullArea += v;
    if (area[r]! <= MAX_STROKE_SOLIDITY * hullArea) strokes.push(r);
  }
  return strokes.length === 1 ? strokes[0]! : 0;
}

/**
 * The stroke icon `stroke` and the regions in its colour (its other strokes) are side 1, every other region side 2,
 * even where the icon cuts that object in pieces.
 */
function strokeSides(region: Int32Array, count: number, stroke: number, image: RgbaImage): Int32Array {
  const sum = new Float64Array((count + 1) * 3);
  const n = new Float64Array(count + 1);
  for (let i = 0; i < region.length; i++) {
    const r = region[i]!;
    if (!r) continue;
    n[r]!++;
    for (let c = 0; c < 3; c++) sum[r * 3 + c]! += image.data[i * 4 + c]!;
  }
  const distance = (r: number): number => [0, 1, 2].reduce((d, c) => d + Math.abs(sum[r * 3 + c]! / n[r]! - sum[stroke * 3 + c]! / n[stroke]!), 0);
  return Int32Array.from({ length: count + 1 }, (_, r) => (r === 0 ? 0 : distance(r) <= FLAT_SPAN ? 1 : 2));
}

/** The largest distance (chamfer, pixels) from a pixel of region `r` to the nearest pixel outside it. */
function maxDepth(region: Int32Array, r: number, box: { x0: number; y0: number; x1: number; y1: number }, w: number): number {
  const bw = box.x1 - box.x0 + 3;
  const bh = box.y1 - box.y0 + 3;
  // the box with a one-pixel margin of outside
  const d = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const inside = x > 0 && y > 0 && x < bw - 1 && y < bh - 1 && region[(box.y0 + y - 1) * w + box.x0 + x - 1] === r;
      d[y * bw + x] = inside ? Infinity : 0;
    }
  }
  const pass = (x: number, y: number, steps: readonly (readonly [number, number, number])[]): void => {
    const p = y * bw + x;
    for (const [dx, dy, cost] of steps) d[p] = Math.min(d[p]!, d[(y + dy) * bw + x + dx]! + cost);
  };
  const forward = [[-1, 0, 1], [0, -1, 1], [-1, -1, Math.SQRT2], [1, -1, Math.SQRT2]] as const;
  const backward = [[1, 0, 1], [0, 1, 1], [1, 1, Math.SQRT2], [-1, 1, Math.SQRT2]] as const;
  for (let y = 1; y < bh - 1; y++) for (let x = 1; x < bw - 1; x++) pass(x, y, forward);
  let depth = 0;
  for (let y = bh - 2; y >= 1; y--) {
    for (let x = bw - 2; x >= 1; x--) {
      pass(x, y, backward);
      depth = Math.max(depth, d[y * bw + x]!);
    }
  }
  return depth;
}

/**
 * Two objects side by side: regions sharing a long border join (a region only the neighbour it shares most border
 * with, so that a small one touching both objects, a spot of one beside the other, does not bridge them). Exactly two
 * groups must be large; they are sides 1 and 2, the small groups side 0.
 */
function touchingSides(region: Int32Array, count: number, minObject: number, { perimeter, shared }: Borders): Int32Array | undefined {
  const pairs = [...shared].map(([key, length]) => ({ a: Math.floor(key / (count + 1)), b: key % (count + 1), length }));
  const best = new Array<number>(count + 1).fill(0);
  const bestLength = new Array<number>(count + 1).fill(0);
  for (const { a, b, length } of pairs) {
    if (length > bestLength[a]!) [best[a], bestLength[a]] = [b, length];
    if (length > bestLength[b]!) [best[b], bestLength[b]] = [a, length];
  }
  const parent = Array.from({ length: count + 1 }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  for (const { a, b, length } of pairs) {
    if ((best[a] === b || best[b] === a) && length >= JOIN_SHARE * Math.min(perimeter[a]!, perimeter[b]!)) parent[find(a)] = find(b);
  }
  const groupArea = new Map<number, number>();
  for (let i = 0; i < region.length; i++) if (region[i]) groupArea.set(find(region[i]!), (groupArea.get(find(region[i]!)) ?? 0) + 1);
  const big = [...groupArea].filter(([, a]) => a >= minObject).map(([g]) => g);
  if (big.length !== 2) return undefined;
  return Int32Array.from({ length: count + 1 }, (_, r) => (r === 0 ? 0 : big.indexOf(find(r)) + 1));
}

/**
 * Where two objects and the outside meet, the upper object's outline runs straight on into the border between them,
 * while the lower one's ends there. Sums, over those junction pixels, how much more nearly opposite the directions to
 * `a`'s outline and to the shared border are than those to `b`'s outline and the shared border: positive when `a` is
 * the upper object.
 */
export function occlusionVote(a: Float32Array, b: Float32Array, w: number, h: number): number {
  const kind = new Uint8Array(w * h); // 1: a, 2: b (cores)
  for (let i = 0; i < kind.length; i++) kind[i] = a[i]! > 0.5 ? 1 : b[i]! > 0.5 ? 2 : 0;
  // border pixels: 1 a next to b, 2 a next to outside, 3 b next to outside
  const edge = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const p = y * w + x;
      const k = kind[p]!;
      if (!k) continue;
      const [left, right, up, down] = [kind[p - 1]!, kind[p + 1]!, kind[p - w]!, kind[p + w]!];
      if (k === 1 && (left === 2 || right === 2 || up === 2 || down === 2)) edge[p] = 1;
      else if (!left || !right || !up || !down) edge[p] = k === 1 ? 2 : 3;
    }
  }
  const r = JUNCTION_RADIUS;
  let vote = 0;
  for (let y = r; y < h - r; y++) {
    for (let x = r; x < w - r; x++) {
      const p = y * w + x;
      if (edge[p] !== 1 || ![edge[p - 1], edge[p + 1], edge[p - w], edge[p + w]].includes(2)) continue;
      // a junction: directions from here to the centroids of each kind of border nearby
      const sum = [0, 0, 0, 0, 0, 0];
      const n = [0, 0, 0];
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const e = edge[p + dy * w + dx]!;
          if (!e || dx * dx + dy * dy > r * r || dx * dx + dy * dy < 4) continue;
          sum[2 * (e - 1)]! += dx;
          sum[2 * (e - 1) + 1]! += dy;
          n[e - 1]!++;
        }
      }
      if (n.some((c) => c === 0)) continue;
      const dir = [0, 1, 2].map((k) => {
        const vx = sum[2 * k]! / n[k]!;
        const vy = sum[2 * k + 1]! / n[k]!;
        const len = Math.hypot(vx, vy) || 1;
        return [vx / len, vy / len] as const;
      });
      const cos = (u: readonly [number, number], v: readonly [number, number]): number => u[0] * v[0] + u[1] * v[1];
      vote += cos(dir[0]!, dir[2]!) - cos(dir[0]!, dir[1]!);
    }
  }
  return vote;
}

/** Flat-colour regions of the core; regions under `minSize` pixels are handed to the nearest larger one. */
function flatRegions(core: Uint8Array, image: RgbaImage, minSize: number): { region: Int32Array; count: number } {
  const { labels, regions } = colourRegions(image, FLAT_TOLERANCE, FLAT_SPAN, core);
  const index = new Int32Array(regions.length + 1);
  let count = 0;
  for (const r of regions) if (r.cells.length >= minSize) index[r.label] = ++count;
  const kept = labels.map((label) => index[label]!);
  return { region: growLabels(kept, core, image.width, image.height), count };
}

/**
 * Each region's perimeter (pixel edges), the part of it bordering the outside (`exposed`), and the border each pair of
 * regions shares (key a * (count + 1) + b, a < b).
 */
interface Borders {
  perimeter: number[];
  exposed: number[];
  shared: Map<number, number>;
}

function borders(region: Int32Array, labels: number, w: number, h: number): Borders {
  const perimeter = new Array<number>(labels + 1).fill(0);
  const exposed = new Array<number>(labels + 1).fill(0);
  const shared = new Map<number, number>();
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const a = region[y * w + x]!;
      for (let k = 0; k < 2; k++) {
        const b = k === 0 ? (x + 1 < w ? region[y * w + x + 1]! : 0) : y + 1 < h ? region[(y + 1) * w + x]! : 0;
        if (a === b) continue;
        perimeter[a]!++;
        perimeter[b]!++;
        if (!a || !b) exposed[a || b]!++;
        else {
          const key = Math.min(a, b) * (labels + 1) + Math.max(a, b);
          shared.set(key, (shared.get(key) ?? 0) + 1);
        }
      }
      if ((x === 0 || y === 0) && a) {
        perimeter[a]!++;
        exposed[a]!++;
      }
    }
  }
  return { perimeter, exposed, shared };
}

function hullOf(alpha: Float32Array, w: number, h: number): Uint8Array {
  const points: number[] = [];
  for (let y = 0; y < h; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (alpha[y * w + x]! <= 0.5) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first >= 0) points.push(first, y, last, y);
  }
  return fillConvex(convexHull(points), w, h);
}

/**
 * Complete `lower` under `upper`: breadth first from its pixels along the contact into the upper object's, MIN_COMPLETE
 * steps anywhere (the two overlap, as layers of a design do) and on to COMPLETE_REACH of its size inside its convex
 * hull, in the mean colour of those contact pixels. The completed part is recorded in `hidden`.
 */
function completeUnder(lower: LayerPlan, upper: Float32Array, image: RgbaImage): void {
  const { width: w, height: h, data } = image;
  const hull = hullOf(lower.alpha, w, h);
  // 1: upper pixel, 2: upper pixel inside the lower object's hull
  const covering = new Uint8Array(w * h);
  for (let i = 0; i < covering.length; i++) covering[i] = upper[i]! > 0.5 ? 1 + hull[i]! : 0;
  const box = planBounds(lower.alpha, w, 0.5);
  if (!box) return;
  const reach = Math.max(MIN_COMPLETE, Math.round(COMPLETE_REACH * Math.max(box.x1 - box.x0 + 1, box.y1 - box.y0 + 1)));
  const mask = new Uint8Array(w * h);
  const sum = [0, 0, 0];
  let n = 0;
  let frontier: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (lower.alpha[i]! <= 0.5) continue;
    const x = i % w;
    const touches = (x > 0 && covering[i - 1]) || (x < w - 1 && covering[i + 1]) || (i >= w && covering[i - w]) || (i + w < mask.length && covering[i + w]);
    if (!touches) continue;
    frontier.push(i);
    for (let c = 0; c < 3; c++) sum[c]! += data[i * 4 + c]!;
    n++;
  }
  if (n === 0) return;
  for (let step = 0; step < reach && frontier.length > 0; step++) {
    const next: number[] = [];
    const needed = step < MIN_COMPLETE ? 1 : 2;
    for (const p of frontier) {
      const x = p % w;
      const neighbours = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p >= w ? p - w : -1, p + w < mask.length ? p + w : -1];
      for (const q of neighbours) {
        if (q < 0 || covering[q]! < needed || mask[q]) continue;
        mask[q] = 1;
        next.push(q);
      }
    }
    frontier = next;
  }
  for (let i = 0; i < mask.length; i++) if (mask[i]) lower.alpha[i] = 1;
  lower.hidden = { mask, color: sum.map((v) => Math.round(v / n)) as [number, number, number] };
}
