import { createImage, type RgbaImage } from '../image.js';

export interface UnblendLayer {
  /** Planned coverage 0..1 per pixel (full frame). */
  alpha: Float32Array;
  /** Known uniform colour (text): alpha is re-estimated by projecting the input onto the colour line. */
  color?: [number, number, number];
  /** One flat colour (a stroke icon, a card): when the layer reads as opaque, alpha is projected as for `color`. */
  flatColor?: [number, number, number] | undefined;
  /** Known uniform opacity (a see-through shape whose background was recovered exactly beneath it). */
  opacity?: number | undefined;
  /** A black drop shadow around the layer (fitted alpha 0..1): where it is stronger than the layer, the layer's alpha
   *  is the darkening of the target against what lies beneath. */
  shadow?: Float32Array | undefined;
}

/**
 * Solve every layer's colour (and the smallest alpha that makes it representable) so that compositing the layers
 * bottom to top with straight-alpha "over" reproduces `targets[n]` (the input) up to rounding.
 *
 * `targets[k]` is what layers 0..k must composite to (targets[0] is the completed background, targets[n] the input):
 * the caller builds it top down by filling each layer's hole. Alphas are planned top down (a layer's alpha never
 * exceeds what the input's alpha allows; the alpha left for the layers beneath follows from the "over" equation),
 * then colours are solved bottom up against the actual quantised composite of the layers below, so rounding errors
 * never accumulate.
 */
