import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import type { LayerPlan } from './LayerPlan.js';
import { stackText } from './stackText.js';

const W = 120;
const H = 40;
const INK: [number, number, number] = [20, 20, 20];

function plan(name: string, kind: 'object' | 'text', mask: (x: number, y: number) => boolean): LayerPlan {
  const alpha = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (mask(x, y)) alpha[y * W + x] = 1;
  return {
    name,
    kind,
    alpha,
    fill: kind === 'text' ? 'diffusion' : 'patch',
    ...(kind === 'text' ? { text: { content: name, fontSize: 10, color: INK } } : {}),
    confidence: 1,
    forced: false,
  };
}

/** A line of "glyphs" (2 px bars every 5 px) in rows 15..24, from x = 10 to 100. */
const glyph = (x: number, y: number): boolean => y >= 15 && y < 25 && x >= 10 && x < 100 && x % 5 < 2;
const box = (x: number, y: number): boolean => x >= 60 && x < 90 && y >= 5 && y < 35;

function scene(boxOnTop: boolean): RgbaImage {
  const img = createImage(W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const inBox = box(x, y);
      const ink = glyph(x, y) && !(inBox && boxOnTop);
      img.data.set(ink ? [...INK, 255] : inBox ? [200, 60, 40, 255] : [240, 240, 230, 255], (y * W + x) * 4);
    }
  }
  return img;
}

describe('stackText', () => {
  it('keeps text on top of a box it is printed over', () => {
    const img = scene(false);
    const text = plan('line', 'text', glyph);
    const object = plan('box', 'object', (x, y) => box(x, y) && !glyph(x, y));
    expect(stackText([object], [text], img).map((p) => p.name)).toEqual(['box', 'line']);
  });

  it('puts text beneath a box that hides part of it', () => {
    const img = scene(true);
    const text = plan('line', 'text', (x, y) => glyph(x, y) && !box(x, y));
    const object = plan('box', 'object', box);
    const other = plan('other', 'object', (x, y) => x >= 105 && y < 10);
    expect(stackText([object, other], [text], img).map((p) => p.name)).toEqual(['line', 'box', 'other']);
  });
});
