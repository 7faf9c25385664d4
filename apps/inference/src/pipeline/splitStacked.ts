import type { RgbaImage } from '../image.js';
import { growLabels, labelComponents } from '../objects/labelComponents.js';
import { convexHull, fillConvex } from './convexHull.js';
import { fitShape } from './fitShape.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';

/** Neighbouring pixels closer than this (RGB distance) belong to the same flat region. */
const FLAT_TOLERANCE = 10;
/** ...and no pixel of a flat region is further than this (sum of channel differences) from its seed colour. */
const FLAT_SPAN = 60;
/** What lies on a lower shape covers at least this share of its hull (a card's stripe beside its face does not). */
const MIN_COVERING = 0.08;
/** A part on the lower shape is a layer of its own when at least this share of it sticks out of the shape. */
const MIN_STICKING_OUT = 0.2;
/** A part wholly on the shape is a layer of its own when at most this share of it lies outside the shape's core, */
const MAX_PLACED_OUTSIDE = 0.01;
/** ...at least this share of it is unlike the shape's colour, ... */
const MIN_PLACED_OWN = 0.05;
/** ...whose mean colour is at least this far (sum of channel differences) from the shape's... */
const MIN_PLACED_CONTRAST = 100;
/** ...and at least this share of it lies within FLAT_SPAN of its mean colour. */
const MIN_PLACED_FLAT = 0.7;
/** A fitted shape filling at least this share of its bounding box is a rectangle or rounded rectangle. */
const MIN_BOX_FILL = 0.9;
/** Width of the component's rim (pixels). */
const RIM = 3;

/**
 * Split a matted component that is a flat shape with something stacked on it (a card under an emoji, an ellipse under
 * an icon): its largest flat-colour region R becomes the lower layer, completed under the occluder to the design
 * primitive it fits (rectangle, rounded rectangle or ellipse, see fitShape; R's hidden part is recorded in `hidden`
 * with R's colour); the rest becomes the upper layer. Only when R is large, its outer outline mostly borders the
 * outside of the component, and the rest both sticks out of the completed shape and covers part of it, or is (partly)
 * an object placed on a rectangle (see holdsPlaced); an emoji's face with eyes inside it, or a part of an emoji that is
 * no primitive, is not split. When nothing covers R, R lies on top of the rest, and the largest flat region beneath is
 * completed under R if it fits a primitive. Returns the plans in order (lower first), or the plan unchanged.
 */
