import type { Box } from '../image.js';
import type { DetBox } from './dbPostprocess.js';

/** Boxes on the same line closer than this fraction of the taller box height are one line. */
const MAX_GAP = 0.6;

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function verticalOverlap(a: Box, b: Box): number {
  const o = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return o / Math.min(a.height, b.height);
}

function sameLine(a: Box, b: Box): boolean {
  return verticalOverlap(a, b) > 0.6 && Math.max(a.height, b.height) < 1.6 * Math.min(a.height, b.height);
}

/**
 * The detector splits a line at wide word gaps (bold display type, letter-spaced headings). Joins boxes that sit on
 * the same line, have similar heights and almost touch, then orders lines top to bottom, left to right.
 */
export function mergeLineBoxes(boxes: readonly DetBox[]): DetBox[] {
  const out = boxes.map((b) => ({ ...b, weight: 1 }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (!sameLine(a.box, b.box)) continue;
        const gap = Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.width, b.box.x + b.box.width);
        if (gap > MAX_GAP * Math.max(a.box.height, b.box.height)) continue;
        const weight = a.weight + b.weight;
        out[i] = {
          box: union(a.box, b.box),
          core: union(a.core, b.core),
          score: (a.score * a.weight + b.score * b.weight) / weight,
          weight,
        };
        out.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  const lines = out.map(({ box, core, score }) => ({ box, core, score }));
  lines.sort((a, b) => (sameLine(a.box, b.box) ? a.box.x - b.box.x : a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2)));
  return lines;
}
