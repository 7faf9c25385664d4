import type { RgbaImage } from '../image.js';
import { boxMean } from '../objects/guidedFilter.js';
import { growMask } from './growMask.js';
import { planBounds, type LayerPlan } from './LayerPlan.js';

/** A black drop shadow: the object's alpha blurred (Gaussian `sigma`), moved by (dx, dy) and scaled by `opacity`. */
export interface DropShadow {
  dx: number;
  dy: number;
  sigma: number;
  opacity: number;
}

/** Farthest shadow offset searched, in pixels per axis... */
const MAX_OFFSET = 28;
/** ...and the blurs tried (the refinement also tries ±25 % around the best). */
const SIGMAS = [2, 3.5, 5, 7, 10, 14];
/** A shadow's blur is at most this share of the object's shorter side (a line of text casts a crisp shadow)... */
const MAX_SIGMA_SHARE = 0.15;
/** ...and at least this share of the ring around the object must show background (not other layers) to judge it. */
const MIN_OPEN_SHARE = 0.4;
/** The shadow's faint tail is left out (its colour could not be solved; a fraction of a level of darkening). */
const MIN_ALPHA = 0.02;
/** Over a background darker than this (luminance), a shadow is barely visible and dividing it out amplifies noise. */
const MIN_LUMINANCE = 40;
/** The fit looks at the background this close to the object (beyond it, texture only adds noise). */
const RING = 40;
/** The coarse search runs on blocks of this many pixels per side. */
const COARSE = 4;
/** A shadow this faint is not worth a layer's alpha; one this strong is not a shadow but a dark surround... */
const MIN_OPACITY = 0.12;
const MAX_OPACITY = 0.9;
/** ...and one moved less than this (pixels) is a halo of the object's edge. */
const MIN_OFFSET = 2;
/** The shadow must explain this share of the darkening's variance around the object... */
const MIN_R2 = 0.1;
/** ...and darken every colour channel alike (a black shadow scales R, G and B by the same factor). */
const MAX_CHANNEL_SPREAD = 0.35;

interface Grid {
  w: number;
  h: number;
  /** Mean object alpha and luminance per cell; 1 where the cell is background only (not this object, no other layer). */
  alpha: Float32Array;
  lum: Float32Array;
  open: Uint8Array;
  /** 1 within RING of the object: where its shadow is looked for. */
  near: Uint8Array;
  /** Darkening (1 - luminance / local background) and 1 where it is known. */
  dark: Float32Array;
  zone: Uint8Array;
  /** The zone's cells, in order. */
  cells: Int32Array;
}

/** A grid's zone as the score loop reads it: cell coordinates, and the darkening's sum and sum of squares. */
interface Zone {
  x: Int32Array;
  y: Int32Array;
  dark: Float32Array;
  sum: number;
  squares: number;
}

function zoneOf(g: Grid): Zone {
  let sum = 0;
  let squares = 0;
  for (const c of g.cells) {
    sum += g.dark[c]!;
    squares += g.dark[c]! * g.dark[c]!;
  }
  const x = g.cells.map((c) => c % g.w);
  const y = g.cells.map((c) => Math.floor(c / g.w));
  return { x, y, dark: Float32Array.from(g.cells, (c) => g.dark[c]!), sum, squares };
}

/**
 * Finds the black drop shadow an object casts on what lies beneath it, if it has one. The darkening around the object
 * (its luminance against a smooth estimate of the local background) is matched to the object's own alpha blurred and
 * moved, on a coarse grid first, then at full resolution around the best match. `busy` marks pixels of other layers,
 * which say nothing about the background. Returns the shadow's alpha (full frame, zero inside the object's core).
 */
