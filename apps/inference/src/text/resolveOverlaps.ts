import type { Box } from '../image.js';
import { estimateFontSize } from './estimateFontSize.js';
import type { TextRegion } from './TextRegion.js';

/** A region with the text kernel it was found from (image pixels). */
export interface OwnedRegion {
  region: TextRegion;
  core: Box;
}

/**
 * In tightly set text a line's box reaches into its neighbours, and glyphs that touch across lines (a descender on
 * an ascender) end up in both regions. Gives every pixel claimed by two regions to the one whose kernel's centre
 * row is nearer, then shrinks each box to its remaining ink and re-derives the font size.
 */
export function resolveOverlaps(items: readonly OwnedRegion[]): TextRegion[] {
  const regions = items.map((i) => ({ ...i.region, alpha: { ...i.region.alpha, data: Float32Array.from(i.region.alpha.data) } }));
  const centre = items.map((i) => i.core.y + i.core.height / 2);
  const changed = new Set<number>();
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const a = regions[i]!;
      const b = regions[j]!;
      const x0 = Math.max(a.box.x, b.box.x);
      const y0 = Math.max(a.box.y, b.box.y);
      const x1 = Math.min(a.box.x + a.box.width, b.box.x + b.box.width);
      const y1 = Math.min(a.box.y + a.box.height, b.box.y + b.box.height);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const pa = (y - a.box.y) * a.box.width + (x - a.box.x);
          const pb = (y - b.box.y) * b.box.width + (x - b.box.x);
          if (a.alpha.data[pa]! <= 0 || b.alpha.data[pb]! <= 0) continue;
          if (Math.abs(y + 0.5 - centre[i]!) <= Math.abs(y + 0.5 - centre[j]!)) {
            b.alpha.data[pb] = 0;
            changed.add(j);
          } else {
            a.alpha.data[pa] = 0;
            changed.add(i);
          }
        }
      }
    }
  }
  const out: TextRegion[] = [];
  for (let k = 0; k < regions.length; k++) {
    const r = regions[k]!;
    if (!changed.has(k)) {
      out.push(items[k]!.region);
      continue;
    }
    const tight = shrink(r);
    if (tight) out.push(tight);
  }
  return out;
}

function shrink(r: TextRegion): TextRegion | null {
  const { width: w, height: h, data } = r.alpha;
  let minX = w, minY = h, maxX = -1, maxY = -1, inkTop = h, inkBottom = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      if (v <= 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (v >= 0.5) {
        if (y < inkTop) inkTop = y;
        if (y > inkBottom) inkBottom = y;
      }
    }
  }
  if (maxX < 0 || inkBottom < 0) return null;
  const bw = maxX - minX + 1;
  const bh = maxY - minY + 1;
  const alpha = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) alpha.set(data.subarray((minY + y) * w + minX, (minY + y) * w + minX + bw), y * bw);
  return {
    ...r,
    box: { x: r.box.x + minX, y: r.box.y + minY, width: bw, height: bh },
    alpha: { width: bw, height: bh, data: alpha },
    fontSize: estimateFontSize(inkBottom - inkTop + 1, r.content),
  };
}
