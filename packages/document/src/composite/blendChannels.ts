import type { BlendMode } from '../types.js';

/**
 * The W3C Compositing and Blending Level 1 blend functions B(Cb, Cs) on straight colour in 0..1.
 * `blendPixel` writes the blended colour of one pixel into `out` (3 values).
 */

function separable(mode: BlendMode, cb: number, cs: number): number {
  switch (mode) {
    case 'normal': return cs;
    case 'multiply': return cb * cs;
    case 'screen': return cb + cs - cb * cs;
    case 'overlay': return hardLight(cs, cb);
    case 'darken': return Math.min(cb, cs);
    case 'lighten': return Math.max(cb, cs);
    case 'color-dodge': return cb === 0 ? 0 : cs >= 1 ? 1 : Math.min(1, cb / (1 - cs));
    case 'color-burn': return cb >= 1 ? 1 : cs <= 0 ? 0 : 1 - Math.min(1, (1 - cb) / cs);
    case 'hard-light': return hardLight(cb, cs);
    case 'soft-light': return softLight(cb, cs);
    case 'difference': return Math.abs(cb - cs);
    case 'exclusion': return cb + cs - 2 * cb * cs;
    case 'hue': case 'saturation': case 'color': case 'luminosity':
      throw new RangeError(`${mode} is not separable`);
    default: { const never: never = mode; throw new RangeError(`unknown blend mode ${String(never)}`); }
  }
}

type Separable = Exclude<BlendMode, 'hue' | 'saturation' | 'color' | 'luminosity'>;

/** The per-channel blend function of a separable mode, or null for the non-separable ones (use `blendPixel`). */
export function separableBlend(mode: BlendMode): ((cb: number, cs: number) => number) | null {
  switch (mode) {
    case 'hue': case 'saturation': case 'color': case 'luminosity': return null;
    default: {
      const m: Separable = mode;
      return SEPARABLE[m];
    }
  }
}

const SEPARABLE: Record<Separable, (cb: number, cs: number) => number> = {
  normal: (_cb, cs) => cs,
  multiply: (cb, cs) => cb * cs,
  screen: (cb, cs) => cb + cs - cb * cs,
  overlay: (cb, cs) => hardLight(cs, cb),
  darken: (cb, cs) => (cb < cs ? cb : cs),
  lighten: (cb, cs) => (cb > cs ? cb : cs),
  'color-dodge': (cb, cs) => separable('color-dodge', cb, cs),
  'color-burn': (cb, cs) => separable('color-burn', cb, cs),
  'hard-light': hardLight,
  'soft-light': softLight,
  difference: (cb, cs) => Math.abs(cb - cs),
  exclusion: (cb, cs) => cb + cs - 2 * cb * cs,
};

function hardLight(cb: number, cs: number): number {
  return cs <= 0.5 ? cb * 2 * cs : cb + (2 * cs - 1) - cb * (2 * cs - 1);
}

function softLight(cb: number, cs: number): number {
  if (cs <= 0.5) return cb - (1 - 2 * cs) * cb * (1 - cb);
  const d = cb <= 0.25 ? ((16 * cb - 12) * cb + 4) * cb : Math.sqrt(cb);
  return cb + (2 * cs - 1) * (d - cb);
}

const lum = (r: number, g: number, b: number): number => 0.3 * r + 0.59 * g + 0.11 * b;

function clipColor(c: number[]): void {
  const [r = 0, g = 0, b = 0] = c;
  const l = lum(r, g, b);
  const n = Math.min(r, g, b);
  const x = Math.max(r, g, b);
  for (let i = 0; i < 3; i++) {
    let v = c[i] ?? 0;
    if (n < 0) v = l + ((v - l) * l) / (l - n);
    if (x > 1) v = l + ((v - l) * (1 - l)) / (x - l);
    c[i] = v;
  }
}

function setLum(c: number[], l: number): void {
  const d = l - lum(c[0] ?? 0, c[1] ?? 0, c[2] ?? 0);
  c[0] = (c[0] ?? 0) + d; c[1] = (c[1] ?? 0) + d; c[2] = (c[2] ?? 0) + d;
  clipColor(c);
}

function setSat(c: number[], s: number): void {
  const idx = [0, 1, 2].sort((a, b) => (c[a] ?? 0) - (c[b] ?? 0));
  const [mn = 0, md = 1, mx = 2] = idx;
  const cmin = c[mn] ?? 0; const cmid = c[md] ?? 0; const cmax = c[mx] ?? 0;
  if (cmax > cmin) {
    c[md] = ((cmid - cmin) * s) / (cmax - cmin);
    c[mx] = s;
  } else {
    c[md] = 0; c[mx] = 0;
  }
  c[mn] = 0;
}

const sat = (c: number[]): number => Math.max(c[0] ?? 0, c[1] ?? 0, c[2] ?? 0) - Math.min(c[0] ?? 0, c[1] ?? 0, c[2] ?? 0);

const tmp = [0, 0, 0];

export function blendPixel(mode: BlendMode, br: number, bg: number, bb: number, sr: number, sg: number, sb: number, out: Float64Array): void {
  switch (mode) {
    case 'hue': case 'saturation': case 'color': case 'luminosity': {
      if (mode === 'hue' || mode === 'saturation') {
        tmp[0] = mode === 'hue' ? sr : br; tmp[1] = mode === 'hue' ? sg : bg; tmp[2] = mode === 'hue' ? sb : bb;
        setSat(tmp, mode === 'hue' ? sat([br, bg, bb]) : sat([sr, sg, sb]));
        setLum(tmp, lum(br, bg, bb));
      } else if (mode === 'color') {
        tmp[0] = sr; tmp[1] = sg; tmp[2] = sb; setLum(tmp, lum(br, bg, bb));
      } else {
        tmp[0] = br; tmp[1] = bg; tmp[2] = bb; setLum(tmp, lum(sr, sg, sb));
      }
      out[0] = tmp[0] ?? 0; out[1] = tmp[1] ?? 0; out[2] = tmp[2] ?? 0;
      return;
    }
    default:
      out[0] = separable(mode, br, sr); out[1] = separable(mode, bg, sg); out[2] = separable(mode, bb, sb);
  }
}