export function fitDropShadow(
  alpha: Float32Array,
  image: RgbaImage,
  busy?: Uint8Array,
): { shadow: DropShadow; alpha: Float32Array } | undefined {
  const { width: w, height: h } = image;
  const b = planBounds(alpha, w, 0.5);
  if (!b) return undefined;
  const margin = MAX_OFFSET + 3 * SIGMAS[SIGMAS.length - 1]!;
  const x0 = Math.max(0, b.x0 - margin);
  const y0 = Math.max(0, b.y0 - margin);
  const x1 = Math.min(w - 1, b.x1 + margin);
  const y1 = Math.min(h - 1, b.y1 + margin);
  const coarse = grid(alpha, image, busy, x0, y0, x1, y1, COARSE);
  estimateDarkening(coarse, undefined, COARSE);
  if (openShare(coarse) < MIN_OPEN_SHARE) return undefined;
  const sigmas = SIGMAS.filter((s) => s <= Math.max(SIGMAS[0]!, MAX_SIGMA_SHARE * Math.min(b.x1 - b.x0, b.y1 - b.y0)));
  // the shadow darkens the background estimate around it; a second search estimates the background without it
  const first = search(coarse, sigmas);
  if (!first) return undefined;
  const fine = grid(alpha, image, busy, x0, y0, x1, y1, 1);
  const shadowed = (g: Grid, cell: number): Float32Array => {
    const blurred = gaussian(g.alpha, g.w, g.h, first.sigma / cell);
    const [sx, sy] = [Math.round(first.dx / cell), Math.round(first.dy / cell)];
    return blurred.map((_, c) => first.opacity * at(blurred, g, (c % g.w) - sx, Math.floor(c / g.w) - sy));
  };
  estimateDarkening(coarse, shadowed(coarse, COARSE), COARSE);
  estimateDarkening(fine, shadowed(fine, 1), 1);
  const best = search(coarse, sigmas, fine);
  if (!best || best.r2 < MIN_R2 || best.opacity < MIN_OPACITY || best.opacity > MAX_OPACITY) return undefined;
  if (Math.hypot(best.dx, best.dy) < MIN_OFFSET) return undefined;
  const blurred = gaussian(fine.alpha, fine.w, fine.h, best.sigma);
  if (!isGrey(image, fine, blurred, best, x0, y0)) return undefined;
  const out = new Float32Array(w * h);
  for (let y = 0; y < fine.h; y++) {
    for (let x = 0; x < fine.w; x++) {
      const v = best.opacity * at(blurred, fine, x - best.dx, y - best.dy) * (1 - fine.alpha[y * fine.w + x]!);
      if (v > MIN_ALPHA) out[(y0 + y) * w + x0 + x] = Math.min(1, v);
    }
  }
  const { dx, dy, sigma, opacity } = best;
  return { shadow: { dx, dy, sigma, opacity }, alpha: out };
}

interface Fit {
  dx: number;
  dy: number;
  sigma: number;
  r2: number;
  opacity: number;
}

/** The best shadow on the coarse grid, refined at full resolution around it when `fine` is given. */
function search(coarse: Grid, sigmas: number[], fine?: Grid): Fit | undefined {
  let best: Fit = { dx: 0, dy: 0, sigma: 0, r2: 0, opacity: 0 };
  const steps = Math.ceil(MAX_OFFSET / COARSE);
  const coarseZone = zoneOf(coarse);
  for (const sigma of sigmas) {
    const blurred = gaussian(coarse.alpha, coarse.w, coarse.h, sigma / COARSE);
    for (let sy = -steps; sy <= steps; sy++) {
      for (let sx = -steps; sx <= steps; sx++) {
        const fit = score(coarse, coarseZone, blurred, sx, sy);
        if (fit.r2 > best.r2) best = { dx: sx * COARSE, dy: sy * COARSE, sigma, ...fit };
      }
    }
  }
  if (best.r2 < MIN_R2 / 2) return undefined;
  if (!fine) return best;
  const around = best;
  best = { ...best, r2: 0 };
  const fineZone = zoneOf(fine);
  for (const sigma of [around.sigma * 0.8, around.sigma, around.sigma * 1.25]) {
    const blurred = gaussian(fine.alpha, fine.w, fine.h, sigma);
    for (let dy = around.dy - COARSE + 1; dy < around.dy + COARSE; dy++) {
      for (let dx = around.dx - COARSE + 1; dx < around.dx + COARSE; dx++) {
        const fit = score(fine, fineZone, blurred, dx, dy);
        if (fit.r2 > best.r2) best = { dx, dy, sigma, ...fit };
      }
    }
  }
  return best;
}

/** Share of the ring around the object (its `near` cells outside it) whose background can be seen. */
function openShare(g: Grid): number {
  let ring = 0;
  let seen = 0;
  for (let c = 0; c < g.w * g.h; c++) {
    if (!g.near[c] || g.alpha[c]! > 0.01) continue;
    ring++;
    seen += g.zone[c]!;
  }
  return ring > 0 ? seen / ring : 0;
}

