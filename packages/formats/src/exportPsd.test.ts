import { describe, expect, it } from 'vitest';
import type { BlobReader } from '@strata/document';
import { exportPsd } from './exportPsd.js';
import { importPsd } from './importPsd.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument, raster, rectImage } from './testing/documentFixture.js';
import { expectSameDocument } from './testing/compareTrees.js';
import { decodePng } from './png.js';
import { writePsdUint8Array } from 'ag-psd';
import { ensureAgPsd } from './agPsd.js';

const reader = (m: Map<string, Uint8Array>): BlobReader => async (sha) => {
  const b = m.get(sha);
  if (!b) throw new Error(`no blob ${sha}`);
  return b;
};

describe('PSD export → import', () => {
  it('keeps the tree, every pixel exactly and the text strings', async () => {
    const blobs = new MemoryBlobs();
    const tree = await fixtureDocument(blobs);
    const psd = await exportPsd(tree, blobs.read);
    const back = await importPsd(psd);
    if (!back.ok) throw back.error;
    await expectSameDocument(back.value.tree, reader(back.value.blobs), tree, blobs.read);
    const text = back.value.tree.children[3];
    expect(text?.type === 'layer' && text.kind === 'text' && text.text.content).toBe('Hello Strata');
  });

  it('crops transparent margins of raster layers into offsets', async () => {
    const blobs = new MemoryBlobs();
    const padded = rectImage(100, 80, [0, 0, 0, 0]);
    for (let y = 20; y < 50; y++) for (let x = 10; x < 70; x++) padded.data.set([9, 99, 199, 255], (y * 100 + x) * 4);
    const tree = { width: 200, height: 200, children: [await raster(blobs, 'padded', padded, 30, 40)] };
    const back = await importPsd(await exportPsd(tree, blobs.read));
    if (!back.ok) throw back.error;
    const layer = back.value.tree.children[0];
    expect(layer).toMatchObject({ x: 40, y: 60, width: 60, height: 30 });
    const px = await decodePng(back.value.blobs.get(layer?.type === 'layer' ? layer.blob : '')!);
    expect(Array.from(px.data.slice(0, 4))).toEqual([9, 99, 199, 255]);
  });

  it('multiplies a layer mask written by ag-psd into alpha on import', async () => {
    ensureAgPsd();
    const data = new Uint8ClampedArray(4 * 2 * 4).fill(255);
    const mask = new Uint8ClampedArray([0, 0, 0, 255, 128, 128, 128, 255]); // 2x1 mask at (1, 0): 0 then 128
    const psd = writePsdUint8Array({
      width: 4, height: 2,
      children: [{ name: 'masked', left: 0, top: 0, imageData: { width: 4, height: 2, data }, mask: { left: 1, top: 0, right: 3, bottom: 1, defaultColor: 255, imageData: { width: 2, height: 1, data: mask } } }],
      imageData: { width: 4, height: 2, data: new Uint8ClampedArray(32) },
    });
    const back = await importPsd(psd);
    if (!back.ok) throw back.error;
    const layer = back.value.tree.children[0]!;
    const px = await decodePng(back.value.blobs.get(layer.type === 'layer' ? layer.blob : '')!);
    expect([0, 1, 2, 3, 4].map((i) => px.data[i * 4 + 3])).toEqual([255, 0, 128, 255, 255]);
  });

  it('writes fully transparent layers as empty PSD layers and rounds fractional positions', async () => {
    const blobs = new MemoryBlobs();
    const tree = { width: 50, height: 50, children: [
      await raster(blobs, 'empty', rectImage(10, 10, [0, 0, 0, 0]), 5, 5),
      await raster(blobs, 'shifted', rectImage(4, 4, [1, 2, 3, 255]), 10.4, 19.6),
    ] };
    const back = await importPsd(await exportPsd(tree, blobs.read));
    if (!back.ok) throw back.error;
    expect(back.value.tree.children.map((n) => n.type === 'layer' && [n.name, n.x, n.y, n.width, n.height])).toEqual([
      ['empty', 5, 5, 1, 1], ['shifted', 10, 20, 4, 4],
    ]);
  });
});
