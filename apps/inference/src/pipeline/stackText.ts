import type { RgbaImage } from '../image.js';
import { touchesAny } from './foreignObjects.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';
import { medianColour } from './median.js';

/** A pixel this close (RGB distance) to the text colour counts as visible ink. */
const INK_DISTANCE = 60;
/** An object covers a line when its span in the line's rows shows less than this share of the ink density elsewhere. */
const MAX_COVERED_DENSITY = 0.25;
/** ...and it spans at least this many line heights of the line itself in at least half of the line's rows (an object
 *  just beyond the line's end, a lid next to the first letter, is beside it, not over it). */
const MIN_SPAN_HEIGHTS = 0.5;
/** ...and is solid there (a stroke icon next to a line has the background, not hidden glyphs, between its strokes). */
const MIN_SOLID = 0.6;

/**
 * A glyph this close to an object's core along its row (in line heights: about the spacing of letters) is cut by the
 * object's edge or is the first one beyond it.
 */
const CUT_GAP = 0.06;
/** An object beside a line's end covers its continuation when it cuts glyphs in at least this share of its rows. */
const MIN_CUT_ROWS = 0.3;

export interface Cover {
  /** Ink density (share of pixels near the text colour) inside the object's span and elsewhere in the line. */
  inside: number;
  outside: number;
  /** Rows where the object spans at least MIN_SPAN_HEIGHTS line heights of the line, as a share of the line's rows. */
  rows: number;
  /** Rows where it spans as much beyond the line's ends, reaching the line within CUT_GAP (share of the line's rows). */
  beside: number;
  /** Rows where a glyph of the line ends within CUT_GAP of the object's core (share of the line's rows). */
  cut: number;
  /** Share of the object's span that is its core: a hollow object (a stroke icon) hides nothing between its strokes. */
  solid: number;
}

/**
 * Text is on top unless something covers it. An object covers a text line when, in the line's rows, the solid object
 * spans a real part of the line and the text's colour is missing inside that span (hidden by an opaque object or
 * tinted by a see-through one; the span is measured out to one line height beyond the line's ends, where a detector
 * stops at a covered glyph) while the rest of the line shows it. Rows count the object's span from its leftmost to its
 * rightmost core pixel, so holes cut out of an object beneath the text do not count as missing ink.
 */
export function coverOf(
  text: LayerPlan,
  object: LayerPlan,
  image: RgbaImage,
  b = planBounds(text.alpha, image.width, 0.3),
): Cover | undefined {
  const color = text.text?.color;
  if (!color) return undefined;
  const { width: w, height: h, data } = image;
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
  const gap = Math.max(2, Math.round(CUT_GAP * lineH));
  let spanRows = 0;
  let besideRows = 0;
  let cutRows = 0;
  let solid = 0;
  for (let y = b.y0; y <= Math.min(h - 1, b.y1); y++) {
    let s0 = -1;
    let s1 = -2;
    let cut = false;
    for (let x = x0; x <= x1; x++) {
      if (object.alpha[y * w + x]! <= 0.5) continue;
      if (s0 < 0) s0 = x;
      s1 = x;
      for (let d = -gap; d <= gap && !cut; d++) cut = x + d >= 0 && x + d < w && text.alpha[y * w + x + d]! > 0.5;
    }
    if (Math.min(s1, b.x1) - Math.max(s0, b.x0) + 1 >= MIN_SPAN_HEIGHTS * lineH) spanRows++;
    if (s1 - s0 + 1 >= MIN_SPAN_HEIGHTS * lineH && s1 >= b.x0 - gap && s0 <= b.x1 + gap) besideRows++;
    if (cut) cutRows++;
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (x >= s0 && x <= s1) {
        inN++;
        if (object.alpha[i]! > 0.5) solid++;
        if (ink(i)) inInk++;
      } else if (x >= b.x0 && x <= b.x1) {
        outN++;
        if (ink(i)) outInk++;
      }
    }
  }
  return {
    inside: inN > 0 ? inInk / inN : 0,
    outside: outN > 0 ? outInk / outN : 0,
    rows: spanRows / lineH,
    beside: besideRows / lineH,
    cut: cutRows / lineH,
    solid: inN > 0 ? solid / inN : 0,
  };
}

/**
 * Whether the object hides part of the line: it spans part of it, or it lies beyond an end of the line (where the
 * detector stopped) and cuts the glyphs there, as an object does over a line that goes on beneath it.
 */
export function covers(c: Cover | undefined): boolean {
  if (!c || c.solid < MIN_SOLID || c.outside <= 0 || c.inside >= MAX_COVERED_DENSITY * c.outside) return false;
  return c.rows >= 0.5 || (c.beside >= 0.5 && c.cut >= MIN_CUT_ROWS);
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
export function continueBeneath(
  text: LayerPlan,
  object: LayerPlan,
  image: RgbaImage,
  b = planBounds(text.alpha, image.width, 0.3),
): number {
  const { width: w, data } = image;
  if (!b) return 0;
  const lineH = b.y1 - b.y0 + 1;
  const x0 = Math.max(0, b.x0 - lineH);
  const x1 = Math.min(w - 1, b.x1 + lineH);
  const under: number[] = [];
  const clear: number[] = [];
  let ink = 0;
  let n = 0;
  for (let y = b.y0; y <= b.y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (object.alpha[i]! > 0.5) under.push(i);
      else if (x >= b.x0 && x <= b.x1) {
        ink += text.alpha[i]!;
        n++;
        if (text.alpha[i]! === 0) clear.push(i);
      }
    }
  }
  if (under.length === 0 || n === 0) return 0;
  const mid = medianColour(data, under);
  let detail = 0;
  for (const i of under) {
    if (Math.hypot(data[i * 4]! - mid[0]!, data[i * 4 + 1]! - mid[1]!, data[i * 4 + 2]! - mid[2]!) > DETAIL_DISTANCE) detail++;
  }
  if (detail > MAX_OPAQUE_DETAIL * under.length) return seenThrough(text, under, clear, mid, image);
  const density = ink / n;
  for (const i of under) text.alpha[i] = Math.max(text.alpha[i]!, density);
  return under.length;
}

