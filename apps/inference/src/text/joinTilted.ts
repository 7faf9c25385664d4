import { corners, type OrientedRect } from './orientedRects.js';

const MAX_ANGLE_DIFF = (5 * Math.PI) / 180;

/**
 * Two tilted pieces of one line (the detector splits at word gaps): similar angles, the second's centre on the
 * first's axis (within half its thickness), and at most `maxGap` px apart along it. Returns the rectangle along the
 * mean angle that holds both, or null when they are not one line.
 */
export function joinTilted(a: OrientedRect, b: OrientedRect, maxGap: number): OrientedRect | null {
  if (Math.abs(a.angle - b.angle) > MAX_ANGLE_DIFF) return null;
  const angle = (a.angle + b.angle) / 2;
  const ux = Math.cos(angle), uy = Math.sin(angle);
  const along = (x: number, y: number): number => x * ux + y * uy;
  const across = (x: number, y: number): number => -x * uy + y * ux;
  if (Math.abs(across(b.cx - a.cx, b.cy - a.cy)) > 0.5 * Math.max(a.thickness, b.thickness)) return null;
  const ca = corners(a);
  const cb = corners(b);
  const spanA = ca.map(([x, y]) => along(x, y));
  const spanB = cb.map(([x, y]) => along(x, y));
  const gap = Math.max(Math.min(...spanA), Math.min(...spanB)) - Math.min(Math.max(...spanA), Math.max(...spanB));
  if (gap > maxGap) return null;
  const all = [...ca, ...cb];
  const us = all.map(([x, y]) => along(x, y));
  const vs = all.map(([x, y]) => across(x, y));
  const u0 = Math.min(...us), u1 = Math.max(...us), v0 = Math.min(...vs), v1 = Math.max(...vs);
  const cu = (u0 + u1) / 2, cv = (v0 + v1) / 2;
  return { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, length: u1 - u0, thickness: v1 - v0, angle };
}