export function splitStacked(plan: LayerPlan, image: RgbaImage, minArea: number, claimed?: Float32Array): LayerPlan[] {
  const { width: w, height: h, data } = image;
  const core = new Uint8Array(w * h);
  let coreArea = 0;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < core.length; i++) {
    if (plan.alpha[i]! <= 0.5) continue;
    core[i] = 1;
    coreArea++;
    const x = i % w;
    const y = (i - x) / w;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (coreArea < 2 * minArea) return [plan];
  // flat regions: flood fill over core pixels whose colour steps stay within the tolerance
  const region = new Int32Array(w * h);
  let best = 0;
  let bestSize = 0;
  let label = 0;
  const sizes: number[] = [0];
  const stack: number[] = [];
  const close = (p: number, q: number): boolean =>
    Math.abs(data[p * 4]! - data[q * 4]!) + Math.abs(data[p * 4 + 1]! - data[q * 4 + 1]!) + Math.abs(data[p * 4 + 2]! - data[q * 4 + 2]!) <=
    FLAT_TOLERANCE;
  const near = (p: number, q: number): boolean =>
    Math.abs(data[p * 4]! - data[q * 4]!) + Math.abs(data[p * 4 + 1]! - data[q * 4 + 1]!) + Math.abs(data[p * 4 + 2]! - data[q * 4 + 2]!) <=
    FLAT_SPAN;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const s = y * w + x;
      if (!core[s] || region[s]) continue;
      label++;
      let size = 0;
      const seed = s;
      region[s] = label;
      stack.push(s);
      while (stack.length > 0) {
        const p = stack.pop()!;
        size++;
        const px = p % w;
        for (const q of [px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, p - w, p + w]) {
          if (q < 0 || q >= w * h || !core[q] || region[q] || !close(p, q) || !near(seed, q)) continue;
          region[q] = label;
          stack.push(q);
        }
      }
      sizes.push(size);
      if (size > bestSize) {
        bestSize = size;
        best = label;
      }
    }
  }
  if (bestSize < Math.max(minArea, 0.15 * coreArea) || bestSize > 0.9 * coreArea) return [plan];
  // the component's rim: anti-aliased edge pixels that the matte counts as core but the flat region leaves out
  const inner = erode(core, x0, y0, x1, y1, w, RIM);
  const { boundary, exposed, outline, hullPoints, box, color } = describeRegion(region, best, inner, data, { x0, y0, x1, y1 }, w, h);
  if (exposed < 0.5 * boundary) return [plan];
  // the lower shape must be a design primitive (a part of an emoji is not), completed under what covers it
  const shape = new Uint8Array(w * h);
  const covered = new Uint8Array(w * h);
  for (let i = 0; i < core.length; i++) {
    shape[i] = region[i] === best ? 1 : 0;
    covered[i] = plan.alpha[i]! > 0.05 || (claimed !== undefined && claimed[i]! > 0.5) ? 1 : 0;
  }
  const fitted = fitShape({ width: w, height: h, region: shape, covered, box, outline });
  const hull = fitted ?? fillConvex(convexHull(hullPoints), w, h);
  let upperArea = 0;
  let upperOutside = 0;
  for (let i = 0; i < core.length; i++) {
    if (!core[i] || region[i] === best) continue;
    upperArea++;
    if (!hull[i]) upperOutside++;
  }
  if (upperArea < minArea) return [plan];
  if (upperOutside < 0.3 * upperArea && !(fitted && holdsPlaced(plan.alpha, core, region, best, fitted, color, image, minArea))) return [plan];
  if (upperArea - upperOutside <= 0.01 * upperArea) {
    // nothing covers the flat shape: it lies on top of the rest (a label over a picture)
    const top = new Float32Array(w * h);
    const rest = new Float32Array(w * h);
    for (let i = 0; i < core.length; i++) {
      const a = plan.alpha[i]!;
      if (a <= 0) continue;
      if (region[i] === best || (!core[i] && nearRegion(region, best, i, w, h))) top[i] = a;
      else rest[i] = a;
    }
    const under: LayerPlan = { ...plan, alpha: rest, name: `${plan.name} (under)` };
    // the largest flat region beneath may be a shape of its own, completed under this one
    let second = 0;
    for (let l = 1; l < sizes.length; l++) if (l !== best && sizes[l]! > (sizes[second] ?? 0)) second = l;
    if (second > 0 && sizes[second]! >= minArea) completeUnder(under, region, second, shape, covered, inner, data, { x0, y0, x1, y1 }, w, h);
    return [under, { ...plan, alpha: top, name: `${plan.name} (shape)` }];
  }
  if (!fitted || upperArea - upperOutside < MIN_COVERING * upperArea) return [plan];
  const lower = new Float32Array(w * h);
  const upper = new Float32Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < core.length; i++) {
    const a = plan.alpha[i]!;
    if (a <= 0) continue;
    if (region[i] === best) lower[i] = a;
    else if (core[i]) {
      upper[i] = a;
      if (hull[i]) {
        lower[i] = 1; // hidden part of the lower shape, completed under the occluder
        mask[i] = 1;
      }
    } else if (hull[i] || nearRegion(region, best, i, w, h)) lower[i] = a;
    else upper[i] = a;
  }
  return [
    { ...plan, alpha: lower, name: `${plan.name} (base)`, hidden: { mask, color } },
    { ...plan, alpha: upper, name: `${plan.name} (top)` },
  ];
}

