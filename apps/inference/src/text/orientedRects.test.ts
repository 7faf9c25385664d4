import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../connectedComponents.js';
import { corners, orientedRects } from './orientedRects.js';

describe('orientedRects', () => {
  it('finds the angle and sides of a rotated bar', () => {
    const w = 120, h = 80;
    const mask = new Uint8Array(w * h);
    const angle = (20 * Math.PI) / 180;
    // a 80 x 10 bar centred at (60, 40), rotated by 20 degrees
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const dx = x + 0.5 - 60, dy = y + 0.5 - 40;
      const u = dx * Math.cos(angle) + dy * Math.sin(angle);
      const v = -dx * Math.sin(angle) + dy * Math.cos(angle);
      if (Math.abs(u) <= 40 && Math.abs(v) <= 5) mask[y * w + x] = 1;
    }
    const { labels, components } = connectedComponents(mask, w, h);
    const r = orientedRects(labels, w, components).get(1)!;
    expect((r.angle * 180) / Math.PI).toBeCloseTo(20, 0);
    expect(r.length).toBeGreaterThan(79);
    expect(r.length).toBeLessThan(83);
    expect(r.thickness).toBeGreaterThan(9);
    expect(r.thickness).toBeLessThan(13);
    expect(r.cx).toBeCloseTo(60, 0);
    expect(r.cy).toBeCloseTo(40, 0);
    const c = corners({ cx: 0, cy: 0, length: 4, thickness: 2, angle: 0 });
    expect(c).toEqual([[-2, -1], [2, -1], [2, 1], [-2, 1]]);
  });
});
