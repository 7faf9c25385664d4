import type { Component } from '../connectedComponents.js';

/** A rotated rectangle: centre, side lengths along its own axes, and the angle of its long side (radians). */
export interface OrientedRect {
  cx: number;
  cy: number;
  /** Along the angle (the text direction). */
  length: number;
  /** Across it. */
  thickness: number;
  angle: number;
}

/**
 * Per component, the rectangle aligned with its principal axis (second moments) that holds all its pixels — the
 * orientation of a text kernel. Angles are in (-pi/2, pi/2]; pixel centres are at +0.5.
 */
export function orientedRects(labels: Int32Array, width: number, components: readonly Component[]): Map<number, OrientedRect> {
  const n = components.length + 1;
  const sx = new Float64Array(n), sy = new Float64Array(n), sxx = new Float64Array(n), sxy = new Float64Array(n), syy = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    const x = (i % width) + 0.5;
    const y = Math.floor(i / width) + 0.5;
    sx[l]! += x; sy[l]! += y; sxx[l]! += x * x; sxy[l]! += x * y; syy[l]! += y * y; count[l]!++;
  }
  const axes = new Map<number, { mx: number; my: number; ux: number; uy: number; lo: number; hi: number; vlo: number; vhi: number }>();
  for (const c of components) {
    const k = count[c.label]!;
    const mx = sx[c.label]! / k;
    const my = sy[c.label]! / k;
    const cxx = sxx[c.label]! / k - mx * mx;
    const cxy = sxy[c.label]! / k - mx * my;
    const cyy = syy[c.label]! / k - my * my;
    const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    axes.set(c.label, { mx, my, ux: Math.cos(angle), uy: Math.sin(angle), lo: Infinity, hi: -Infinity, vlo: Infinity, vhi: -Infinity });
  }
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    const a = axes.get(l)!;
    const dx = (i % width) + 0.5 - a.mx;
    const dy = Math.floor(i / width) + 0.5 - a.my;
    const u = dx * a.ux + dy * a.uy;
    const v = -dx * a.uy + dy * a.ux;
    // a pixel is a unit square: widen by half a pixel each side
    if (u - 0.5 < a.lo) a.lo = u - 0.5;
    if (u + 0.5 > a.hi) a.hi = u + 0.5;
    if (v - 0.5 < a.vlo) a.vlo = v - 0.5;
    if (v + 0.5 > a.vhi) a.vhi = v + 0.5;
  }
  const out = new Map<number, OrientedRect>();
  for (const [label, a] of axes) {
    const cu = (a.lo + a.hi) / 2;
    const cv = (a.vlo + a.vhi) / 2;
    out.set(label, {
      cx: a.mx + cu * a.ux - cv * a.uy,
      cy: a.my + cu * a.uy + cv * a.ux,
      length: a.hi - a.lo,
      thickness: a.vhi - a.vlo,
      angle: Math.atan2(a.uy, a.ux),
    });
  }
  return out;
}

/** The four corners of a rectangle, in order along the long side then back. */
export function corners(r: OrientedRect): Array<[number, number]> {
  const ux = Math.cos(r.angle), uy = Math.sin(r.angle);
  const hl = r.length / 2, ht = r.thickness / 2;
  return [
    [r.cx - hl * ux + ht * uy, r.cy - hl * uy - ht * ux],
    [r.cx + hl * ux + ht * uy, r.cy + hl * uy - ht * ux],
    [r.cx + hl * ux - ht * uy, r.cy + hl * uy + ht * ux],
    [r.cx - hl * ux - ht * uy, r.cy - hl * uy + ht * ux],
  ];
}
