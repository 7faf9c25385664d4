import { describe, expect, it } from 'vitest';
import type { LayerPlan } from './LayerPlan.js';
import { coreFill, isBackgroundPiece, touchesFrame } from './backgroundPiece.js';

const W = 40;
const H = 30;

function plan(x0: number, y0: number, size: number, confidence: number): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) alpha[y * W + x] = 1;
  return { name: 'Object 1', kind: 'object', alpha, fill: 'patch', confidence, forced: false };
}

describe('isBackgroundPiece', () => {
  it('drops a doubtful component that runs off the frame', () => {
    expect(isBackgroundPiece(plan(0, 5, 10, 0.1), W, H)).toBe(true);
  });

  it('keeps a doubtful component inside the frame and a confident one at the border', () => {
    expect(isBackgroundPiece(plan(10, 5, 10, 0.1), W, H)).toBe(false);
    expect(isBackgroundPiece(plan(30, 20, 10, 0.9), W, H)).toBe(false);
  });

  it('takes a stricter doubt threshold where asked', () => {
    expect(isBackgroundPiece(plan(30, 20, 10, 0.5), W, H)).toBe(false);
    expect(isBackgroundPiece(plan(30, 20, 10, 0.5), W, H, 0.6)).toBe(true);
  });

  it('sees the core reach any edge', () => {
    expect(touchesFrame(plan(30, 0, 5, 1).alpha, W, H)).toBe(true);
    expect(touchesFrame(plan(5, 25, 5, 1).alpha, W, H)).toBe(true);
    expect(touchesFrame(plan(5, 5, 5, 1).alpha, W, H)).toBe(false);
  });
});

describe('coreFill', () => {
  it('is 1 for a filled square and small for a hairline ring', () => {
    expect(coreFill(plan(5, 5, 10, 1).alpha, W)).toBe(1);
    const ring = new Float32Array(80 * 60);
    for (let t = 0; t < 800; t++) {
      const x = Math.round(40 + 25 * Math.cos((t / 800) * 2 * Math.PI));
      const y = Math.round(30 + 25 * Math.sin((t / 800) * 2 * Math.PI));
      ring[y * 80 + x] = 1;
    }
    expect(coreFill(ring, 80)).toBeLessThan(0.1);
    expect(isBackgroundPiece({ ...plan(0, 0, 1, 1), alpha: ring }, 80, 60)).toBe(true);
  });
});