/** Where a shadow falls on another layer, it is this strong on average there to tell anything... */
const MIN_CAST_ALPHA = 0.15;
/** ...over this many of that layer's solid pixels... */
const MIN_CAST_PIXELS = 50;
/** ...whose own colour is flat (interquartile range of luminance, levels)... */
const MAX_FLAT_IQR = 20;
/** ...and it darkens them by at least this share of what the shadow predicts. */
const MIN_CAST_SHARE = 0.5;

/**
 * Reorders `plans` (bottom to top) so that an object whose drop shadow visibly darkens a flat object lies above it:
 * shadows fall on what is beneath. Objects only; order is otherwise kept.
 */
export function orderByShadows(plans: LayerPlan[], image: RgbaImage): LayerPlan[] {
  const out = [...plans];
  for (const a of plans) {
    if (a.kind !== 'object' || !a.shadow) continue;
    for (const b of plans) {
      if (b === a || b.kind !== 'object' || out.indexOf(a) > out.indexOf(b) || !castsOn(a.shadow, b.alpha, image)) continue;
      out.splice(out.indexOf(a), 1);
      out.splice(out.indexOf(b) + 1, 0, a);
    }
  }
  return out;
}

/** Whether a shadow of alpha `shadow` darkens the flat layer `alpha` as much as it would if it fell on it. */
function castsOn(shadow: Float32Array, alpha: Float32Array, image: RgbaImage): boolean {
  const lit: number[] = [];
  let shaded = 0;
  let strength = 0;
  let n = 0;
  for (let i = 0; i < alpha.length; i++) {
    if (alpha[i]! <= 0.9) continue;
    const y = 0.299 * image.data[i * 4]! + 0.587 * image.data[i * 4 + 1]! + 0.114 * image.data[i * 4 + 2]!;
    if (shadow[i]! < 0.01) lit.push(y);
    else if (shadow[i]! > MIN_CAST_ALPHA) {
      shaded += y;
      strength += shadow[i]!;
      n++;
    }
  }
  if (n < MIN_CAST_PIXELS || lit.length < MIN_CAST_PIXELS) return false;
  lit.sort((p, q) => p - q);
  if (lit[Math.floor(lit.length * 0.75)]! - lit[Math.floor(lit.length * 0.25)]! > MAX_FLAT_IQR) return false;
  const own = lit[lit.length >> 1]!;
  return own - shaded / n >= MIN_CAST_SHARE * own * (strength / n);
}

function at(values: Float32Array, g: Grid, x: number, y: number): number {
  return x >= 0 && y >= 0 && x < g.w && y < g.h ? values[y * g.w + x]! : 0;
}

/**
 * Least squares of dark = c + opacity * shadow over the zone, for the shadow `blurred` moved by (sx, sy) cells:
 * the share of the darkening's variance it explains (r2) and its opacity.
 */
function score(g: Grid, zone: Zone, blurred: Float32Array, sx: number, sy: number): { r2: number; opacity: number } {
  const { w, h } = g;
  const n = zone.x.length;
  if (n === 0) return { r2: 0, opacity: 0 };
  let sS = 0;
  let sSS = 0;
  let sDS = 0;
  for (let k = 0; k < n; k++) {
    const x = zone.x[k]! - sx;
    const y = zone.y[k]! - sy;
    // beyond the window the shadow is 0 and adds nothing
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const s = blurred[y * w + x]!;
    sS += s;
    sSS += s * s;
    sDS += zone.dark[k]! * s;
  }
  const varS = sSS / n - (sS / n) ** 2;
  const varD = zone.squares / n - (zone.sum / n) ** 2;
  const cov = sDS / n - (sS / n) * (zone.sum / n);
  if (varS <= 1e-6 || varD <= 1e-9 || cov <= 0) return { r2: 0, opacity: 0 };
  return { r2: (cov * cov) / (varS * varD), opacity: cov / varS };
}

