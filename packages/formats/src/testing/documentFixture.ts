import sharp from 'sharp';
import type { BlendMode, DocNode, DocumentTree, GroupNode, RasterLayer, RgbaImage, TextLayer } from '@strata/document';
import { decodePng } from '../png.js';
import type { MemoryBlobs } from './MemoryBlobs.js';

/** A small deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A disc of colour with soft edges and noise in every channel, so exact-pixel comparisons mean something. */
export function discImage(size: number, rgb: [number, number, number], seed: number): RgbaImage {
  const r = rng(seed);
  const data = new Uint8ClampedArray(size * size * 4);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const d = Math.hypot(x - c, y - c) / (size / 2);
    const i = (y * size + x) * 4;
    data[i] = rgb[0] + Math.floor(r() * 16); data[i + 1] = rgb[1] + Math.floor(r() * 16); data[i + 2] = rgb[2] + Math.floor(r() * 16);
    data[i + 3] = d >= 1 ? 0 : d > 0.85 ? Math.round(((1 - d) / 0.15) * 255) : 255;
  }
  return { width: size, height: size, data };
}

export function gradientImage(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = (y * width + x) * 4;
    data[i] = Math.round((x / width) * 200) + 30; data[i + 1] = Math.round((y / height) * 180) + 40; data[i + 2] = 160; data[i + 3] = 255;
  }
  return { width, height, data };
}

export function rectImage(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

/**
 * Renders a text layer's raster preview as a text box would: an SVG of exactly width × height with the first
 * baseline one ascent below the top (DejaVu Sans's ascent is 0.928 em), drawn by librsvg/pango inside sharp.
 */
export async function renderText(content: string, fontFamily: string, fontSize: number, color: string, width: number, height: number): Promise<RgbaImage> {
  const escaped = content.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="0" y="${fontSize * 0.928}" font-family="${fontFamily}" font-size="${fontSize}" fill="${color}">${escaped}</text></svg>`;
  return decodePng(await sharp(Buffer.from(svg)).png().toBuffer());
}

let counter = 0;
const base = (name: string, extra: { opacity?: number; blendMode?: BlendMode; visible?: boolean; locked?: boolean } = {}) => ({
  id: `n${++counter}`, name, visible: extra.visible ?? true, locked: extra.locked ?? false,
  opacity: extra.opacity ?? 1, blendMode: extra.blendMode ?? 'normal',
});

export async function raster(blobs: MemoryBlobs, name: string, img: RgbaImage, x: number, y: number, extra: Parameters<typeof base>[1] = {}): Promise<RasterLayer> {
  return { ...base(name, extra), type: 'layer', kind: 'raster', x, y, width: img.width, height: img.height, blob: await blobs.putImage(img) };
}

export async function text(blobs: MemoryBlobs, content: string, x: number, y: number, width: number, height: number, extra: Parameters<typeof base>[1] = {}): Promise<TextLayer> {
  const style = { content, fontFamily: 'DejaVu Sans', fontSize: 20, color: '#102030', align: 'left' as const };
  const img = await renderText(content, style.fontFamily, style.fontSize, style.color, width, height);
  return { ...base(content, extra), type: 'layer', kind: 'text', x, y, width, height, text: style, blob: await blobs.putImage(img) };
}

export function group(name: string, children: DocNode[], extra: Parameters<typeof base>[1] & { expanded?: boolean } = {}): GroupNode {
  return { ...base(name, extra), type: 'group', x: 0, y: 0, expanded: extra.expanded ?? true, children };
}

/**
 * A 320×240 document with nested groups (one closed), hidden and locked nodes, opacity, blend modes,
 * semi-transparent noisy pixels and a text layer. `normalOnly` keeps every blend mode normal (for PPTX).
 */
export async function fixtureDocument(blobs: MemoryBlobs, options: { normalOnly?: boolean } = {}): Promise<DocumentTree> {
  const mode = (m: BlendMode): BlendMode => (options.normalOnly ? 'normal' : m);
  return {
    width: 320,
    height: 240,
    children: [
      await raster(blobs, 'Background', gradientImage(320, 240), 0, 0, { locked: true }),
      group('Shapes', [
        await raster(blobs, 'Red disc', discImage(80, [200, 30, 20], 1), 30, 20),
        await raster(blobs, 'Blue disc', discImage(60, [20, 40, 200], 2), 90, 50, { opacity: 0.6, blendMode: mode('multiply') }),
        group('Closed folder', [
          await raster(blobs, 'Yellow box', rectImage(50, 30, [240, 220, 30, 255]), 200, 30, { blendMode: mode('screen') }),
          await raster(blobs, 'Hidden box', rectImage(40, 40, [0, 255, 0, 255]), 220, 120, { visible: false }),
        ], { expanded: false, opacity: 0.8 }),
      ]),
      await raster(blobs, 'Off the edge', discImage(40, [250, 250, 250], 3), 300, -10),
      await text(blobs, 'Hello Strata', 20, 180, 200, 40),
    ],
  };
}
