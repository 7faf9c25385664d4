import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobReader } from '@strata/document';
import { exportOra } from './exportOra.js';
import { importOra } from './importOra.js';
import { readPngHeader } from './png.js';
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
});
