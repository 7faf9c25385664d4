import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from './resolveOverlaps.js';
import type { TextRegion } from './TextRegion.js';

function region(y: number, height: number, fill: (row: number) => number): TextRegion {
  const data = new Float32Array(4 * height);
  for (let r = 0; r < height; r++) data.fill(fill(r), r * 4, r * 4 + 4);
  return { box: { x: 0, y, width: 4, height }, alpha: { width: 4, height, data }, color: [0, 0, 0], content: 'Ab', fontSize: 10, confidence: 1 };
}

describe('resolveOverlaps', () => {
  it('gives shared pixels to the line whose kernel is nearer and shrinks the loser', () => {
    // line A rows 0..9 (kernel centre 4), line B rows 6..15 (kernel centre 11): rows 6..9 shared
    const a = region(0, 10, () => 1);
    const b = region(6, 10, () => 1);
    const [ra, rb] = resolveOverlaps([
      { region: a, core: { x: 0, y: 2, width: 4, height: 4 } },
      { region: b, core: { x: 0, y: 9, width: 4, height: 4 } },
    ]);
    // rows 6, 7 are nearer A's centre (4) than B's (11); rows 8, 9 nearer B (tie at 7.5 goes to A)
    expect(ra!.box).toEqual({ x: 0, y: 0, width: 4, height: 8 });
    expect(rb!.box).toEqual({ x: 0, y: 8, width: 4, height: 8 });
    expect(rb!.fontSize).toBeCloseTo(8 / 0.73, 0); // re-derived from the 8 rows left
    expect(a.alpha.data[9 * 4]).toBe(1); // inputs untouched
  });
  it('returns regions that share nothing unchanged', () => {
    const a = region(0, 5, () => 1);
    const b = region(10, 5, () => 1);
    const out = resolveOverlaps([
      { region: a, core: { x: 0, y: 1, width: 4, height: 3 } },
      { region: b, core: { x: 0, y: 11, width: 4, height: 3 } },
    ]);
    expect(out[0]).toBe(a);
    expect(out[1]).toBe(b);
  });
});
