import { connectedComponents } from '../connectedComponents.js';

/** 8-connected component labels of `mask` (0 = outside). Returns labels (1..count) and each component's size. */
export function labelComponents(
  mask: Uint8Array,
  w: number,
  h: number,
): { labels: Int32Array; count: number; sizes: number[] } {
  const { labels, components } = connectedComponents(mask, w, h);
  return { labels, count: components.length, sizes: [0, ...components.map((c) => c.area)] };
}

/**
 * Grow labels into the pixels where `allowed` is set, breadth first (each pixel joins the nearest label), so a soft
 * matte's fringe is shared out between the components it surrounds.
 */
export function growLabels(labels: Int32Array, allowed: Uint8Array, w: number, h: number): Int32Array {
  const out = Int32Array.from(labels);
  let frontier: number[] = [];
  for (let i = 0; i < out.length; i++) if (out[i]) frontier.push(i);
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const p of frontier) {
      const x = p % w;
      const y = (p - x) / w;
      const neighbours = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      for (const q of neighbours) {
        if (q >= 0 && allowed[q] && !out[q]) {
          out[q] = out[p]!;
          next.push(q);
        }
      }
    }
    frontier = next;
  }
  return out;
}
