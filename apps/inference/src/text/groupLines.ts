import type { Box } from '../image.js';

function verticalOverlap(a: Box, b: Box): number {
  const o = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return o / Math.min(a.height, b.height);
}

/** Two boxes sit on one text line: they overlap vertically by most of the smaller one and have similar heights. */
export function sameLine(a: Box, b: Box): boolean {
  return verticalOverlap(a, b) > 0.6 && Math.max(a.height, b.height) < 1.6 * Math.min(a.height, b.height);
}

export function unionBox(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * Groups pieces of text (words or word runs the detector split at wide gaps) into lines: pieces whose text kernels
 * (`core`, free of the unclip margin, so a lone digit compares fairly with a word with descenders) sit on the same
 * line and whose boxes are at most `maxGap(a, b)` px apart join, transitively. Returns the lines in reading order (top to
 * bottom, left to right), each with its pieces left to right.
 */
export function groupLines<T extends { box: Box; core: Box }>(pieces: readonly T[], maxGap: (a: T, b: T) => number): T[][] {
  const groups: Array<{ box: Box; core: Box; items: T[] }> = pieces.map((p) => ({ box: p.box, core: p.core, items: [p] }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (!sameLine(a.core, b.core)) continue;
        const gap = Math.max(a.box.x, b.box.x) - Math.min(a.box.x + a.box.width, b.box.x + b.box.width);
        const ok = gap <= 0 || a.items.some((p) => b.items.some((q) => gap <= maxGap(p, q)));
        if (!ok) continue;
        groups[i] = { box: unionBox(a.box, b.box), core: unionBox(a.core, b.core), items: [...a.items, ...b.items] };
        groups.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  for (const g of groups) g.items.sort((a, b) => a.box.x - b.box.x);
  groups.sort((a, b) => (sameLine(a.core, b.core) ? a.box.x - b.box.x : a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2)));
  return groups.map((g) => g.items);
}