/**
 * Whether the rectangle (or rounded rectangle) `shape` has a part of the component lying wholly on it in a flat colour
 * of its own (a letter tile placed on a card, see placedOn): such a part is a layer of its own even though nothing
 * sticks out of the shape. An ellipse does not count: it is most often an emoji's face, and its eyes are no layers.
 */
function holdsPlaced(
  alpha: Float32Array,
  core: Uint8Array,
  region: Int32Array,
  label: number,
  shape: Uint8Array,
  color: readonly number[],
  image: RgbaImage,
  minArea: number,
): boolean {
  const { width: w, height: h } = image;
  const box = planBounds(shape, w);
  if (!box) return false;
  let area = 0;
  for (const v of shape) area += v;
  if (area < MIN_BOX_FILL * (box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1)) return false;
  const upper = new Uint8Array(w * h);
  for (let i = 0; i < upper.length; i++) upper[i] = core[i] && region[i] !== label ? 1 : 0;
  const { labels, count, sizes } = labelComponents(upper, w, h);
  for (let part = 1; part <= count; part++) {
    if (sizes[part]! < minArea) continue;
    const partAlpha = new Float32Array(w * h);
    for (let i = 0; i < partAlpha.length; i++) if (labels[i] === part) partAlpha[i] = alpha[i]!;
    if (placedOn(partAlpha, shape, color, image)) return true;
  }
  return false;
}

function nearRegion(region: Int32Array, label: number, i: number, w: number, h: number): boolean {
  const x = i % w;
  const y = (i - x) / w;
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && nx < w && ny >= 0 && ny < h && region[ny * w + nx] === label) return true;
    }
  }
  return false;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A flat region's outline: its outer boundary pixels (holes in it, such as an icon drawn inside a shape or texture
 * specks, do not count), those of them bordering the outside of the component (`exposed`, also listed in
 * `outline`), its row extents for a hull, its bounding box and mean colour.
 */
function describeRegion(
  region: Int32Array,
  label: number,
  inner: Uint8Array,
  data: Uint8ClampedArray,
  { x0, y0, x1, y1 }: Box,
  w: number,
  h: number,
): { boundary: number; exposed: number; outline: number[]; hullPoints: number[]; box: Box; color: [number, number, number] } {
  const exterior = exteriorOf(region, label, x0, y0, x1, y1, w, h);
  let boundary = 0;
  let exposed = 0;
  const outline: number[] = [];
  const hullPoints: number[] = [];
  const box = { x0: w, y0: h, x1: -1, y1: -1 };
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    let first = -1;
    let last = -1;
    for (let x = x0; x <= x1; x++) {
      const p = y * w + x;
      if (region[p] !== label) continue;
      if (first < 0) first = x;
      last = x;
      n++;
      for (let c = 0; c < 3; c++) sum[c]! += data[p * 4 + c]!;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
      const neighbours = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      if (!neighbours.some((q) => q < 0 || exterior[q])) continue;
      boundary++;
      if (neighbours.some((q) => q < 0 || (exterior[q] && !inner[q]))) {
        exposed++;
        outline.push(x, y);
      }
    }
    if (first >= 0) hullPoints.push(first, y, last, y);
  }
  const color = sum.map((v) => Math.round(v / Math.max(1, n))) as [number, number, number];
  return { boundary, exposed, outline, hullPoints, box, color };
}

/**
 * Complete flat region `label` of `under` (a shape with `top` lying on it) to the primitive it fits, under `top`:
 * `under` then overlaps `top` as the design does, and its hidden part is filled with its colour.
 */
