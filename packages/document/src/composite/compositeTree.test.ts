import { describe, expect, it } from 'vitest';
import type { DocumentTree, GroupNode, LayerNode, RasterLayer } from '../types.js';
import { compositeTree } from './compositeTree.js';
import type { RgbaImage } from './RgbaImage.js';

function solid(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

function layer(id: string, x: number, y: number, w: number, h: number, extra: Partial<RasterLayer> = {}): RasterLayer {
  return { id, name: id, type: 'layer', kind: 'raster', blob: id, x, y, width: w, height: h, visible: true, locked: false, opacity: 1, blendMode: 'normal', ...extra };
}

function group(id: string, children: GroupNode['children'], extra: Partial<GroupNode> = {}): GroupNode {
  return { id, name: id, type: 'group', expanded: true, children, x: 0, y: 0, visible: true, locked: false, opacity: 1, blendMode: 'normal', ...extra };
}

const px = (img: RgbaImage, x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('compositeTree', () => {
  const pixels: Record<string, RgbaImage> = {
    bg: solid(4, 4, [200, 100, 50, 255]),
    red: solid(2, 2, [255, 0, 0, 255]),
    half: solid(2, 2, [0, 0, 255, 128]),
    grey: solid(4, 4, [128, 128, 128, 255]),
  };
  const read = async (l: LayerNode) => pixels[l.blob] ?? solid(l.width, l.height, [0, 0, 0, 0]);

  it('places layers at offsets, bottom to top, and keeps exact colours of opaque pixels', async () => {
    const tree: DocumentTree = { width: 4, height: 4, children: [layer('bg', 0, 0, 4, 4), layer('red', 1, 1, 2, 2)] };
    const out = await compositeTree(tree, read);
    expect(px(out, 0, 0)).toEqual([200, 100, 50, 255]);
    expect(px(out, 1, 1)).toEqual([255, 0, 0, 255]);
    expect(px(out, 3, 3)).toEqual([200, 100, 50, 255]);
  });

  it('skips hidden nodes, applies opacity and clips layers that stick out of the canvas', async () => {
    const tree: DocumentTree = { width: 4, height: 4, children: [
      layer('red', -1, -1, 2, 2, { opacity: 0.5 }),
      layer('bg', 0, 0, 4, 4, { visible: false }),
    ] };
    const out = await compositeTree(tree, read);
    expect(px(out, 0, 0)).toEqual([255, 0, 0, 128]);
    expect(px(out, 1, 1)).toEqual([0, 0, 0, 0]);
  });

  it('blends with multiply and screen against the backdrop', async () => {
    const mul = await compositeTree({ width: 4, height: 4, children: [layer('bg', 0, 0, 4, 4), layer('grey', 0, 0, 4, 4, { blendMode: 'multiply' })] }, read);
    expect(px(mul, 0, 0)).toEqual([100, 50, 25, 255]);
    const scr = await compositeTree({ width: 4, height: 4, children: [layer('bg', 0, 0, 4, 4), layer('grey', 0, 0, 4, 4, { blendMode: 'screen' })] }, read);
    expect(px(scr, 0, 0)).toEqual([228, 178, 153, 255]);
  });

  it('composites a group in isolation, then with its own opacity', async () => {
    const tree: DocumentTree = { width: 4, height: 4, children: [
      layer('bg', 0, 0, 4, 4),
      group('g', [layer('red', 0, 0, 2, 2), layer('half', 0, 0, 2, 2)], { opacity: 0.5 }),
    ] };
    const out = await compositeTree(tree, read);
    // inside the group: blue 50% over red = (127, 0, 128); at 50% over bg (200,100,50)
    const [r, g, b, a] = px(out, 0, 0);
    expect(a).toBe(255);
    expect(Math.abs((r ?? 0) - 164)).toBeLessThanOrEqual(1);
    expect(Math.abs((g ?? 0) - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs((b ?? 0) - 89)).toBeLessThanOrEqual(1);
    const hidden = await compositeTree({ ...tree, children: [tree.children[0]!, group('g', [layer('red', 0, 0, 2, 2)], { visible: false })] }, read);
    expect(px(hidden, 0, 0)).toEqual([200, 100, 50, 255]);
  });

  it('handles every blend mode without NaN', async () => {
    const modes = ['normal', 'multiply', 'screen', 'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn', 'hard-light', 'soft-light', 'difference', 'exclusion', 'hue', 'saturation', 'color', 'luminosity'] as const;
    for (const blendMode of modes) {
      const out = await compositeTree({ width: 4, height: 4, children: [layer('bg', 0, 0, 4, 4), layer('half', 1, 1, 2, 2, { blendMode })] }, read);
      expect(px(out, 1, 1).every((v) => Number.isFinite(v)), blendMode).toBe(true);
      expect(px(out, 0, 0)).toEqual([200, 100, 50, 255]);
    }
    const lumi = await compositeTree({ width: 4, height: 4, children: [layer('bg', 0, 0, 4, 4), layer('grey', 0, 0, 4, 4, { blendMode: 'luminosity' })] }, read);
    const [r, g, b] = px(lumi, 0, 0);
    expect(Math.round(0.3 * (r ?? 0) + 0.59 * (g ?? 0) + 0.11 * (b ?? 0))).toBeCloseTo(128, -1);
  });

  it('a group of one layer composites like the layer itself, wherever the group sits (bounds-sized surfaces)', async () => {
    const noisy = (w: number, h: number, seed: number): RgbaImage => {
      const data = new Uint8ClampedArray(w * h * 4);
      let a = seed;
      for (let i = 0; i < data.length; i++) { a = (a * 1103515245 + 12345) >>> 0; data[i] = a >>> 24; }
      return { width: w, height: h, data };
    };
    const imgs: Record<string, RgbaImage> = { bg: noisy(12, 10, 1), a: noisy(5, 4, 2), b: noisy(6, 6, 3) };
    const readNoisy = async (l: LayerNode) => imgs[l.blob]!;
    const bg = { ...layer('bg', 0, 0, 12, 10), blob: 'bg' };
    for (const blendMode of ['multiply', 'overlay', 'color'] as const) {
      for (const [x, y] of [[3, 2], [-2, -1], [9, 8]] as const) {
        const a = { ...layer('a', x, y, 5, 4), blob: 'a', blendMode, opacity: 0.7 };
        const grouped = await compositeTree({ width: 12, height: 10, children: [bg, group('g', [{ ...a, blendMode: 'normal', opacity: 1 }], { blendMode, opacity: 0.7 })] }, readNoisy);
        const plain = await compositeTree({ width: 12, height: 10, children: [bg, a] }, readNoisy);
        for (let i = 0; i < plain.data.length; i++) expect(Math.abs(grouped.data[i]! - plain.data[i]!), `${blendMode} at ${x},${y} byte ${i}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('an opaque normal group of normal layers equals its layers drawn directly', async () => {
    const tree: DocumentTree = { width: 4, height: 4, children: [
      layer('bg', 0, 0, 4, 4),
      group('g', [layer('half', 1, 1, 2, 2, { opacity: 0.7 }), group('inner', [layer('red', 2, 2, 2, 2, { opacity: 0.4 })])]),
    ] };
    const flat: DocumentTree = { ...tree, children: [layer('bg', 0, 0, 4, 4), layer('half', 1, 1, 2, 2, { opacity: 0.7 }), layer('red', 2, 2, 2, 2, { opacity: 0.4 })] };
    expect(Array.from((await compositeTree(tree, read)).data)).toEqual(Array.from((await compositeTree(flat, read)).data));
  });
});