/** Off-line colour distance (0..441) a glyph seen through an object may have. */
const MAX_TINT_RESIDUAL = 30;
/** Share of an object's detail that must be explained as tinted glyphs before glyphs are read from it. */
const MIN_TINTED_SHARE = 0.6;

/**
 * A see-through object over text shows the glyphs tinted: a pixel is mid + t·s·(ink − B), with mid the object over
 * the line's background B, s the share of what lies beneath that shows through and t the glyph's coverage. Estimates
 * s from the most strongly tinted pixels and gives the text alpha t there. Detail that is not on that line (an
 * emoji's features) means the object is not see-through over text: nothing changes.
 */
function seenThrough(text: LayerPlan, under: number[], clear: number[], mid: number[], image: RgbaImage): number {
  const color = text.text?.color;
  if (!color || clear.length === 0) return 0;
  const { data } = image;
  const bg = medianColour(data, clear);
  const dir = [0, 1, 2].map((c) => color[c]! - bg[c]!);
  const len2 = dir[0]! ** 2 + dir[1]! ** 2 + dir[2]! ** 2;
  if (len2 < 900) return 0;
  const proj = new Float32Array(under.length);
  const off = new Float32Array(under.length);
  under.forEach((i, k) => {
    const d = [0, 1, 2].map((c) => data[i * 4 + c]! - mid[c]!);
    const p = (d[0]! * dir[0]! + d[1]! * dir[1]! + d[2]! * dir[2]!) / len2;
    proj[k] = p;
    off[k] = Math.hypot(d[0]! - p * dir[0]!, d[1]! - p * dir[1]!, d[2]! - p * dir[2]!);
  });
  const strong: number[] = [];
  let detail = 0;
  for (let k = 0; k < under.length; k++) {
    if (proj[k]! * Math.sqrt(len2) <= DETAIL_DISTANCE && off[k]! <= DETAIL_DISTANCE) continue;
    detail++;
    if (off[k]! <= MAX_TINT_RESIDUAL && proj[k]! > 0) strong.push(proj[k]!);
  }
  if (strong.length < 20 || strong.length < MIN_TINTED_SHARE * detail) return 0;
  strong.sort((p, q) => p - q);
  const share = strong[Math.floor(strong.length * 0.7)]!;
  let added = 0;
  under.forEach((i, k) => {
    if (off[k]! > MAX_TINT_RESIDUAL || proj[k]! <= 0) return;
    const t = Math.min(1, proj[k]! / share);
    if (t > text.alpha[i]!) {
      text.alpha[i] = t;
      added++;
    }
  });
  return added;
}

/**
 * Every text line in `plans` (bottom to top) that lies beneath objects continues beneath the opaque ones that cover it
 * (continueBeneath). Run once the stack is final: the guessed alpha would count as a hole when peeling again.
 * Returns how many pixels changed.
 */
export function continueCovered(plans: LayerPlan[], image: RgbaImage): number {
  let changed = 0;
  plans.forEach((t, k) => {
    if (t.kind !== 'text') return;
    const b = planBounds(t.alpha, image.width, 0.3);
    for (const o of plans.slice(k + 1)) {
      if (o.kind === 'object' && covers(coverOf(t, o, image, b))) changed += continueBeneath(t, o, image, b);
    }
  });
  return changed;
}

/**
 * Stacks `objects` (bottom to top) and `texts`: every text line goes on top, except one that an object covers, which
 * goes just beneath the lowest object covering it, and above the other objects it touches (printed over them).
 */
export function stackText(objects: LayerPlan[], texts: LayerPlan[], image: RgbaImage): LayerPlan[] {
  const below = new Map<number, LayerPlan[]>();
  const top: LayerPlan[] = [];
  const covered: LayerPlan[] = [];
  for (const t of texts) {
    const b = planBounds(t.alpha, image.width, 0.3);
    const k = objects.findIndex((o) => covers(coverOf(t, o, image, b)));
    if (k < 0) {
      top.push(t);
      continue;
    }
    below.set(k, [...(below.get(k) ?? []), t]);
    covered.push(t);
  }
  const stack = [...objects.flatMap((o, k) => [...(below.get(k) ?? []), o]), ...top];
  for (const t of covered) lowerTouched(stack, t, image);
  return stack;
}

/**
 * Objects above the covered line `text` that it touches without being covered by them lie beneath it: each moves to
 * just below the line when it touches nothing in between (whose order it would change). Mutates `stack`.
 */
function lowerTouched(stack: LayerPlan[], text: LayerPlan, image: RgbaImage): void {
  const b = planBounds(text.alpha, image.width, 0.3);
  for (let j = stack.indexOf(text) + 1; j < stack.length; j++) {
    const o = stack[j]!;
    const p = stack.indexOf(text);
    if (o.kind !== 'object' || !touchesAny(o, [text], image.width) || covers(coverOf(text, o, image, b))) continue;
    if (touchesAny(o, stack.slice(p + 1, j), image.width)) continue;
    stack.splice(j, 1);
    stack.splice(p, 0, o);
  }
}