function completeUnder(
  under: LayerPlan,
  region: Int32Array,
  label: number,
  top: Uint8Array,
  covered: Uint8Array,
  inner: Uint8Array,
  data: Uint8ClampedArray,
  bounds: Box,
  w: number,
  h: number,
): void {
  const { boundary, exposed, outline, box, color } = describeRegion(region, label, inner, data, bounds, w, h);
  if (exposed < 0.5 * boundary) return;
  const shape = new Uint8Array(w * h);
  for (let i = 0; i < shape.length; i++) shape[i] = region[i] === label ? 1 : 0;
  const fitted = fitShape({ width: w, height: h, region: shape, covered, box, outline });
  if (!fitted) return;
  const mask = new Uint8Array(w * h);
  let hidden = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!fitted[i] || !top[i]) continue;
    mask[i] = 1;
    under.alpha[i] = 1;
    hidden++;
  }
  if (hidden > 0) under.hidden = { mask, color };
}

/** Pixels of the box (x0..x1, y0..y1) reachable from outside it without crossing region `label`. */
function exteriorOf(region: Int32Array, label: number, x0: number, y0: number, x1: number, y1: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const stack: number[] = [];
  const visit = (x: number, y: number): void => {
    const p = y * w + x;
    if (out[p] || region[p] === label) return;
    out[p] = 1;
    stack.push(p);
  };
  for (let x = x0; x <= x1; x++) {
    visit(x, y0);
    visit(x, y1);
  }
  for (let y = y0; y <= y1; y++) {
    visit(x0, y);
    visit(x1, y);
  }
  while (stack.length > 0) {
    const p = stack.pop()!;
    const x = p % w;
    const y = (p - x) / w;
    if (x > x0) visit(x - 1, y);
    if (x < x1) visit(x + 1, y);
    if (y > y0) visit(x, y - 1);
    if (y < y1) visit(x, y + 1);
  }
  // outside the box is exterior too, but callers only look one pixel beyond it
  for (let y = Math.max(0, y0 - 1); y <= Math.min(h - 1, y1 + 1); y++) {
    for (let x = Math.max(0, x0 - 1); x <= Math.min(w - 1, x1 + 1); x++) {
      if (x < x0 || x > x1 || y < y0 || y > y1) out[y * w + x] = 1;
    }
  }
  return out;
}

/**
 * Split a component again and again: the flat shape beneath (see splitStacked) is completed, and what lies on it is
 * cut into its connected parts, each of which may be a stack of its own, down to `depth` levels. Lower plans first.
 */
export function separateStacked(
  plan: LayerPlan,
  image: RgbaImage,
  minArea: number,
  claimed?: Float32Array,
  depth = 3,
): LayerPlan[] {
  const parts = splitStacked(plan, image, minArea, claimed);
  if (parts.length === 1 || depth <= 1) return parts;
  const [lower, upper] = parts as [LayerPlan, LayerPlan];
  if (!lower.hidden) return parts;
  // parts lying (nearly) wholly on the lower shape stay in it (a moon's dark side overhanging its lit side's circle),
  // unless one lies wholly inside the shape in a flat colour of its own (an icon placed on an ellipse); so do specks
  // inside it too small to be a part (texture seen through a translucent shape)
  const pieces: LayerPlan[] = [];
  const base = { ...lower, alpha: new Float32Array(lower.alpha.length) };
  for (let i = 0; i < base.alpha.length; i++) base.alpha[i] = Math.max(lower.alpha[i]!, upper.alpha[i]!);
  const placed = new Set<LayerPlan>();
  const lift = (piece: LayerPlan): void => {
    pieces.push(piece);
    for (let i = 0; i < piece.alpha.length; i++) if (piece.alpha[i]! > 0) base.alpha[i] = lower.alpha[i]!;
  };
  const upperParts = connectedParts(upper, image.width, image.height, minArea);
  const inPart = new Uint8Array(upper.alpha.length);
  for (const part of upperParts) for (let i = 0; i < inPart.length; i++) if (part.alpha[i]! > 0) inPart[i] = 1;
  for (const piece of upperParts) {
    if (shareOutside(piece.alpha, lower.alpha, image.width, image.height) >= MIN_STICKING_OUT) {
      lift(piece);
      continue;
    }
    const shapeColoured = placedOn(piece.alpha, lower.alpha, lower.hidden.color, image);
    if (!shapeColoured) continue;
    // what the part encloses in the shape's colour is the shape's
    shapeColoured.forEach((v, i) => {
      if (v) piece.alpha[i] = 0;
    });
    // text read inside the part (a letter on a tile) is on the part: the part is whole beneath it
    if (claimed) closeClaimedHoles(piece.alpha, claimed, image.width, image.height);
    // the fill beneath the part draws from the shape all around it: the shape's texture, or its tint over the
    // background's, rather than its mean colour
    piece.alpha.forEach((v, i) => {
      if (v > 0 || shapeColoured[i]) lower.hidden!.mask[i] = 0;
    });
    lift(piece);
    placed.add(piece);
  }
  if (pieces.length === 0) return [plan];
  if (upperParts.length === 1 && pieces.length === 1 && !placed.has(pieces[0]!)) {
    // specks outside the shape go with the only part, lifted as it sticks out of it
    upper.alpha.forEach((v, i) => {
      if (v <= 0 || inPart[i] || lower.alpha[i]! > 0.5) return;
      pieces[0]!.alpha[i] = v;
      base.alpha[i] = lower.alpha[i]!;
    });
  }
  // a part placed on the shape is one thing (a letter tile), not a stack of its own
  return [base, ...pieces.flatMap((p) => (placed.has(p) ? [p] : separateStacked(p, image, minArea, claimed, depth - 1)))];
}

