import { describe, expect, it } from 'vitest';
import { gradientImage } from '../testing/testImages.js';
import { flatColour, isStrokes, trimHalo } from './flatColour.js';

const W = 120;
const H = 100;
const inSquare = (x: number, y: number): boolean => x >= 40 && x < 80 && y >= 30 && y < 70;

function square(paint: (x: number, y: number) => [number, number, number]): { alpha: Float32Array; image: ReturnType<typeof gradientImage> } {
  const image = gradientImage(W, H, 30);
  const alpha = new Float32Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (!inSquare(x, y)) continue;
      alpha[y * W + x] = 1;
      image.data.set(paint(x, y), (y * W + x) * 4);
    }
  }
  return { alpha, image };
}

describe('flatColour', () => {
  it('reads the colour of a one-colour object that stands out from its surroundings', () => {
    const { alpha, image } = square(() => [200, 20, 40]);
    const flat = flatColour(alpha, image, 0.8);
    expect(flat?.colour).toEqual([200, 20, 40]);
    expect(flat?.core).toHaveLength(40 * 40);
  });

  it('finds none in a multicoloured object, or in one the colour of its surroundings', () => {
    const halves = square((x) => (x < 60 ? [200, 20, 40] : [20, 40, 200]));
    expect(flatColour(halves.alpha, halves.image, 0.8)).toBeUndefined();
    // the gradient's colour around the square's middle, within the contrast of its surroundings
    const same = square(() => [93, 140, 160]);
    expect(flatColour(same.alpha, same.image, 0.8)).toBeUndefined();
  });

  it("cuts a one-colour object's soft halo beyond its rim, and leaves a multicoloured object's alone", () => {
    const { alpha, image } = square(() => [200, 20, 40]);
    // the matte's halo: 0.3 for 8 px around the square
    for (let y = 22; y < 78; y++) for (let x = 32; x < 88; x++) if (!inSquare(x, y)) alpha[y * W + x] = 0.3;
    const trimmed = trimHalo(alpha, image, 0.8);
    expect(trimmed[50 * W + 81]).toBeCloseTo(0.3); // 2 px out: the rim
    expect(trimmed[50 * W + 83]).toBe(0); // 4 px out: the halo
    expect(trimmed[50 * W + 60]).toBe(1);
    const halves = square((x) => (x < 60 ? [200, 20, 40] : [20, 40, 200]));
    for (let y = 22; y < 78; y++) for (let x = 32; x < 88; x++) if (!inSquare(x, y)) halves.alpha[y * W + x] = 0.3;
    expect(trimHalo(halves.alpha, halves.image, 0.8)).toBe(halves.alpha);
  });

  it('tells strokes (a ring 4 px wide) from an area (a filled square)', () => {
    const card = square(() => [200, 20, 40]);
    expect(isStrokes(flatColour(card.alpha, card.image, 0.8)!, W)).toBe(false);
    const ring = square(() => [200, 20, 40]);
    for (let y = 34; y < 66; y++) for (let x = 44; x < 76; x++) ring.alpha[y * W + x] = 0;
    expect(isStrokes(flatColour(ring.alpha, ring.image, 0.8)!, W)).toBe(true);
    // a bar 6 px high filling its box
    const bar = square(() => [200, 20, 40]);
    for (let y = 36; y < 70; y++) for (let x = 40; x < 80; x++) bar.alpha[y * W + x] = 0;
    expect(isStrokes(flatColour(bar.alpha, bar.image, 0.8)!, W)).toBe(true);
  });
});
