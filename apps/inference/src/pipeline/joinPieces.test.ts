import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { joinPieces } from './joinPieces.js';
import type { LayerPlan } from './LayerPlan.js';

const W = 100;
const H = 80;

function plan(name: string, x0: number, y0: number, w: number, h: number): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) alpha[y * W + x] = 1;
  return { name, kind: 'object', alpha, fill: 'patch', confidence: 0.9, forced: false };
}

function paint(img: RgbaImage, p: LayerPlan, rgb: [number, number, number]): void {
  p.alpha.forEach((v, i) => v > 0 && img.data.set([...rgb, 255], i * 4));
}

describe('joinPieces', () => {
  it('joins nearby pieces of one colour and keeps a different-coloured neighbour apart', () => {
    const img = createImage(W, H);
    const a = plan('a', 10, 10, 8, 8);
    const b = plan('b', 20, 10, 8, 8);
    const c = plan('c', 30, 10, 8, 8);
    const far = plan('far', 80, 60, 8, 8);
    paint(img, a, [60, 40, 200]);
    paint(img, b, [70, 45, 190]);
    paint(img, c, [220, 40, 40]);
    paint(img, far, [60, 40, 200]);
    const out = joinPieces([a, b, c, far], img);
    expect(out.map((p) => p.name)).toEqual(['a', 'c', 'far']);
    expect(out[0]!.alpha[12 * W + 22]).toBe(1);
    expect(a.alpha[12 * W + 22]).toBe(0);
  });

  it('leaves text and large objects alone', () => {
    const img = createImage(W, H);
    const big = plan('big', 0, 0, 60, 60);
    const small = plan('small', 62, 0, 8, 8);
    const text = { ...plan('text', 62, 20, 8, 8), kind: 'text' as const };
    expect(joinPieces([big, small, text], img).map((p) => p.name)).toEqual(['big', 'small', 'text']);
  });
});
