import { describe, expect, it } from 'vitest';
import { createImage, type RgbaImage } from '../image.js';
import { inkRunRight } from './extendLine.js';

function fill(image: RgbaImage, x0: number, y0: number, x1: number, y1: number, rgb: [number, number, number]): void {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      image.data[i] = rgb[0];
      image.data[i + 1] = rgb[1];
      image.data[i + 2] = rgb[2];
      image.data[i + 3] = 255;
    }
  }
}

describe('inkRunRight', () => {
  const ink: [number, number, number] = [90, 10, 60];
  const scene = (): RgbaImage => {
    const image = createImage(200, 40);
    fill(image, 0, 0, 200, 40, [90, 200, 80]);
    // glyph stems every 8 px up to x = 60 (the detected box), then more glyphs behind an icon stroke
    for (let x = 10; x < 60; x += 8) fill(image, x, 10, x + 3, 30, ink);
    fill(image, 64, 10, 67, 30, ink);
    fill(image, 68, 0, 80, 40, [205, 50, 210]); // icon stroke over the line
    fill(image, 84, 10, 87, 30, ink);
    fill(image, 92, 10, 95, 30, ink);
    return image;
  };
  const box = { x: 5, y: 5, width: 60, height: 30 };
  const core = { x: 10, y: 10, width: 50, height: 20 };

  it('follows glyphs of the line colour past the box, across a thin occluding stroke', () => {
    expect(inkRunRight(scene(), box, core, ink)).toBe(95);
  });
  it('stops at a gap wider than a word space and ignores other colours', () => {
    const image = scene();
    fill(image, 130, 10, 133, 30, ink); // 35 px beyond the last glyph: more than 1.3 kernel heights
    expect(inkRunRight(image, box, core, ink)).toBe(95);
    expect(inkRunRight(image, box, core, [250, 250, 250])).toBe(65);
  });
});
