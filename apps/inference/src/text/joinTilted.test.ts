import { describe, expect, it } from 'vitest';
import { joinTilted } from './joinTilted.js';

const deg = (d: number): number => (d * Math.PI) / 180;

describe('joinTilted', () => {
  it('joins two words on one tilted line into one rectangle', () => {
    const a = { cx: 100, cy: 100, length: 100, thickness: 30, angle: deg(10) };
    // next word 120 px further along the same axis (gap 120 - 50 - 40 = 30 px)
    const b = { cx: 100 + 120 * Math.cos(deg(10)), cy: 100 + 120 * Math.sin(deg(10)), length: 80, thickness: 30, angle: deg(10) };
    const j = joinTilted(a, b, 40)!;
    expect(j.length).toBeCloseTo(210, 0);
    expect(j.thickness).toBeCloseTo(30, 0);
    expect((j.angle * 180) / Math.PI).toBeCloseTo(10, 5);
    expect(joinTilted(a, b, 20)).toBeNull();
  });
  it('keeps parallel lines and different angles apart', () => {
    const a = { cx: 100, cy: 100, length: 100, thickness: 30, angle: deg(10) };
    expect(joinTilted(a, { ...a, cx: 100 - 40 * Math.sin(deg(10)), cy: 100 + 40 * Math.cos(deg(10)) }, 100)).toBeNull();
    expect(joinTilted(a, { ...a, cx: 210, angle: deg(25) }, 100)).toBeNull();
  });
});