/** Sets to 1 the pixels of `alpha` that are claimed by text and enclosed by its core (not reachable from its box's edge). */
function closeClaimedHoles(alpha: Float32Array, claimed: Float32Array, w: number, h: number): void {
  const box = planBounds(alpha, w, 0.5);
  if (!box) return;
  const region = new Int32Array(w * h);
  for (let i = 0; i < alpha.length; i++) region[i] = alpha[i]! > 0.5 ? 1 : 0;
  const outside = exteriorOf(region, 1, box.x0, box.y0, box.x1, box.y1, w, h);
  for (let y = box.y0; y <= box.y1; y++) {
    for (let i = y * w + box.x0; i <= y * w + box.x1; i++) if (!region[i] && !outside[i] && claimed[i]! > 0.5) alpha[i] = 1;
  }
}

/**
 * Whether `alpha`'s core lies wholly inside `shape`'s core and its pixels unlike the shape's `color` (what is enclosed
 * by the part in the shape's colour does not count) are in one flat colour: an object placed on the shape (a stroke
 * icon on an ellipse) rather than a feature of it. Returns the part's pixels in the shape's colour, or undefined.
 */
function placedOn(alpha: Float32Array, shape: ArrayLike<number>, color: readonly number[], image: RgbaImage): Uint8Array | undefined {
  const { data } = image;
  const distance = (i: number, c: readonly number[]): number =>
    Math.abs(data[i * 4]! - c[0]!) + Math.abs(data[i * 4 + 1]! - c[1]!) + Math.abs(data[i * 4 + 2]! - c[2]!);
  const own = new Uint8Array(alpha.length);
  const sum = [0, 0, 0];
  let n = 0;
  let outside = 0;
  let count = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.5) continue;
    n++;
    if (shape[i]! <= 0.5) outside++;
    if (distance(i, color) <= FLAT_SPAN) continue;
    own[i] = 1;
    count++;
    for (let c = 0; c < 3; c++) sum[c]! += data[i * 4 + c]!;
  }
  if (n === 0 || outside > MAX_PLACED_OUTSIDE * n || count < MIN_PLACED_OWN * n) return undefined;
  const mean = sum.map((v) => v / count);
  if (mean.reduce((d, v, c) => d + Math.abs(v - color[c]!), 0) < MIN_PLACED_CONTRAST) return undefined;
  let flat = 0;
  for (let i = 0; i < alpha.length; i++) if (own[i] && distance(i, mean) <= FLAT_SPAN) flat++;
  if (flat < MIN_PLACED_FLAT * count) return undefined;
  const shapeColoured = new Uint8Array(alpha.length);
  for (let i = 0; i < alpha.length; i++) if (alpha[i]! > 0.5 && !own[i]) shapeColoured[i] = 1;
  return shapeColoured;
}

