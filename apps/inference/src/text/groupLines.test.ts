import { describe, expect, it } from 'vitest';
import { groupLines } from './groupLines.js';

const piece = (name: string, x: number, y: number, width: number, height: number) => ({
  name,
  box: { x, y, width, height },
  core: { x, y, width, height },
});

describe('groupLines', () => {
  it('joins words of one line split at a gap and keeps separate columns and lines apart', () => {
    const lines = groupLines(
      [
        piece('second', 300, 100, 120, 60),
        piece('first', 100, 102, 190, 58), // gap 10 px
        piece('column', 700, 100, 100, 60), // gap 280 px
        piece('above', 100, 10, 200, 50),
      ],
      (a, b) => 0.8 * Math.max(a.box.height, b.box.height),
    );
    expect(lines.map((l) => l.map((p) => p.name))).toEqual([['above'], ['first', 'second'], ['column']]);
  });
  it('lets the caller widen the gap (letter-spaced text) and never joins much smaller text', () => {
    const wide = [piece('a', 0, 0, 100, 50), piece('b', 160, 0, 100, 50)];
    expect(groupLines(wide, () => 40)).toHaveLength(2);
    expect(groupLines(wide, () => 60)).toHaveLength(1);
    expect(groupLines([piece('big', 0, 0, 100, 80), piece('small', 105, 20, 100, 30)], () => 100)).toHaveLength(2);
  });
});
