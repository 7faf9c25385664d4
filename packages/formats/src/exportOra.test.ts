import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobReader } from '@strata/document';
import { exportOra } from './exportOra.js';
import { importOra } from './importOra.js';
import { decodePng, readPngHeader } from './png.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';
import { expectSameDocument } from './testing/compareTrees.js';
import { run } from './testing/tools.js';
import { parseXml } from './xml.js';

const reader = (m: Map<string, Uint8Array>): BlobReader => async (sha) => {
  const b = m.get(sha);
  if (!b) throw new Error(`no blob ${sha}`);
  return b;
};

describe('OpenRaster export', async () => {
  const blobs = new MemoryBlobs();
  const tree = await fixtureDocument(blobs);
  const ora = await exportOra(tree, blobs.read);
  const dir = mkdtempSync(join(tmpdir(), 'strata-ora-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round trips: same tree, exact pixels, same text', async () => {
    const back = await importOra(ora);
    if (!back.ok) throw back.error;
    await expectSameDocument(back.value.tree, reader(back.value.blobs), tree, blobs.read);
  });

  it('has the entries the spec requires, mimetype first and stored', () => {
    // local file header: signature, version, flags, method (0 = stored) at offset 8, name length at 26, name at 30
    const view = new DataView(ora.buffer, ora.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    const nameLength = view.getUint16(26, true);
    expect(view.getUint16(28, true)).toBe(0); // no extra field, so the mimetype sits at offset 38
    expect(new TextDecoder().decode(ora.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(new TextDecoder().decode(ora.subarray(38, 38 + 16))).toBe('image/openraster');
    const files = unzipSync(ora);
    for (const name of ['mimetype', 'stack.xml', 'mergedimage.png', 'Thumbnails/thumbnail.png']) expect(files[name], name).toBeDefined();
    const thumb = readPngHeader(files['Thumbnails/thumbnail.png']!);
    expect(Math.max(thumb!.width, thumb!.height)).toBeLessThanOrEqual(256);
    expect(readPngHeader(files['mergedimage.png']!)).toMatchObject({ width: 320, height: 240 });
    const image = parseXml(new TextDecoder().decode(files['stack.xml']));
    expect(image).toMatchObject({ name: 'image', attributes: { w: '320', h: '240' } });
    const top = image.children[0]!;
    expect(top.name).toBe('stack');
    // top first: text, off-the-edge disc, Shapes stack, Background
    expect(top.children.map((c) => [c.name, c.attributes.name])).toEqual([
      ['layer', 'Hello Strata'], ['layer', 'Off the edge'], ['stack', 'Shapes'], ['layer', 'Background'],
    ]);
    const shapes = top.children[2]!;
    expect(shapes.children[0]).toMatchObject({ name: 'stack', attributes: { name: 'Closed folder', opacity: '0.8', 'strata:expanded': 'false' } });
    expect(shapes.children[0]!.children[0]).toMatchObject({ attributes: { name: 'Hidden box', visibility: 'hidden', x: '220', y: '120' } });
    expect(shapes.children[1]).toMatchObject({ attributes: { name: 'Blue disc', 'composite-op': 'svg:multiply', opacity: '0.6' } });
    for (const layer of [top.children[0]!, top.children[1]!]) expect(files[layer.attributes.src!], layer.attributes.src).toBeDefined();
  });

  it('ImageMagick reads mergedimage.png and the thumbnail', () => {
    const files = unzipSync(ora);
    writeFileSync(join(dir, 'merged.png'), files['mergedimage.png']!);
    writeFileSync(join(dir, 'thumb.png'), files['Thumbnails/thumbnail.png']!);
    expect(run('identify', ['-format', '%m %w %h %A\n', join(dir, 'merged.png')]).trim()).toMatch(/^PNG 320 240 (True|Blend)/);
    expect(run('identify', ['-format', '%m %w %h\n', join(dir, 'thumb.png')]).trim()).toBe('PNG 256 192');
  });

  it('imports an ORA written the way other painters write it (RGB PNGs, stack offsets, no strata attributes)', async () => {
    const rgb = await sharp({ create: { width: 3, height: 2, channels: 3, background: { r: 10, g: 20, b: 30 } } }).png().toBuffer();
    const grey = await sharp({ create: { width: 2, height: 2, channels: 4, background: { r: 200, g: 200, b: 200, alpha: 0.5 } } }).png().toBuffer();
    const xml = `<?xml version='1.0' encoding='UTF-8'?>
<image w="8" h="6" version="0.0.3"><stack name="root">
  <stack name="Folder" x="2" y="1" opacity="0.50" visibility="visible" composite-op="svg:multiply" selected="true">
    <layer name="Grey &amp; half" src="data/grey.png" x="1" y="1" opacity="1.0"/>
  </stack>
  <layer name="Base" src="data/rgb.png" x="0" y="0" visibility="hidden" composite-op="krita:weird"/>
</stack></image>`;
    const r = await importOra(zipSync({ mimetype: strToU8('image/openraster'), 'stack.xml': strToU8(xml), 'data/rgb.png': new Uint8Array(rgb), 'data/grey.png': new Uint8Array(grey) }));
    if (!r.ok) throw r.error;
    const [base, folder] = r.value.tree.children;
    expect(base).toMatchObject({ name: 'Base', kind: 'raster', visible: false, blendMode: 'normal', x: 0, y: 0, width: 3, height: 2 });
    expect(folder).toMatchObject({ type: 'group', name: 'Folder', opacity: 0.5, blendMode: 'multiply', expanded: true });
    const grey2 = folder?.type === 'group' ? folder.children[0] : undefined;
    expect(grey2).toMatchObject({ name: 'Grey & half', x: 3, y: 2, width: 2, height: 2 });
    // the RGB PNG was converted to RGBA (opaque); the RGBA one kept byte for byte
    const basePx = await decodePng(r.value.blobs.get(base?.type === 'layer' ? base.blob : '')!);
    expect(Array.from(basePx.data.slice(0, 4))).toEqual([10, 20, 30, 255]);
    expect(readPngHeader(r.value.blobs.get(base?.type === 'layer' ? base.blob : '')!)).toMatchObject({ bitDepth: 8, colorType: 6 });
    expect(r.value.blobs.get(grey2?.type === 'layer' ? grey2.blob : '')).toEqual(new Uint8Array(grey));
  });
});
