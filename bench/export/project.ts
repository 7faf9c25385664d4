/** Builds the benchmark project: 50 layers on a 2048×2048 canvas, stored as PNG files in a folder. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlendMode, BlobReader, DocNode, DocumentTree, GroupNode, LayerNode } from '@strata/document';
import { encodePng, sha256Hex } from '@strata/formats';

export const SIZE = 2048;
export const LAYERS = 50;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A soft ellipse with a colour gradient and light noise (PNG-compresses like a real cut-out object). */
function objectPixels(w: number, h: number, r: () => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(w * h * 4);
  const c = [r() * 255, r() * 255, r() * 255];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const dx = (x - w / 2) / (w / 2); const dy = (y - h / 2) / (h / 2);
    const d = Math.sqrt(dx * dx + dy * dy);
    const i = (y * w + x) * 4;
    const n = (r() - 0.5) * 12;
    data[i] = (c[0] ?? 0) * (1 - y / h / 2) + n; data[i + 1] = (c[1] ?? 0) + n; data[i + 2] = (c[2] ?? 0) * (0.5 + x / w / 2) + n;
    data[i + 3] = d >= 1 ? 0 : d > 0.9 ? ((1 - d) / 0.1) * 255 : 255;
  }
  return data;
}

export async function writeProject(dir: string): Promise<DocumentTree> {
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  const r = rng(42);
  const put = async (w: number, h: number, data: Uint8ClampedArray) => {
    const png = await encodePng({ width: w, height: h, data }, 6);
    const sha = sha256Hex(png);
    writeFileSync(join(dir, 'blobs', sha), png);
    return sha;
  };
  let id = 0;
  const base = (name: string, blendMode: BlendMode = 'normal') => ({ id: `n${++id}`, name, visible: true, locked: false, opacity: 1, blendMode });
  const bg = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4;
    bg[i] = (x / SIZE) * 255; bg[i + 1] = (y / SIZE) * 255; bg[i + 2] = 128 + (r() - 0.5) * 8; bg[i + 3] = 255;
  }
  const layers: LayerNode[] = [];
  for (let i = 1; i < LAYERS; i++) {
    const text = i % 10 === 0;
    const w = text ? 900 : Math.round(200 + r() * 1000); const h = text ? 120 : Math.round(200 + r() * 1000);
    const x = Math.round(r() * (SIZE - w)); const y = Math.round(r() * (SIZE - h));
    const modes: BlendMode[] = ['normal', 'normal', 'normal', 'multiply', 'screen', 'overlay'];
    const layer = { ...base(text ? `Title ${i}` : `Object ${i}`, modes[i % modes.length]), type: 'layer' as const, x, y, width: w, height: h, blob: await put(w, h, objectPixels(w, h, r)), opacity: i % 7 === 0 ? 0.7 : 1 };
    layers.push(text
      ? { ...layer, kind: 'text', blendMode: 'normal', text: { content: `Heading number ${i}`, fontFamily: 'DejaVu Sans', fontSize: 96, color: '#202020', align: 'left' } }
      : { ...layer, kind: 'raster' });
  }
  const children: DocNode[] = [{ ...base('Background'), type: 'layer', kind: 'raster', x: 0, y: 0, width: SIZE, height: SIZE, blob: await put(SIZE, SIZE, bg) }];
  // five groups of six layers (one nested), the rest at the top level
  for (let g = 0; g < 5; g++) {
    const group: GroupNode = { ...base(`Group ${g}`), type: 'group', x: 0, y: 0, expanded: g % 2 === 0, children: layers.splice(0, 6) };
    if (g === 4) children.push({ ...base('Outer'), type: 'group', x: 0, y: 0, expanded: true, children: [group] });
    else children.push(group);
  }
  children.push(...layers);
  const tree: DocumentTree = { width: SIZE, height: SIZE, children };
  writeFileSync(join(dir, 'tree.json'), JSON.stringify(tree));
  return tree;
}

export function readProject(dir: string): { tree: DocumentTree; readBlob: BlobReader } {
  const tree = JSON.parse(readFileSync(join(dir, 'tree.json'), 'utf8')) as DocumentTree;
  return { tree, readBlob: async (sha) => new Uint8Array(readFileSync(join(dir, 'blobs', sha))) };
}
