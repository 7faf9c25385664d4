import { describe, expect, it } from 'vitest';
import type { LayerPlan } from './LayerPlan.js';
import { isBackgroundPiece, touchesFrame } from './backgroundPiece.js';

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
