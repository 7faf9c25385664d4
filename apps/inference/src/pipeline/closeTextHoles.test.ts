import { describe, expect, it } from 'vitest';
import { closeTextHoles } from './closeTextHoles.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 40;
const H = 20;

describe('closeTextHoles', () => {
  it('fills the glyph-shaped holes text cut into an object, and nothing outside it', () => {
    const claimed = new Float32Array(W * H);
    const alpha = new Float32Array(W * H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const glyph = y >= 5 && y < 15 && x % 6 < 2; // vertical bars across the whole width
        if (glyph) claimed[y * W + x] = 1;
        else if (x >= 10 && x < 30) alpha[y * W + x] = 1; // the object, with the bars cut out
      }
    }
    const object: LayerPlan = { name: 'Object 1', kind: 'object', alpha, fill: 'patch', confidence: 1, forced: false };
    closeTextHoles([object], claimed, W, H);
    expect(alpha[10 * W + 12]).toBe(1); // a bar inside the object
    expect(alpha[10 * W + 24]).toBe(1);
    expect(alpha[10 * W + 6]).toBe(0); // a bar outside it
    expect(alpha[10 * W + 30]).toBe(0);
  });
});
