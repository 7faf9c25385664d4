import { describe, expect, it } from 'vitest';
import { decompose, type DecomposeOptions } from './decompose.js';
import { DecomposeError } from './errors.js';
import { createImage, type Matte, type RgbaImage } from './image.js';
import { ContrastMatter } from './objects/ContrastMatter.js';
import type { Matter } from './objects/Matter.js';
import { compareImages, compositeLayers } from './pipeline/composite.js';
import { noText, type TextDetector } from './pipeline/textStage.js';
import { gradientImage, paintDisc, paintRect } from './testing/testImages.js';

/** Flat-colour design: light background, red disc, half-transparent blue square, dark "text" bar. */
function design(): RgbaImage {
  const img = createImage(96, 72);
  for (let i = 0; i < 96 * 72; i++) img.data.set([240, 236, 228, 255], i * 4);
  paintDisc(img, 26, 30, 14, [220, 30, 40]);
  paintRect(img, 56, 36, 26, 22, [20, 40, 220], 0.6);
  return img;
}

const classical: Pick<DecomposeOptions, 'matter' | 'detectText'> = { matter: new ContrastMatter(), detectText: noText };

function recomposes(input: RgbaImage, layers: Awaited<ReturnType<typeof decompose>>): void {
  const comp = compositeLayers(input.width, input.height, layers);
  const score = compareImages(input, comp);
  expect(score.psnr).toBeGreaterThanOrEqual(50);
  expect(score.withinTolerance).toBeGreaterThanOrEqual(0.999);
}