/** The window (x0..x1, y0..y1) in cells of `cell` pixels: mean alpha, darkening, and the cells that show background. */
function grid(
  alpha: Float32Array,
  image: RgbaImage,
  busy: Uint8Array | undefined,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  cell: number,
): Grid {
  const w = Math.ceil((x1 - x0 + 1) / cell);
  const h = Math.ceil((y1 - y0 + 1) / cell);
  const a = new Float32Array(w * h);
  const lum = new Float32Array(w * h);
  const other = new Float32Array(w * h);
  const count = new Float32Array(w * h);
  const { width: W, data } = image;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * W + x;
      const c = Math.floor((y - y0) / cell) * w + Math.floor((x - x0) / cell);
      a[c]! += alpha[i]!;
      lum[c]! += 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
      other[c]! += busy && busy[i] && alpha[i]! <= 0.004 ? 1 : 0;
      count[c]! += 1;
    }
  }
  const open = new Uint8Array(w * h);
  for (let c = 0; c < w * h; c++) {
    a[c]! /= count[c]!;
    lum[c]! /= count[c]!;
    open[c] = a[c]! <= 0.01 && other[c] === 0 ? 1 : 0;
  }
  const near = growMask(Uint8Array.from(a, (v) => (v > 0.5 ? 1 : 0)), w, h, Math.ceil(RING / cell));
  return { w, h, alpha: a, lum, open, near, dark: new Float32Array(w * h), zone: new Uint8Array(w * h), cells: new Int32Array(0) };
}

/**
 * The darkening of each open cell against the local background: the open cells' luminance smoothed over a wide
 * window, leaving out where `shadow` (a fitted shadow's alpha, when known) darkens them. The fit's constant term
 * absorbs what darkening is left in the estimate.
 */
function estimateDarkening(g: Grid, shadow: Float32Array | undefined, cell: number): void {
  const { w, h, lum, open } = g;
  const weight = Float32Array.from(open, (v, c) => (v && (!shadow || shadow[c]! < 0.01) ? 1 : 0));
  const r = Math.max(2, Math.round((shadow ? 48 : 24) / cell));
  const num = boxMean(lum.map((v, c) => v * weight[c]!), w, h, r);
  const den = boxMean(weight, w, h, r);
  const cells: number[] = [];
  for (let c = 0; c < w * h; c++) {
    const background = den[c]! > 0 ? num[c]! / den[c]! : 0;
    g.zone[c] = open[c] && g.near[c] && background > MIN_LUMINANCE ? 1 : 0;
    g.dark[c] = g.zone[c] ? 1 - lum[c]! / background : 0;
    if (g.zone[c]) cells.push(c);
  }
  g.cells = Int32Array.from(cells);
}

/** Gaussian blur approximated by three box blurs. */
function gaussian(values: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.max(0, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  if (r === 0) return Float32Array.from(values);
  return boxMean(boxMean(boxMean(values, w, h, r), w, h, r), w, h, r);
}

/**
 * Where the shadow is strong (its unscaled alpha above 0.5), each channel is darkened by about the same factor as
 * against the unshadowed background just beyond it (within half the largest offset of the shadow): a black shadow
 * scales R, G and B alike, a coloured glow or a darker stripe of the backdrop does not. Too few samples: no veto.
 */
function isGrey(image: RgbaImage, g: Grid, blurred: Float32Array, s: { dx: number; dy: number; opacity: number }, x0: number, y0: number): boolean {
  const inside = [0, 0, 0];
  const outside = [0, 0, 0];
  let nIn = 0;
  let nOut = 0;
  const ring = Math.ceil(MAX_OFFSET / 2);
  for (const c of g.cells) {
    const x = c % g.w;
    const y = (c - x) / g.w;
    const v = at(blurred, g, x - s.dx, y - s.dy);
    const i = ((y0 + y) * image.width + x0 + x) * 4;
    if (v > 0.5) {
      nIn++;
      for (let k = 0; k < 3; k++) inside[k]! += image.data[i + k]!;
    } else if (v < 0.02 && at(blurred, g, x - s.dx - ring, y - s.dy - ring) + at(blurred, g, x - s.dx + ring, y - s.dy + ring) > 0) {
      nOut++;
      for (let k = 0; k < 3; k++) outside[k]! += image.data[i + k]!;
    }
  }
  if (nIn < 20 || nOut < 20) return true;
  const ratios = [0, 1, 2].filter((k) => outside[k]! / nOut > 24).map((k) => (inside[k]! / nIn) / (outside[k]! / nOut));
  if (ratios.length < 2) return true;
  const darkening = ratios.map((q) => 1 - q);
  const mean = darkening.reduce((s, v) => s + v, 0) / darkening.length;
  return mean > 0 && Math.max(...darkening.map((d) => Math.abs(d - mean))) <= MAX_CHANNEL_SPREAD * mean + 0.03;
}