/**
 * Share of `alpha`'s core further from the core of `shape` than a twentieth of the shape's size (a moon's dark side
 * overhangs the circle fitted to its lit side only by its rim).
 */
function shareOutside(alpha: Float32Array, shape: Float32Array, w: number, h: number): number {
  const core = new Uint8Array(w * h);
  let area = 0;
  for (let i = 0; i < shape.length; i++) {
    core[i] = shape[i]! > 0.5 ? 1 : 0;
    area += core[i]!;
  }
  const near = dilate(core, w, h, Math.max(2, Math.round(Math.sqrt(area) / 20)));
  let n = 0;
  let outside = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.5) continue;
    n++;
    if (!near[i]) outside++;
  }
  return n > 0 ? outside / n : 0;
}

/** `mask` dilated by a (2r+1)² square. */
function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    let last = -Infinity;
    for (let x = 0; x < w + r; x++) {
      if (x < w && mask[y * w + x]) last = x;
      const at = x - r;
      if (at >= 0 && at < w && x - last <= 2 * r) across[y * w + at] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h + r; y++) {
      if (y < h && across[y * w + x]) last = y;
      const at = y - r;
      if (at >= 0 && at < h && y - last <= 2 * r) out[at * w + x] = 1;
    }
  }
  return out;
}

/**
 * One plan per connected part of `plan`'s core at least `minArea` large, with the soft pixels around it; smaller parts
 * go with the nearest large one they touch, or with none.
 */
function connectedParts(plan: LayerPlan, w: number, h: number, minArea: number): LayerPlan[] {
  const core = new Uint8Array(w * h);
  const soft = new Uint8Array(w * h);
  for (let i = 0; i < core.length; i++) {
    core[i] = plan.alpha[i]! > 0.5 ? 1 : 0;
    soft[i] = plan.alpha[i]! > 0 ? 1 : 0;
  }
  const { labels, count, sizes } = labelComponents(core, w, h);
  const big: number[] = [];
  for (let label = 1; label <= count; label++) if (sizes[label]! >= minArea) big.push(label);
  if (big.length === 0) return [];
  const keep = new Int32Array(w * h);
  const index = new Int32Array(count + 1);
  big.forEach((label, k) => (index[label] = k + 1));
  for (let i = 0; i < keep.length; i++) keep[i] = index[labels[i]!]!;
  const grown = growLabels(keep, soft, w, h);
  const alphas = big.map(() => new Float32Array(w * h));
  for (let i = 0; i < grown.length; i++) if (grown[i]) alphas[grown[i]! - 1]![i] = plan.alpha[i]!;
  return alphas.map((alpha, k) => ({ ...plan, alpha, name: big.length > 1 ? `${plan.name} ${k + 1}` : plan.name }));
}

/** `mask` eroded by a (2r+1)² square, inside the box x0..x1, y0..y1 (zero elsewhere). */
function erode(mask: Uint8Array, x0: number, y0: number, x1: number, y1: number, w: number, r: number): Uint8Array {
  const across = new Uint8Array(mask.length);
  for (let y = y0; y <= y1; y++) {
    let run = 0;
    for (let x = x0; x <= x1; x++) {
      run = mask[y * w + x] ? run + 1 : 0;
      if (run >= 2 * r + 1) across[y * w + x - r] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = x0; x <= x1; x++) {
    let run = 0;
    for (let y = y0; y <= y1; y++) {
      run = across[y * w + x] ? run + 1 : 0;
      if (run >= 2 * r + 1) out[(y - r) * w + x] = 1;
    }
  }
  return out;
}
