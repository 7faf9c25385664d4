import { describe, expect, it } from 'vitest';
import { dbPostprocess } from './dbPostprocess.js';

function probMap(width: number, height: number, rects: Array<[number, number, number, number, number]>): Float32Array {
  const p = new Float32Array(width * height);
  for (const [x, y, w, h, v] of rects) for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) p[yy * width + xx] = v;
  return p;
}

describe('dbPostprocess', () => {
  it('expands each kernel by A*r/L and maps it to image pixels', () => {
    // kernel 40 x 10 at (20, 30); d = 400 * 1.5 / 100 = 6
    const prob = probMap(128, 64, [[20, 30, 40, 10, 0.9]]);
    const [b, ...rest] = dbPostprocess(prob, 128, 64, 2, 2, 256, 128);
    expect(rest).toHaveLength(0);
    expect(b!.core).toEqual({ x: 40, y: 60, width: 80, height: 20 });
    expect(b!.box).toEqual({ x: 28, y: 48, width: 104, height: 44 });
    expect(b!.score).toBeCloseTo(0.9, 5);
  });
  it('drops weak and tiny kernels and clamps to the image', () => {
    const prob = probMap(64, 64, [[0, 0, 30, 8, 0.95], [10, 30, 30, 8, 0.4], [50, 50, 2, 2, 0.99]]);
    const boxes = dbPostprocess(prob, 64, 64, 1, 1, 64, 64);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.box.x).toBe(0);
    expect(boxes[0]!.box.y).toBe(0);
  });
  it('orders boxes top to bottom', () => {
    const prob = probMap(64, 64, [[5, 40, 30, 8, 0.9], [5, 5, 30, 8, 0.9]]);
    const boxes = dbPostprocess(prob, 64, 64, 1, 1, 64, 64);
    expect(boxes.map((b) => b.core.y)).toEqual([5, 40]);
  });
});
