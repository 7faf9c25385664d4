import type { Box } from '../image.js';
import { connectedComponents } from '../connectedComponents.js';
import { corners, orientedRects, type OrientedRect } from './orientedRects.js';

export interface DetBox {
  /** The expanded (unclipped) text box in image pixels, clamped to the image. */
  box: Box;
  /** The shrunk text kernel the model predicted, in image pixels. */
  core: Box;
  /** Mean probability over the kernel. */
  score: number;
  /** For a line tilted by more than ~2 degrees: the expanded box along the text direction, in image pixels. */
  rotated?: OrientedRect;
}

/** Tilts below this are read from the axis-aligned box; above MAX_TILT the line is taken as upright text. */
const MIN_TILT = (2 * Math.PI) / 180;
const MAX_TILT = (45 * Math.PI) / 180;

export interface DbParams {
  thresh: number;
  boxThresh: number;
  unclipRatio: number;
  minSize: number;
}

/** PaddleOCR's DBPostProcess defaults. */
export const DB_DEFAULTS: DbParams = { thresh: 0.3, boxThresh: 0.6, unclipRatio: 1.5, minSize: 3 };

/**
 * Differentiable-binarisation post-processing on the probability map of the detector (`width` x `height` model
 * pixels): binarise, take connected kernels, score them, and expand each by the Vatti offset distance
 * A * r / L (A area, L perimeter, r the unclip ratio) that undoes the shrinking used in training. Boxes are axis
 * aligned; a kernel tilted by 2-45 degrees also gets its rotated rectangle (principal axes) for the recogniser.
 * `scaleX/scaleY` map model pixels to image pixels.
 */
export function dbPostprocess(
  prob: Float32Array,
  width: number,
  height: number,
  scaleX: number,
  scaleY: number,
  imageWidth: number,
  imageHeight: number,
  params: DbParams = DB_DEFAULTS,
): DetBox[] {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = prob[i]! > params.thresh ? 1 : 0;
  const { labels, components } = connectedComponents(mask, width, height);
  const sums = new Float64Array(components.length + 1);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l !== 0) sums[l]! += prob[i]!;
  }
  const rects = orientedRects(labels, width, components);
  const out: DetBox[] = [];
  for (const c of components) {
    const w = c.maxX - c.minX + 1;
    const h = c.maxY - c.minY + 1;
    if (Math.min(w, h) < params.minSize) continue;
    const score = sums[c.label]! / c.area;
    if (score < params.boxThresh) continue;
    const r = rects.get(c.label)!;
    const tilt = Math.abs(r.angle);
    if (tilt > MIN_TILT && tilt < MAX_TILT && r.length >= 1.5 * r.thickness) {
      const d = (r.length * r.thickness * params.unclipRatio) / (2 * (r.length + r.thickness));
      if (r.thickness + 2 * d < params.minSize + 2) continue;
      const grown = { ...r, length: r.length + 2 * d, thickness: r.thickness + 2 * d };
      const scaled = corners(grown).map(([x, y]) => [x * scaleX, y * scaleY] as [number, number]);
      const [c0, c1, , c3] = scaled as [[number, number], [number, number], [number, number], [number, number]];
      out.push({
        box: boundsOf(scaled, imageWidth, imageHeight),
        core: boundsOf(corners(r).map(([x, y]) => [x * scaleX, y * scaleY] as [number, number]), imageWidth, imageHeight),
        score,
        rotated: {
          cx: grown.cx * scaleX,
          cy: grown.cy * scaleY,
          length: Math.hypot(c1[0] - c0[0], c1[1] - c0[1]),
          thickness: Math.hypot(c3[0] - c0[0], c3[1] - c0[1]),
          angle: Math.atan2(c1[1] - c0[1], c1[0] - c0[0]),
        },
      });
      continue;
    }
    const d = (w * h * params.unclipRatio) / (2 * (w + h));
    if (Math.min(w, h) + 2 * d < params.minSize + 2) continue;
    out.push({
      box: toImageBox(c.minX - d, c.minY - d, c.maxX + 1 + d, c.maxY + 1 + d, scaleX, scaleY, imageWidth, imageHeight),
      core: toImageBox(c.minX, c.minY, c.maxX + 1, c.maxY + 1, scaleX, scaleY, imageWidth, imageHeight),
      score,
    });
  }
  out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return out;
}

function toImageBox(x0: number, y0: number, x1: number, y1: number, sx: number, sy: number, iw: number, ih: number): Box {
  const left = Math.max(0, Math.floor(x0 * sx));
  const top = Math.max(0, Math.floor(y0 * sy));
  const right = Math.min(iw, Math.ceil(x1 * sx));
  const bottom = Math.min(ih, Math.ceil(y1 * sy));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

function boundsOf(points: Array<[number, number]>, iw: number, ih: number): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return toImageBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), 1, 1, iw, ih);
}