export function unblend(targets: RgbaImage[], layers: UnblendLayer[]): RgbaImage[] {
  const n = layers.length;
  const top = targets[n]!;
  const size = top.width * top.height;
  // 1. plan alphas top down
  const targetAlpha: Float32Array[] = new Array<Float32Array>(n + 1);
  targetAlpha[n] = Float32Array.from({ length: size }, (_, i) => top.data[i * 4 + 3]! / 255);
  const planned: Float32Array[] = new Array<Float32Array>(n);
  const boxes: (Bounds | undefined)[] = new Array<Bounds | undefined>(n);
  for (let k = n; k >= 1; k--) {
    const layer = layers[k - 1]!;
    const above = targetAlpha[k]!;
    const below = Float32Array.from(above);
    const a = new Float32Array(size);
    const t = targets[k]!.data;
    const b = targets[k - 1]!.data;
    const opacity = layer.color ? 1 : (layer.opacity ?? layerOpacity(layer.alpha, t, b, above));
    const color = layer.color ?? (opacity === 1 ? layer.flatColor : undefined);
    const box = activeBounds(layer.alpha, t, b, top.width);
    boxes[k - 1] = box;
    forEachInBox(box, top.width, (i) => {
      const A = above[i]!;
      let alpha = Math.min(layer.alpha[i]! * opacity, A);
      if (color && alpha > 0) alpha = Math.min(A, projectAlpha(t, b, i, color));
      if (layer.shadow && layer.shadow[i]! > alpha) alpha = Math.max(alpha, Math.min(A, shadowAlpha(t, b, i, layer.shadow[i]!)));
      alpha = Math.max(alpha, minAlpha(t, b, i, A));
      a[i] = alpha;
      below[i] = alpha < 1 ? Math.min(1, Math.max(0, (A - alpha) / (1 - alpha))) : 1;
    });
    planned[k - 1] = a;
    targetAlpha[k - 1] = below;
  }
  // 2. solve colours bottom up against the quantised composite
  const out: RgbaImage[] = [];
  const background = createImage(top.width, top.height);
  const compRgb = new Float32Array(size * 3);
  const compA = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const alpha8 = Math.round(targetAlpha[0]![i]! * 255);
    background.data[i * 4 + 3] = alpha8;
    compA[i] = alpha8 / 255;
    for (let c = 0; c < 3; c++) {
      const v = alpha8 > 0 ? targets[0]!.data[i * 4 + c]! : 0;
      background.data[i * 4 + c] = v;
      compRgb[i * 3 + c] = v;
    }
  }
  out.push(background);
  for (let k = 1; k <= n; k++) {
    const layer = createImage(top.width, top.height);
    const t = targets[k]!.data;
    const A = targetAlpha[k]!;
    const plan = planned[k - 1]!;
    forEachInBox(boxes[k - 1], top.width, (i) => {
      const beta = compA[i]!;
      let alpha = plan[i]!;
      if (beta < 0.999) alpha = Math.min(1, Math.max(0, (A[i]! - beta) / (1 - beta)));
      else alpha = Math.max(alpha, minAlphaAgainst(t, compRgb, i, A[i]!));
      let alpha8 = Math.ceil(alpha * 255 - 1e-3);
      if (alpha8 <= 0) return;
      alpha8 = Math.min(255, alpha8);
      const a = alpha8 / 255;
      const outA = a + beta * (1 - a);
      for (let c = 0; c < 3; c++) {
        const f = (A[i]! * t[i * 4 + c]! - (1 - a) * beta * compRgb[i * 3 + c]!) / a;
        const f8 = Math.min(255, Math.max(0, Math.round(f)));
        layer.data[i * 4 + c] = f8;
        compRgb[i * 3 + c] = outA > 0 ? (a * f8 + (1 - a) * beta * compRgb[i * 3 + c]!) / outA : 0;
      }
      layer.data[i * 4 + 3] = alpha8;
      compA[i] = outA;
    });
    out.push(layer);
  }
  return out;
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a layer can be non-empty: its planned alpha, plus wherever what lies beneath differs from the target. */
function activeBounds(alpha: Float32Array, t: Uint8ClampedArray, b: Uint8ClampedArray, w: number): Bounds | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < alpha.length; i++) {
    const o = i * 4;
    if (alpha[i]! <= 0 && t[o] === b[o] && t[o + 1] === b[o + 1] && t[o + 2] === b[o + 2]) continue;
    const x = i % w;
    const y = (i - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}

function forEachInBox(box: Bounds | undefined, w: number, fn: (i: number) => void): void {
  if (!box) return;
  for (let y = box.y0; y <= box.y1; y++) for (let x = box.x0; x <= box.x1; x++) fn(y * w + x);
}

/** A layer whose core is a tint over what lies beneath gets this uniform opacity; above it, a layer is opaque. */
const TRANSLUCENT_BELOW = 0.85;
/** The uncovered image is textured when its neighbouring pixels differ by at least this much (sum over RGB)... */
const MIN_TEXTURE = 3;
/** ...and a layer core smoother than this share of that texture is opaque, not a tint. */
const OPAQUE_SMOOTHNESS = 0.15;
/** Largest mean per-channel standard deviation of an unblended tint's colour. */
const MAX_TINT_SPREAD = 18;

/**
 * Uniform opacity of a layer: the 90th percentile, over its confident core, of the smallest alpha that explains
 * each pixel over the completed background. A translucent shape scores its opacity; an opaque object scores ~1.
 */
export function layerOpacity(alpha: Float32Array, t: Uint8ClampedArray, b: Uint8ClampedArray, above: Float32Array): number {
  const samples: number[] = [];
  const pixels: number[] = [];
  const step = Math.max(1, Math.floor(alpha.length / 200_000));
  for (let i = 0; i < alpha.length; i += step) {
    if (alpha[i]! > 0.9 && above[i]! > 0.99) {
      samples.push(minAlpha(t, b, i, 1));
      pixels.push(i);
    }
  }
  if (samples.length < 16) return 1;
  const sorted = [...samples].sort((x, y) => x - y);
  const p90 = Math.max(0.05, sorted[Math.floor(sorted.length * 0.9)]!);
  if (p90 >= TRANSLUCENT_BELOW) return 1;
  // a smooth fill beneath makes any flat shape look like a tint of it; but a tint lets the texture of what is beneath
  // show through, so a core far smoother than the uncovered image is an opaque shape
  const coreRough = roughness(t, (i) => alpha[i]! > 0.9 && alpha[i + 1]! > 0.9 && above[i]! > 0.99, alpha.length, step);
  const outsideRough = roughness(t, (i) => alpha[i]! === 0 && alpha[i + 1]! === 0, alpha.length, step);
  if (outsideRough >= MIN_TEXTURE && coreRough < OPAQUE_SMOOTHNESS * outsideRough) return 1;
  // a tint must be one flat colour once unblended; otherwise the fill beneath is wrong and the layer stays opaque
  // spread as (P90 - P10) / 2.56 (the standard deviation of a normal spread), so that a fifth of the core may be
  // something else (a shadow, a piece of a neighbour) without hiding the tint
  let spread = 0;
  for (let c = 0; c < 3; c++) {
    const f = pixels.map((i) => b[i * 4 + c]! + (t[i * 4 + c]! - b[i * 4 + c]!) / p90).sort((x, y) => x - y);
    spread += (f[Math.floor(f.length * 0.9)]! - f[Math.floor(f.length * 0.1)]!) / 2.56;
  }
  return spread / 3 <= MAX_TINT_SPREAD ? p90 : 1;
}

/** Median absolute difference (summed over RGB) between horizontal neighbours at the pixels `where` holds. */
function roughness(t: Uint8ClampedArray, where: (i: number) => boolean, n: number, step: number): number {
  const diffs: number[] = [];
  for (let i = 0; i + 1 < n; i += step) {
    if (!where(i)) continue;
    let d = 0;
    for (let c = 0; c < 3; c++) d += Math.abs(t[i * 4 + c]! - t[i * 4 + 4 + c]!);
    diffs.push(d);
  }
  if (diffs.length === 0) return 0;
  diffs.sort((a, b) => a - b);
  return diffs[diffs.length >> 1]!;
}

/** Smallest alpha for which F = B + A (C - B) / alpha stays within 0..255 in every channel. */
function minAlpha(t: Uint8ClampedArray, b: Uint8ClampedArray, i: number, A: number): number {
  let m = 0;
  for (let c = 0; c < 3; c++) {
    const C = t[i * 4 + c]!;
    const B = b[i * 4 + c]!;
    if (C > B) m = Math.max(m, (A * (C - B)) / (255 - B));
    else if (C < B) m = Math.max(m, (A * (B - C)) / B);
  }
  return Math.min(A, m);
}

function minAlphaAgainst(t: Uint8ClampedArray, comp: Float32Array, i: number, A: number): number {
  let m = 0;
  for (let c = 0; c < 3; c++) {
    const C = t[i * 4 + c]!;
    const B = comp[i * 3 + c]!;
    if (C > B + 0.5) m = Math.max(m, (A * (C - B)) / Math.max(1e-3, 255 - B));
    else if (C < B - 0.5) m = Math.max(m, (A * (B - C)) / Math.max(1e-3, B));
  }
  return Math.min(A, m);
}

/**
 * The alpha of a black shadow at pixel i: how much the target is darkened from what lies beneath, so that the shadow's
 * colour solves to black (a fitted shadow's small errors go into its alpha, not its colour). Over near-black, where
 * darkening cannot be measured, the fitted alpha.
 */
function shadowAlpha(t: Uint8ClampedArray, b: Uint8ClampedArray, i: number, fitted: number): number {
  let bb = 0;
  let darkening = 0;
  for (let c = 0; c < 3; c++) {
    const v = b[i * 4 + c]!;
    bb += v * v;
    darkening += v * (v - t[i * 4 + c]!);
  }
  return bb < 900 ? fitted : Math.min(1, Math.max(0, darkening / bb));
}

/** Alpha of a uniform colour F over B that best explains C: the projection of C - B onto F - B. */
function projectAlpha(t: Uint8ClampedArray, b: Uint8ClampedArray, i: number, color: [number, number, number]): number {
  let num = 0;
  let den = 0;
  for (let c = 0; c < 3; c++) {
    const fb = color[c]! - b[i * 4 + c]!;
    num += (t[i * 4 + c]! - b[i * 4 + c]!) * fb;
    den += fb * fb;
  }
  if (den < 900) return 1;
  return Math.min(1, Math.max(0, num / den));
}
