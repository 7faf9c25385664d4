import { describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { detectText } from './detectText.js';
import { loadOcrModels } from './ocrModels.js';
import { renderTextImage } from './renderTextImage.js';
import type { TextRegion } from './TextRegion.js';

const scene = {
  width: 640,
  height: 300,
  background: '<rect width="100%" height="100%" fill="#fbf3e4"/><rect x="0" y="170" width="640" height="130" fill="#1d3557"/>',
  lines: [
    { text: 'Hello World', x: 40, y: 90, fontSize: 48, fontFamily: 'DejaVu Sans', fill: '#2a6f97' },
    { text: 'SALE 50%', x: 60, y: 250, fontSize: 56, fontFamily: 'Liberation Sans', fill: '#ffcc00', fontWeight: 'bold' as const },
  ],
};

function clearFraction(r: TextRegion): number {
  let clear = 0;
  for (const v of r.alpha.data) if (v < 0.05) clear++;
  return clear / r.alpha.data.length;
}

describe('detectText with PP-OCRv4', () => {
  it('reads each line, locates it, and gives glyph-shaped alpha, colour and size', async () => {
    const image = await renderTextImage(scene);
    const regions = await detectText(image, { engine: 'onnx' });
    expect(regions.map((r) => r.content)).toEqual(['Hello World', 'SALE 50%']);
    const [hello, sale] = regions as [TextRegion, TextRegion];
    // "Hello World" at x=40, baseline 90, 48 px: ink from about y=55 to 90
    expect(Math.abs(hello.box.x - 40)).toBeLessThanOrEqual(6);
    expect(Math.abs(hello.box.y - 55)).toBeLessThanOrEqual(6);
    expect(Math.abs(hello.box.y + hello.box.height - 91)).toBeLessThanOrEqual(4);
    expect(hello.box.width).toBeGreaterThan(250);
    expect(hello.box.width).toBeLessThan(330);
    expect(sale.box.y).toBeGreaterThan(200);
    expect(hello.alpha.width * hello.alpha.height).toBe(hello.box.width * hello.box.height);
    for (const [i, v] of [0x2a, 0x6f, 0x97].entries()) expect(Math.abs(hello.color[i]! - v)).toBeLessThanOrEqual(3);
    for (const [i, v] of [0xff, 0xcc, 0x00].entries()) expect(Math.abs(sale.color[i]! - v)).toBeLessThanOrEqual(3);
    expect(clearFraction(hello)).toBeGreaterThan(0.4);
    expect(clearFraction(sale)).toBeGreaterThan(0.25);
    expect(hello.fontSize).toBeGreaterThan(42);
    expect(hello.fontSize).toBeLessThan(54);
    expect(sale.fontSize).toBeGreaterThan(49);
    expect(sale.fontSize).toBeLessThan(63);
    for (const r of regions) expect(r.confidence).toBeGreaterThan(0.8);
  });

  it('falls back to the classical detector when the models are missing, and honours an aborted signal', async () => {
    const image = await renderTextImage(scene);
    const missing = await loadOcrModels('/nonexistent/ocr-models');
    expect(missing.ok).toBe(false);
    const regions = await detectText(image, { modelDir: '/nonexistent/ocr-models' });
    expect(regions).toHaveLength(2);
    expect(regions.every((r) => r.content === '')).toBe(true);
    await expect(detectText(image, { engine: 'onnx', modelDir: '/nonexistent/ocr-models' })).rejects.toThrow(/unavailable/);
    await expect(detectText(image, { signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it('returns no regions for a 1x1 image and a fully transparent one', async () => {
    const one = createImage(1, 1);
    one.data.set([255, 0, 0, 255]);
    const clear = createImage(120, 80);
    for (const engine of ['onnx', 'classical'] as const) {
      expect(await detectText(one, { engine })).toEqual([]);
      expect(await detectText(clear, { engine })).toEqual([]);
    }
  });

  it('reads a line tilted by 12 degrees', async () => {
    const image = await renderTextImage({
      width: 560,
      height: 260,
      lines: [{ text: 'Grand Opening Today', x: 40, y: 200, fontSize: 44, fontFamily: 'DejaVu Sans', fill: '#b03a2e', rotate: 12 }],
    });
    const regions = await detectText(image, { engine: 'onnx' });
    expect(regions.map((r) => r.content)).toEqual(['Grand Opening Today']);
    expect(regions[0]!.box.height).toBeGreaterThan(100);
  });
});
