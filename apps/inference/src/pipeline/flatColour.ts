import type { RgbaImage } from '../image.js';
import { growMask } from './growMask.js';
import { planBounds } from './LayerPlan.js';
import { medianColour } from './median.js';

/** A pixel this close (sum of |ΔR| + |ΔG| + |ΔB|) to an object's colour is that colour. */
export const SAME = 40;
/** The colour stands out from the object's surroundings by at least this much (sum over RGB). */
const MIN_CONTRAST = 80;
/** Surroundings: the ring from RING_GAP to RING pixels outside the core. */
const RING_GAP = 3;
const RING = 8;

type Box = { x0: number; y0: number; x1: number; y1: number };

/** An object in one flat colour (a stroke icon, a card): its core, that colour and its surroundings' colour. */
export interface FlatColour {
  colour: [number, number, number];
  around: [number, number, number];
  /** Pixel indices of the core (alpha above 0.5) and their box. */
  core: number[];
  box: Box;
}

/**
 * Whether the core of `alpha` is one flat colour (at least `minShare` of it within SAME of its median colour) that
 * stands out from the surroundings in `image` by MIN_CONTRAST. Undefined for a multicoloured object (an emoji), one
 * in the colour of its surroundings, or one too small to tell (under 30 core pixels).
 */
export function flatColour(alpha: Float32Array, image: RgbaImage, minShare: number): FlatColour | undefined {
  const { width: w, height: h, data } = image;
  const found = coreOf(alpha, w);
  if (!found) return undefined;
  const { core, box } = found;
  const colour = medianColour(data, core) as FlatColour['colour'];
  if (core.filter((i) => colourDistance(data, i, colour) <= SAME).length < minShare * core.length) return undefined;
  const ring = ringPixels(alpha, w, h, box);
  if (ring.length < 16) return undefined;
  const around = medianColour(data, ring) as FlatColour['around'];
  const contrast = Math.abs(colour[0] - around[0]) + Math.abs(colour[1] - around[1]) + Math.abs(colour[2] - around[2]);
  return contrast < MIN_CONTRAST ? undefined : { colour, around, core, box };
}

/** The pixels of `alpha` above 0.5 and their box; undefined under 30 pixels (too small to tell anything). */
export function coreOf(alpha: Float32Array, w: number): Pick<FlatColour, 'core' | 'box'> | undefined {
  const box = planBounds(alpha, w, 0.5);
  if (!box) return undefined;
  const core: number[] = [];
  for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) if (alpha[y * w + x]! > 0.5) core.push(y * w + x);
  return core.length < 30 ? undefined : { core, box };
}

/** Sum of |ΔR| + |ΔG| + |ΔB| between pixel i of `data` and `to`. */
export function colourDistance(data: Uint8ClampedArray, i: number, to: readonly number[]): number {
  return Math.abs(data[i * 4]! - to[0]!) + Math.abs(data[i * 4 + 1]! - to[1]!) + Math.abs(data[i * 4 + 2]! - to[2]!);
}

/** Pixels RING_GAP to RING (chessboard distance) outside the core (alpha > 0.5) of `alpha`. */
function ringPixels(alpha: Float32Array, w: number, h: number, box: Box): number[] {
  const x0 = Math.max(0, box.x0 - RING);
  const y0 = Math.max(0, box.y0 - RING);
  const bw = Math.min(w - 1, box.x1 + RING) - x0 + 1;
  const bh = Math.min(h - 1, box.y1 + RING) - y0 + 1;
  const core = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) core[y * bw + x] = alpha[(y + y0) * w + x + x0]! > 0.5 ? 1 : 0;
  const outer = growMask(core, bw, bh, RING);
  const inner = growMask(core, bw, bh, RING_GAP - 1);
  const out: number[] = [];
  for (let k = 0; k < core.length; k++) if (outer[k] && !inner[k]) out.push(((k / bw) | 0) * w + y0 * w + (k % bw) + x0);
  return out;
}

/** A one-colour object's rim reaches this far (chessboard pixels) from the pixels in its colour. */
const RIM = 2;

/**
 * The soft part (alpha below 0.5) of a one-colour object's alpha that lies further than RIM from any pixel of its
 * colour is the matte's halo over the backdrop (sequins around a stroke icon), not the object: it is cut, so the
 * backdrop stays in the background instead of being filled over and unblended into the layer. Unchanged when the
 * object is not one colour (see flatColour).
 */
export function trimHalo(alpha: Float32Array, image: RgbaImage, minShare: number): Float32Array {
  const flat = flatColour(alpha, image, minShare);
  if (!flat) return alpha;
  const { width: w, height: h, data } = image;
  const box = planBounds(alpha, w, 0);
  if (!box) return alpha;
  const x0 = Math.max(0, box.x0 - RIM);
  const y0 = Math.max(0, box.y0 - RIM);
  const bw = Math.min(w - 1, box.x1 + RIM) - x0 + 1;
  const bh = Math.min(h - 1, box.y1 + RIM) - y0 + 1;
  const own = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const i = (y + y0) * w + x + x0;
      if (alpha[i]! > 0 && colourDistance(data, i, flat.colour) <= SAME) own[y * bw + x] = 1;
    }
  }
  const rim = growMask(own, bw, bh, RIM);
  const out = Float32Array.from(alpha);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      const i = (y + y0) * w + x + x0;
      if (out[i]! > 0 && out[i]! < 0.5 && !rim[y * bw + x]) out[i] = 0;
    }
  }
  return out;
}

/**
 * Strokes, not areas: at most MAX_DEEP_SHARE of the core lies deeper inside it than STROKE_DEPTH of its box's longer
 * side (chessboard pixels, at least MIN_STROKE_DEPTH); Lucide strokes are 1/12 of the icon wide.
 */
const STROKE_DEPTH = 0.07;
const MIN_STROKE_DEPTH = 4;
const MAX_DEEP_SHARE = 0.3;

/** Whether the object's core is thin strokes (a stroke icon) rather than an area (a card, a disc). */
export function isStrokes({ core, box }: Pick<FlatColour, 'core' | 'box'>, w: number): boolean {
  // the box with a one-pixel frame of outside, so that a bar filling its box is thin too
  const bw = box.x1 - box.x0 + 3;
  const bh = box.y1 - box.y0 + 3;
  const outside = new Uint8Array(bw * bh).fill(1);
  for (const i of core) outside[(Math.floor(i / w) - box.y0 + 1) * bw + (i % w) - box.x0 + 1] = 0;
  const near = growMask(outside, bw, bh, Math.max(MIN_STROKE_DEPTH, Math.round(STROKE_DEPTH * Math.max(bw - 2, bh - 2))));
  let deep = 0;
  for (let k = 0; k < near.length; k++) if (!near[k]) deep++;
  return deep <= MAX_DEEP_SHARE * core.length;
}
