import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { paintRect, seeded } from '../testing/testImages.js';
import { surroundSimilarity } from './surroundSimilarity.js';

const W = 80;
const H = 60;

/** Coloured noise everywhere: a busy background like sequins. */
function busy(): ReturnType<typeof createImage> {
  const img = createImage(W, H);
  const rand = seeded(7);
  for (let i = 0; i < W * H; i++) {
    img.data.set([Math.floor(rand() * 256), Math.floor(rand() * 256), Math.floor(rand() * 256), 255], i * 4);
  }
  return img;
}

function square(x0: number, y0: number, size: number): Float32Array {
  const alpha = new Float32Array(W * H);
  for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) alpha[y * W + x] = 1;
  return alpha;
}

describe('surroundSimilarity', () => {
  it('scores a patch of a busy background as like its surroundings', () => {
    expect(surroundSimilarity(square(30, 20, 20), busy())).toBeGreaterThan(0.6);
  });

  it('scores a flat shape on the same background as unlike its surroundings', () => {
    const img = paintRect(busy(), 30, 20, 20, 20, [20, 120, 220]);
    expect(surroundSimilarity(square(30, 20, 20), img)).toBeLessThan(0.1);
  });

  it('is 0 for an empty alpha', () => {
    expect(surroundSimilarity(new Float32Array(W * H), busy())).toBe(0);
  });
});