describe('decompose (classical stages)', () => {
  it('finds the objects, crops them, and recomposes exactly', async () => {
    const input = design();
    const stages = new Set<string>();
    const layers = await decompose(input, { layers: 'auto', ...classical, onProgress: (s) => stages.add(s) });
    expect(layers.map((l) => l.kind)).toEqual(['background', 'object', 'object']);
    expect(layers[0]).toMatchObject({ x: 0, y: 0, width: 96, height: 72 });
    const disc = layers.find((l) => l.kind === 'object' && l.x < 20)!;
    expect(disc.width).toBeGreaterThanOrEqual(28);
    expect(disc.width).toBeLessThanOrEqual(32);
    const square = layers.find((l) => l.kind === 'object' && l.x >= 50)!;
    // the 60% square is unblended against the completed background: a see-through blue (the most transparent
    // exact explanation, 55%, since its colour is ambiguous within a few percent of opacity)
    const mid = ((square.height >> 1) * square.width + (square.width >> 1)) * 4;
    expect(Math.abs(square.rgba.data[mid + 3]! - 153)).toBeLessThanOrEqual(15);
    expect(square.rgba.data[mid + 2]).toBeGreaterThan(200);
    expect([...stages]).toEqual(['text', 'objects', 'fill', 'unblend']);
    recomposes(input, layers);
  });

  it.each([2, 3, 5])('gives exactly %i layers on request', async (n) => {
    const input = design();
    const layers = await decompose(input, { layers: n, ...classical });
    expect(layers).toHaveLength(n);
    recomposes(input, layers);
  });

  it('puts text on top with its string and colour, using the text stage', async () => {
    const input = design();
    paintRect(input, 10, 60, 30, 6, [10, 10, 10]);
    const alpha: Matte = { width: 30, height: 6, data: new Float32Array(180).fill(1) };
    const detectText: TextDetector = () =>
      Promise.resolve([{ box: { x: 10, y: 60, width: 30, height: 6 }, alpha, color: [10, 10, 10], content: 'Hi', fontSize: 6, confidence: 0.9 }]);
    const layers = await decompose(input, { layers: 'auto', matter: new ContrastMatter(), detectText });
    const top = layers.at(-1)!;
    expect(top).toMatchObject({ kind: 'text', x: 10, y: 60, text: { content: 'Hi', color: [10, 10, 10] } });
    expect(layers.filter((l) => l.kind === 'object')).toHaveLength(2);
    recomposes(input, layers);
  });

  it('keeps a glyph read from inside an object (a letter on an emoji) in that object', async () => {
    const input = design();
    paintRect(input, 22, 24, 8, 12, [10, 10, 10]);
    const alpha: Matte = { width: 8, height: 12, data: new Float32Array(96).fill(1) };
    const detectText: TextDetector = () =>
      Promise.resolve([{ box: { x: 22, y: 24, width: 8, height: 12 }, alpha, color: [10, 10, 10], content: 'X', fontSize: 12, confidence: 0.5 }]);
    const layers = await decompose(input, { layers: 'auto', matter: new ContrastMatter(), detectText });
    expect(layers.map((l) => l.kind)).toEqual(['background', 'object', 'object']);
    const disc = layers.find((l) => l.kind === 'object' && l.x < 20)!;
    const at = ((30 - disc.y) * disc.width + (26 - disc.x)) * 4;
    expect([...disc.rgba.data.subarray(at, at + 4)]).toEqual([10, 10, 10, 255]);
    recomposes(input, layers);
  });

  it('honours a hint on something the matte misses', async () => {
    const input = gradientImage(96, 72);
    paintRect(input, 30, 20, 20, 20, [200, 200, 60]);
    const blind: Matter = { name: 'blind', matte: (img) => Promise.resolve({ width: img.width, height: img.height, data: new Float32Array(img.width * img.height) }) };
    const layers = await decompose(input, { layers: 'auto', matter: blind, detectText: noText, hints: [{ x: 35, y: 25 }] });
    expect(layers).toHaveLength(2);
    expect(layers[1]).toMatchObject({ x: 30, y: 20, width: 20, height: 20, name: 'Hint 1' });
    recomposes(input, layers);
  });

  it('splits an RGBA layer: its alpha is kept and transparent pixels are never content', async () => {
    const input = design();
    for (let y = 0; y < 72; y++) for (let x = 0; x < 96; x++) if (x < 8 || y > 66) input.data[(y * 96 + x) * 4 + 3] = 0;
    for (let x = 8; x < 96; x++) input.data[(10 * 96 + x) * 4 + 3] = 100;
    const layers = await decompose(input, { layers: 3, ...classical });
    expect(layers).toHaveLength(3);
    recomposes(input, layers);
    for (const l of layers) {
      for (let y = 0; y < l.height; y++) {
        for (let x = 0; x < l.width; x++) {
          if (l.x + x < 8 || l.y + y > 66) expect(l.rgba.data[(y * l.width + x) * 4 + 3]).toBe(0);
        }
      }
    }
  });

  it('rejects bad input with codes', async () => {
    const code = (p: Promise<unknown>): Promise<string> =>
      p.then(() => 'ok', (e: unknown) => (e instanceof DecomposeError ? e.code : 'OTHER'));
    expect(await code(decompose(createImage(1, 1), { layers: 'auto', ...classical }))).toBe('IMAGE_TOO_SMALL');
    expect(await code(decompose(createImage(8, 8), { layers: 'auto', ...classical }))).toBe('FULLY_TRANSPARENT');
    expect(await code(decompose(design(), { layers: 0, ...classical }))).toBe('BAD_LAYER_COUNT');
    expect(await code(decompose(design(), { layers: 99, ...classical }))).toBe('BAD_LAYER_COUNT');
    expect(await code(decompose(design(), { layers: 'auto', hints: [{ x: 500, y: 1 }], ...classical }))).toBe('BAD_HINT');
  });

  it('cancels within a second even while a stage is busy', async () => {
    const slow: Matter = { name: 'slow', matte: () => new Promise(() => undefined) };
    const controller = new AbortController();
    const pending = decompose(design(), { layers: 'auto', matter: slow, detectText: noText, signal: controller.signal });
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
