import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import type { LayerPlan } from './LayerPlan.js';
import { continueCovered, stackText } from './stackText.js';

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

const BOX: [number, number, number] = [200, 60, 40];
const PAPER: [number, number, number] = [240, 240, 230];

/** The line over paper with the box drawn over it (`opacity` 1), under it (0), or see-through over it. */
function scene(boxOnTop: boolean, opacity = 1): RgbaImage {
  const img = createImage(W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const under = glyph(x, y) ? INK : PAPER;
      const a = box(x, y) ? (boxOnTop ? opacity : glyph(x, y) ? 0 : 1) : 0;
      img.data.set([0, 1, 2].map((c) => Math.round(a * BOX[c]! + (1 - a) * under[c]!)), (y * W + x) * 4);
      img.data[(y * W + x) * 4 + 3] = 255;
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

  it('puts a line beneath a box beyond its end that cuts its last glyph, not beneath one beside it', () => {
    const img = scene(true);
    const cutter = plan('box', 'object', (x, y) => x >= 61 && x < 90 && y >= 5 && y < 35);
    const cutLine = plan('line', 'text', (x, y) => glyph(x, y) && x < 61);
    expect(stackText([cutter], [cutLine], img).map((p) => p.name)).toEqual(['line', 'box']);
    const shortLine = plan('line', 'text', (x, y) => glyph(x, y) && x < 58);
    const beside = plan('box', 'object', (x, y) => x >= 62 && x < 90 && y >= 5 && y < 35);
    expect(stackText([beside], [shortLine], img).map((p) => p.name)).toEqual(['box', 'line']);
  });

  it('puts a line a box hides above a stamp its glyphs are printed over', () => {
    const img = scene(true);
    const text = plan('line', 'text', (x, y) => glyph(x, y) && !box(x, y));
    const stamp = plan('stamp', 'object', (x, y) => x >= 10 && x < 30 && y >= 20 && !glyph(x, y));
    expect(stackText([plan('box', 'object', box), stamp], [text], img).map((p) => p.name)).toEqual(['stamp', 'line', 'box']);
  });

  it('continues a line beneath an opaque box with its ink density, and reads its glyphs through a see-through one', () => {
    const hidden = plan('line', 'text', (x, y) => glyph(x, y) && !box(x, y));
    continueCovered([hidden, plan('box', 'object', box)], scene(true));
    expect(hidden.alpha[20 * W + 70]).toBeCloseTo(0.4, 1); // bars 2 px of every 5: density 0.4
    expect(hidden.alpha[20 * W + 72]).toBeCloseTo(0.4, 1);

    const tinted = plan('line', 'text', (x, y) => glyph(x, y) && !box(x, y));
    continueCovered([tinted, plan('box', 'object', box)], scene(true, 0.7));
    expect(tinted.alpha[20 * W + 70]).toBeCloseTo(1, 1); // a bar seen through the box
    expect(tinted.alpha[20 * W + 72]).toBe(0); // paper seen through it
  });
});
