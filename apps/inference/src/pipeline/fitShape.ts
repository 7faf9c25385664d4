/** The visible part of a flat region and what could be hiding the rest of it. */
export interface PartialShape {
  width: number;
  height: number;
  /** The visible region (1 = in it). */
  region: Uint8Array;
  /** Pixels that may cover the region (the rest of its component, text): the shape may extend under them. */
  covered: Uint8Array;
  /** Inclusive bounding box of the visible region. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** Outline pixels of the region that border the outside (not an occluder), flat [x0, y0, x1, y1, ...]. */
  outline: number[];
}

/** Share of the completed shape that may lie neither in the region nor under something covering it. */
const MAX_EMPTY = 0.05;
/** ...and of a rounded rectangle, whose corners are fitted to the empty pixels of its box. */
const MAX_EMPTY_BOX = 0.04;
/** Mean distance (pixels, roughly) of the uncovered outline from a fitted ellipse. */
const MAX_RESIDUAL = 1;
/** Share of the visible region that may fall outside a fitted ellipse. */
const MAX_OUTSIDE = 0.03;

/**
 * Complete a partly covered flat region to the design primitive it is cut from: its bounding box (a rectangle or
 * rounded rectangle with a corner covered) or an axis-aligned ellipse fitted to its uncovered outline. The completion
 * may only extend under pixels that can hide it. Returns the completed mask, or undefined when the region is no such
 * primitive (a part of an emoji).
 */
export function fitShape(s: PartialShape): Uint8Array | undefined {
  return boxShape(s) ?? ellipseShape(s);
}

function boxShape(s: PartialShape): Uint8Array | undefined {
  const { width: w, box } = s;
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  let empty = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) if (!s.region[y * w + x] && !s.covered[y * w + x]) empty++;
  }
  // a rounded rectangle leaves its corners empty: (4 - π) r² in all
  const r = Math.min(Math.sqrt(empty / (4 - Math.PI)), bw / 2, bh / 2);
  const mask = new Uint8Array(s.region.length);
  let area = 0;
  empty = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const dx = Math.max(0, box.x0 + r - x - 0.5, x + 0.5 - (box.x1 + 1 - r));
      const dy = Math.max(0, box.y0 + r - y - 0.5, y + 0.5 - (box.y1 + 1 - r));
      if (dx * dx + dy * dy > r * r) continue;
      const i = y * w + x;
      mask[i] = 1;
      area++;
      if (!s.region[i] && !s.covered[i]) empty++;
    }
  }
  return empty <= MAX_EMPTY_BOX * area ? mask : undefined;
}

function ellipseShape(s: PartialShape): Uint8Array | undefined {
  const { width: w, height: h, outline } = s;
  const n = outline.length / 2;
  if (n < 12) return undefined;
  // least squares for A x² + B y² + C x + D y = 1 in coordinates centred and scaled on the visible box
  const mx = (s.box.x0 + s.box.x1) / 2;
  const my = (s.box.y0 + s.box.y1) / 2;
  const scale = Math.max(1, s.box.x1 - s.box.x0, s.box.y1 - s.box.y0) / 2;
  const m = Array.from({ length: 4 }, () => new Float64Array(5));
  for (let k = 0; k < n; k++) {
    const x = (outline[2 * k]! - mx) / scale;
    const y = (outline[2 * k + 1]! - my) / scale;
    const row = [x * x, y * y, x, y];
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) m[r]![c]! += row[r]! * row[c]!;
      m[r]![4]! += row[r]!;
    }
  }
  const sol = solve(m);
  if (!sol) return undefined;
  const [A, B, C, D] = sol as [number, number, number, number];
  if (!(A > 0 && B > 0)) return undefined;
  const F = 1 + (C * C) / (4 * A) + (D * D) / (4 * B);
  if (!(F > 0)) return undefined;
  const cx = mx + (-C / (2 * A)) * scale;
  const cy = my + (-D / (2 * B)) * scale;
  const ax = Math.sqrt(F / A) * scale;
  const ay = Math.sqrt(F / B) * scale;
  // the uncovered outline must be an ellipse, not just roughly round (a heart's lobe, a moon's lit side)
  let residual = 0;
  for (let k = 0; k < n; k++) {
    const rho = Math.hypot((outline[2 * k]! - cx) / ax, (outline[2 * k + 1]! - cy) / ay);
    residual += Math.abs(rho - 1) * Math.min(ax, ay);
  }
  if (residual > MAX_RESIDUAL * n) return undefined;
  let regionArea = 0;
  for (let y = s.box.y0; y <= s.box.y1; y++) for (let x = s.box.x0; x <= s.box.x1; x++) regionArea += s.region[y * w + x]!;
  // a completion several times the visible part is a guess, not a shape
  if (Math.PI * ax * ay > 3 * regionArea) return undefined;
  const mask = new Uint8Array(w * h);
  let area = 0;
  let empty = 0;
  const y0 = Math.max(0, Math.floor(cy - ay));
  const y1 = Math.min(h - 1, Math.ceil(cy + ay));
  for (let y = y0; y <= y1; y++) {
    const t = 1 - ((y - cy) / ay) ** 2;
    if (t < 0) continue;
    const half = ax * Math.sqrt(t);
    const xa = Math.max(0, Math.ceil(cx - half));
    const xb = Math.min(w - 1, Math.floor(cx + half));
    for (let x = xa; x <= xb; x++) {
      const i = y * w + x;
      mask[i] = 1;
      area++;
      if (!s.region[i] && !s.covered[i]) empty++;
    }
  }
  if (area === 0 || empty > MAX_EMPTY * area) return undefined;
  // the outline runs through pixel centres half a pixel inside the shape's edge: allow a pixel
  let outside = 0;
  for (let y = s.box.y0; y <= s.box.y1; y++) {
    for (let x = s.box.x0; x <= s.box.x1; x++) {
      if (s.region[y * w + x] && ((x - cx) / (ax + 1)) ** 2 + ((y - cy) / (ay + 1)) ** 2 > 1) outside++;
    }
  }
  if (outside > MAX_OUTSIDE * regionArea) return undefined;
  return mask;
}

/** Gauss-Jordan elimination with partial pivoting on an n x (n+1) augmented matrix. */
function solve(m: Float64Array[]): number[] | undefined {
  const n = m.length;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    if (Math.abs(m[pivot]![c]!) < 1e-12) return undefined;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const row = m[c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / row[c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * row[k]!;
    }
  }
  return m.map((row, r) => row[n]! / row[r]!);
}
