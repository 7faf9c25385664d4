import { describe, expect, it } from 'vitest';
import { mergeLineBoxes } from './mergeLineBoxes.js';

const det = (x: number, y: number, width: number, height: number) => ({
  box: { x, y, width, height },
  core: { x: x + 10, y: y + 10, width: width - 20, height: height - 20 },
  score: 0.9,
});

describe('mergeLineBoxes', () => {
  it('joins words of one line split at a wide gap and keeps separate columns and lines apart', () => {
    const lines = mergeLineBoxes([
      det(300, 100, 120, 60), // second word, listed first
      det(100, 102, 190, 58), // first word, gap 10 px
      det(700, 100, 100, 60), // another column, gap 280 px
      det(100, 10, 200, 50), // line above
    ]);
    expect(lines.map((l) => l.box)).toEqual([
      { x: 100, y: 10, width: 200, height: 50 },
      { x: 100, y: 100, width: 320, height: 60 },
      { x: 700, y: 100, width: 100, height: 60 },
    ]);
    expect(lines[1]!.core).toEqual({ x: 110, y: 110, width: 300, height: 40 });
  });
  it('does not join a line with much smaller text beside it', () => {
    expect(mergeLineBoxes([det(0, 0, 100, 80), det(105, 20, 100, 30)])).toHaveLength(2);
  });
});
