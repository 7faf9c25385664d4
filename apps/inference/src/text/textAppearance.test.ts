import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImage, type Matte, type RgbaImage } from '../image.js';
import { textAppearance } from './textAppearance.js';

/** The coverage of "Hamburg 2" in DejaVu Sans 40 px, from a white-on-transparent rendering. */
async function glyphCoverage(width: number, height: number): Promise<Matte> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="20" y="60" font-family="DejaVu Sans" font-size="40" fill="#fff">Hamburg 2</text></svg>`;
  const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const m = { width, height, data: new Float32Array(width * height) };
  for (let p = 0; p < width * height; p++) m.data[p] = data[p * 4 + 3]! / 255;
  return m;
}

/** Composites ink over a background given per pixel, straight alpha, rounded to 8 bits. */
function compose(cov: Matte, ink: number[], bgAt: (x: number, y: number) => number[]): RgbaImage {
  const img = createImage(cov.width, cov.height);
  for (let y = 0; y < cov.height; y++) {
    for (let x = 0; x < cov.width; x++) {
      const p = y * cov.width + x;
      const a = cov.data[p]!;
      const bg = bgAt(x, y);
      for (let c = 0; c < 3; c++) img.data[p * 4 + c] = Math.round(bg[c]! * (1 - a) + ink[c]! * a);
      img.data[p * 4 + 3] = 255;
    }
  }
  return img;
}

function maxAlphaError(cov: Matte, region: { box: { x: number; y: number; width: number; height: number }; alpha: Matte }): number {
  let max = 0;
  for (let y = 0; y < cov.height; y++) {
    for (let x = 0; x < cov.width; x++) {
      const bx = x - region.box.x;
      const by = y - region.box.y;
      const inside = bx >= 0 && by >= 0 && bx < region.box.width && by < region.box.height;
      const got = inside ? region.alpha.data[by * region.box.width + bx]! : 0;
      max = Math.max(max, Math.abs(got - cov.data[y * cov.width + x]!));
    }
  }
  return max;
}

describe('textAppearance', () => {
  it('recovers the anti-aliased glyph coverage and the ink colour on a flat background', async () => {
    const cov = await glyphCoverage(260, 90);
    const img = compose(cov, [200, 30, 60], () => [240, 235, 210]);
    const r = textAppearance(img, { x: 10, y: 20, width: 240, height: 60 }, { x: 25, y: 35, width: 200, height: 20 }, 'Hamburg 2');
    expect(r).not.toBeNull();
    expect(r!.color).toEqual([200, 30, 60]);
    expect(maxAlphaError(cov, r!)).toBeLessThan(0.02);
    // glyph-shaped: most of the box is empty, and partial values exist on edges
    let clear = 0;
    let partial = 0;
    for (const v of r!.alpha.data) {
      if (v < 0.02) clear++;
      else if (v < 0.98) partial++;
    }
    expect(clear / r!.alpha.data.length).toBeGreaterThan(0.4);
    expect(partial).toBeGreaterThan(100);
    expect(r!.fontSize).toBeGreaterThan(36);
    expect(r!.fontSize).toBeLessThan(44);
  });

  it('follows a background gradient and light-on-dark text', async () => {
    const cov = await glyphCoverage(260, 90);
    const img = compose(cov, [250, 250, 250], (x) => [20 + x * 0.3, 40, 90 - x * 0.2]);
    const r = textAppearance(img, { x: 10, y: 20, width: 240, height: 60 }, null, 'Hamburg 2');
    expect(r).not.toBeNull();
    for (const c of r!.color) expect(Math.abs(c - 250)).toBeLessThanOrEqual(3);
    expect(maxAlphaError(cov, r!)).toBeLessThan(0.03);
  });

  it('drops a neighbouring line that pokes into the box and returns null for a flat box', async () => {
    const cov = await glyphCoverage(260, 90);
    const img = compose(cov, [0, 0, 0], () => [255, 255, 255]);
    // a bar from the line above reaching into the top edge of the box
    for (let y = 18; y < 24; y++) for (let x = 100; x < 110; x++) img.data.set([0, 0, 0, 255], (y * 260 + x) * 4);
    const r = textAppearance(img, { x: 10, y: 20, width: 240, height: 60 }, { x: 25, y: 35, width: 200, height: 20 }, 'Hamburg 2');
    expect(r!.box.y).toBeGreaterThan(24);
    expect(textAppearance(compose({ width: 50, height: 50, data: new Float32Array(2500) }, [0, 0, 0], () => [9, 9, 9]), { x: 0, y: 0, width: 50, height: 50 }, null, '')).toBeNull();
  });
});

describe('textAppearance with two inks', () => {
  it('covers fill and outline, with the fill as colour and the outline as second colour', async () => {
    const text = (fill: string, stroke: string, bg: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="100">${bg}<text x="20" y="70" font-family="DejaVu Sans" font-weight="bold" font-size="56" fill="${fill}" stroke="${stroke}" stroke-width="3">Bold 42</text></svg>`;
    const render = async (svg: string): Promise<RgbaImage> => {
      const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
    };
    const img = await render(text('#ffe14d', '#7a1f00', '<rect width="100%" height="100%" fill="#5a8fc7"/>'));
    const shape = await render(text('#fff', '#fff', ''));
    const r = textAppearance(img, { x: 5, y: 10, width: 350, height: 85 }, { x: 25, y: 35, width: 200, height: 20 }, 'Bold 42');
    expect(r).not.toBeNull();
    expect(r!.color).toEqual([0xff, 0xe1, 0x4d]);
    expect(r!.secondColor).toEqual([0x7a, 0x1f, 0x00]);
    let inter = 0;
    let union = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const g = shape.data[(y * img.width + x) * 4 + 3]! / 255;
        const bx = x - r!.box.x;
        const by = y - r!.box.y;
        const a = bx >= 0 && by >= 0 && bx < r!.box.width && by < r!.box.height ? r!.alpha.data[by * r!.box.width + bx]! : 0;
        inter += Math.min(a, g);
        union += Math.max(a, g);
      }
    }
    expect(inter / union).toBeGreaterThan(0.95);
  });
});
