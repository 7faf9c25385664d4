import type { Box, RgbaImage } from '../image.js';
import { connectedComponents, type Component } from '../connectedComponents.js';

export interface LineCandidate {
  /** Line box with a background margin around the ink. */
  box: Box;
  /** Union of the glyph components' boxes. */
  core: Box;
}

const CONTRAST = 28;

/**
 * A model-free text line finder: strokes are pixels that differ from their neighbourhood mean (box filter, per
 * channel) by more than a fixed contrast; glyph-sized connected components are chained into lines when they overlap
 * vertically, have similar heights and are at most 1.5 glyph heights apart. Small marks (dots, commas) join the line
 * that contains them; a line needs at least two glyphs.
 */
export function classicalTextLines(image: RgbaImage): LineCandidate[] {
  const { width: w, height: h, data } = image;
  const n = w * h;
  const r = Math.max(6, Math.min(16, Math.round(Math.min(w, h) / 40)));
  const luma = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const a = data[p * 4 + 3]! / 255;
    const y = 0.299 * data[p * 4]! + 0.587 * data[p * 4 + 1]! + 0.114 * data[p * 4 + 2]!;
    luma[p] = y * a + 255 * (1 - a);
  }
  const mean = boxMean(luma, w, h, r);
  const found: LineCandidate[] = [];
  // Dark ink on light ground, then light ink on dark ground: one polarity at a time, so that the background next
  // to a stroke (which differs from the local mean the other way) never joins the stroke.
  for (const sign of [1, -1]) {
    const mask = new Uint8Array(n);
    for (let p = 0; p < n; p++) if (sign * (mean[p]! - luma[p]!) > CONTRAST) mask[p] = 1;
    found.push(...linesFromMask(mask, w, h));
  }
  // Where both polarities found a line (ink inside a filled shape), keep the larger one.
  found.sort((a, b) => b.core.width * b.core.height - a.core.width * a.core.height);
  const out: LineCandidate[] = [];
  for (const line of found) if (!out.some((o) => overlapRatio(o.core, line.core) > 0.5)) out.push(line);
  out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return out;
}

function overlapRatio(a: Box, b: Box): number {
  const ix = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const iy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (ix <= 0 || iy <= 0) return 0;
  return (ix * iy) / Math.min(a.width * a.height, b.width * b.height);
}

function linesFromMask(mask: Uint8Array, w: number, h: number): LineCandidate[] {
  const { components } = connectedComponents(mask, w, h);
  const glyphs: Component[] = [];
  const marks: Component[] = [];
  for (const c of components) {
    const cw = c.maxX - c.minX + 1;
    const ch = c.maxY - c.minY + 1;
    if (ch >= 6 && ch <= h / 2 && cw <= 4 * ch && c.area >= 8) glyphs.push(c);
    else if (ch < 6 && cw < 12 && c.area >= 2) marks.push(c);
  }
  if (glyphs.length > 4000) return [];
  glyphs.sort((a, b) => a.minX - b.minX);
  const parent = glyphs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < glyphs.length; i++) {
    const a = glyphs[i]!;
    const ha = a.maxY - a.minY + 1;
    for (let j = i + 1; j < glyphs.length; j++) {
      const b = glyphs[j]!;
      const hb = b.maxY - b.minY + 1;
      const gap = b.minX - a.maxX - 1;
      if (gap > 2 * Math.max(ha, hb)) break;
      if (gap > 1.5 * Math.max(ha, hb)) continue;
      const overlap = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY) + 1;
      if (overlap < 0.5 * Math.min(ha, hb) || Math.max(ha, hb) > 3 * Math.min(ha, hb)) continue;
      // centres on one line (caps vs. x-height letters differ by ~0.15 of the cap height)
      if (Math.abs(a.minY + a.maxY - b.minY - b.maxY) / 2 > 0.35 * Math.max(ha, hb)) continue;
      parent[find(j)] = find(i);
    }
  }
  const lines = new Map<number, { minX: number; minY: number; maxX: number; maxY: number; count: number; heights: number[] }>();
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    const root = find(i);
    const l = lines.get(root);
    if (!l) lines.set(root, { minX: g.minX, minY: g.minY, maxX: g.maxX, maxY: g.maxY, count: 1, heights: [g.maxY - g.minY + 1] });
    else {
      l.minX = Math.min(l.minX, g.minX);
      l.minY = Math.min(l.minY, g.minY);
      l.maxX = Math.max(l.maxX, g.maxX);
      l.maxY = Math.max(l.maxY, g.maxY);
      l.count++;
      l.heights.push(g.maxY - g.minY + 1);
    }
  }
  const out: LineCandidate[] = [];
  for (const l of lines.values()) {
    if (l.count < 2) continue;
    const lh = l.maxY - l.minY + 1;
    // a chain that drifted across lines (texture specks bridging them) is not one line
    const typical = l.heights.sort((a, b) => a - b)[l.heights.length >> 1]!;
    if (lh > 2 * typical) continue;
    // two or more glyphs side by side are wider than tall; arcs of a large shape's outline are not
    if (l.maxX - l.minX + 1 < 1.2 * lh) continue;
    // marks join the line they sit in (measured against the glyphs only, so specks cannot chain outwards)
    const g = { minX: l.minX, minY: l.minY, maxX: l.maxX, maxY: l.maxY };
    for (const m of marks) {
      if (m.minX >= g.minX - lh / 2 && m.maxX <= g.maxX + lh / 2 && m.minY >= g.minY - lh / 2 && m.maxY <= g.maxY + lh / 2) {
        l.minX = Math.min(l.minX, m.minX);
        l.minY = Math.min(l.minY, m.minY);
        l.maxX = Math.max(l.maxX, m.maxX);
        l.maxY = Math.max(l.maxY, m.maxY);
      }
    }
    const core = { x: l.minX, y: l.minY, width: l.maxX - l.minX + 1, height: l.maxY - l.minY + 1 };
    const m = Math.max(2, Math.round(core.height * 0.25));
    const x = Math.max(0, core.x - m);
    const y = Math.max(0, core.y - m);
    out.push({
      core,
      box: { x, y, width: Math.min(w, core.x + core.width + m) - x, height: Math.min(h, core.y + core.height + m) - y },
    });
  }
  return out;
}

/** Mean over a (2r+1)^2 window clipped to the image, via an integral image. */
function boxMean(plane: Float32Array, w: number, h: number, r: number): Float32Array {
  const W = w + 1;
  const s = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += plane[y * w + x]!;
      s[(y + 1) * W + x + 1] = s[y * W + x + 1]! + row;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - r);
    const yb = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - r);
      const xb = Math.min(w, x + r + 1);
      const sum = s[yb * W + xb]! - s[ya * W + xb]! - s[yb * W + xa]! + s[ya * W + xa]!;
      out[y * w + x] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}
