import { blankRgba, type Rgba } from './rgba.js';

/**
 * Straight-alpha "over": `top` over `bottom`, rounded to 8 bits (the operation of PIL's Image.alpha_composite,
 * which LayerD uses to merge layers). Both images must have the same size.
 */
export function alphaComposite(bottom: Rgba, top: Rgba): Rgba {
  if (bottom.width !== top.width || bottom.height !== top.height) {
    throw new RangeError(`size mismatch ${bottom.width}x${bottom.height} vs ${top.width}x${top.height}`);
  }
  const out = blankRgba(bottom.width, bottom.height);
  const b = bottom.data;
  const t = top.data;
  const o = out.data;
  for (let i = 0; i < o.length; i += 4) {
    const at = t[i + 3]! / 255;
    const ab = b[i + 3]! / 255;
    const ao = at + ab * (1 - at);
    if (ao <= 0) continue;
    const wb = (ab * (1 - at)) / ao;
    const wt = at / ao;
    o[i] = Math.round(t[i]! * wt + b[i]! * wb);
    o[i + 1] = Math.round(t[i + 1]! * wt + b[i + 1]! * wb);
    o[i + 2] = Math.round(t[i + 2]! * wt + b[i + 2]! * wb);
    o[i + 3] = Math.round(ao * 255);
  }
  return out;
}

/** Composite layers bottom to top onto a transparent canvas. */
export function compositeAll(layers: readonly Rgba[]): Rgba {
  const first = layers[0];
  if (!first) throw new RangeError('compositeAll needs at least one layer');
  let acc: Rgba = { width: first.width, height: first.height, data: first.data.slice() };
  for (let i = 1; i < layers.length; i++) acc = alphaComposite(acc, layers[i]!);
  return acc;
}
