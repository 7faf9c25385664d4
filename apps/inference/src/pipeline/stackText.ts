import type { RgbaImage } from '../image.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';

/** A pixel this close (RGB distance) to the text colour counts as visible ink. */
const INK_DISTANCE = 60;
/** An object covers a line when its span in the line's rows shows less than this share of the ink density elsewhere. */
const MAX_COVERED_DENSITY = 0.25;
/** ...and it spans at least this many line heights of the (extended) line in at least half of the line's rows. */
const MIN_SPAN_HEIGHTS = 0.5;

export interface Cover {
  /** Ink density (share of pixels near the text colour) inside the object's span and elsewhere in the line. */
  inside: number;
  outside: number;
  /** Rows of the line where the object spans at least MIN_SPAN_HEIGHTS line heights, as a share of the line's rows. */
  rows: number;
}

/**
 * Text is on top unless something covers it. An object covers a text line when, in the line's rows (the line extended
 * by one line height at both ends, where a detector stops at a covered glyph), the object spans a real part of the
 * line and the text's colour is missing inside that span (hidden by an opaque object or tinted by a see-through one)
 * while the rest of the line shows it. Rows count the object's span from its leftmost to its rightmost core pixel, so
 * the holes the text stage cut out of an object beneath the text do not count as missing ink.
 */
export function coverOf(text: LayerPlan, object: LayerPlan, image: RgbaImage): Cover | undefined {
  const color = text.text?.color;
  if (!color) return undefined;
  const { width: w, height: h, data } = image;
  const b = planBounds(text.alpha, w, 0.3);
  if (!b) return undefined;
  const lineH = b.y1 - b.y0 + 1;
  const x0 = Math.max(0, b.x0 - lineH);
  const x1 = Math.min(w - 1, b.x1 + lineH);
  const ink = (i: number): boolean =>
    Math.hypot(data[i * 4]! - color[0], data[i * 4 + 1]! - color[1], data[i * 4 + 2]! - color[2]) < INK_DISTANCE;
  let inN = 0;
  let inInk = 0;
  let outN = 0;
  let outInk = 0;
  let spanRows = 0;
  for (let y = b.y0; y <= Math.min(h - 1, b.y1); y++) {
    let s0 = -1;
    let s1 = -2;
    for (let x = x0; x <= x1; x++) {
      if (object.alpha[y * w + x]! <= 0.5) continue;
      if (s0 < 0) s0 = x;
      s1 = x;
    }
    if (s1 - s0 + 1 >= MIN_SPAN_HEIGHTS * lineH) spanRows++;
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (x >= s0 && x <= s1) {
        inN++;
        if (ink(i)) inInk++;
      } else if (x >= b.x0 && x <= b.x1) {
        outN++;
        if (ink(i)) outInk++;
      }
    }
  }
  return { inside: inN > 0 ? inInk / inN : 0, outside: outN > 0 ? outInk / outN : 0, rows: spanRows / lineH };
}

export function covers(c: Cover | undefined): boolean {
  return !!c && c.rows >= 0.5 && c.outside > 0 && c.inside < MAX_COVERED_DENSITY * c.outside;
}

/** Colour distance from an object's median colour that counts as detail (glyphs seen through it, an emoji's features). */
const DETAIL_DISTANCE = 30;
/** An object with less than this share of detail where it covers a line hides the line's glyphs completely. */
const MAX_OPAQUE_DETAIL = 0.05;

/**
 * A line an opaque object hides part of continues beneath it (the detector stops at the object). Gives the line a
 * uniform alpha, its visible ink density, where the object covers its rows within one line height of its ends: the
 * guess costs little (nobody sees it) and makes the text overlap the object, as the glyphs beneath do. Returns the
 * number of pixels added. Mutates `text.alpha`.
 */
export function continueBeneath(text: LayerPlan, object: LayerPlan, image: RgbaImage): number {
  const { width: w, data } = image;
  const b = planBounds(text.alpha, w, 0.3);
  if (!b) return 0;
  const lineH = b.y1 - b.y0 + 1;
  const x0 = Math.max(0, b.x0 - lineH);
  const x1 = Math.min(w - 1, b.x1 + lineH);
  const under: number[] = [];
  let ink = 0;
  let n = 0;
  for (let y = b.y0; y <= b.y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (object.alpha[i]! > 0.5) under.push(i);
      else if (x >= b.x0 && x <= b.x1) {
        ink += text.alpha[i]!;
        n++;
      }
    }
  }
  if (under.length === 0 || n === 0) return 0;
  const mid = [0, 1, 2].map((c) => median(under.map((i) => data[i * 4 + c]!)));
  let detail = 0;
  for (const i of under) {
    if (Math.hypot(data[i * 4]! - mid[0]!, data[i * 4 + 1]! - mid[1]!, data[i * 4 + 2]! - mid[2]!) > DETAIL_DISTANCE) detail++;
  }
  if (detail > MAX_OPAQUE_DETAIL * under.length) return 0;
  const density = ink / n;
  for (const i of under) text.alpha[i] = Math.max(text.alpha[i]!, density);
  return under.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * Every text line in `plans` (bottom to top) that lies beneath objects continues beneath the opaque ones that cover it
 * (continueBeneath). Run once the stack is final: the guessed alpha would count as a hole when peeling again.
 */
export function continueCovered(plans: LayerPlan[], image: RgbaImage): void {
  plans.forEach((t, k) => {
    if (t.kind !== 'text') return;
    for (const o of plans.slice(k + 1)) if (o.kind === 'object' && covers(coverOf(t, o, image))) continueBeneath(t, o, image);
  });
}

/**
 * Stacks `objects` (bottom to top) and `texts`: every text line goes on top, except one that an object covers, which
 * goes just beneath the lowest object covering it.
 */
export function stackText(objects: LayerPlan[], texts: LayerPlan[], image: RgbaImage): LayerPlan[] {
  const below = new Map<number, LayerPlan[]>();
  const top: LayerPlan[] = [];
  for (const t of texts) {
    const k = objects.findIndex((o) => covers(coverOf(t, o, image)));
    if (k < 0) {
      top.push(t);
      continue;
    }
    below.set(k, [...(below.get(k) ?? []), t]);
  }
  return [...objects.flatMap((o, k) => [...(below.get(k) ?? []), o]), ...top];
}
