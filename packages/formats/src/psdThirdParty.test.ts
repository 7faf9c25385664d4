import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Psd, { type Layer as WebtoonLayer, type NodeChild } from '@webtoon/psd';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocNode, LayerNode } from '@strata/document';
import { exportPng } from './exportPng.js';
import { exportPsd } from './exportPsd.js';
import { decodePng } from './png.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';
import { run } from './testing/tools.js';

const flat = (nodes: DocNode[]): LayerNode[] => nodes.flatMap((n) => (n.type === 'group' ? flat(n.children) : [n]));

describe('PSD read by readers we did not write', async () => {
  const blobs = new MemoryBlobs();
  const tree = await fixtureDocument(blobs);
  const psd = await exportPsd(tree, blobs.read);
  const dir = mkdtempSync(join(tmpdir(), 'strata-psd-'));
  const file = join(dir, 'doc.psd');
  writeFileSync(file, psd);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const layers = flat(tree.children);

  it('ImageMagick identify lists every layer with its name, size and offset, bottom to top', () => {
    const out = run('identify', ['-format', '%s|%l|%w|%h|%X|%Y\n', file]).trim().split('\n');
    expect(out[0]).toBe('0||320|240|+0|+0'); // the composite
    const sign = (n: number) => (n < 0 ? `${n}` : `+${n}`);
    expect(out.slice(1)).toEqual(layers.map((l, i) => `${i + 1}|${l.name}|${l.width}|${l.height}|${sign(l.x)}|${sign(l.y)}`));
  });

  it('ImageMagick renders the embedded composite equal to our flattened PNG', async () => {
    run('convert', [`${file}[0]`, join(dir, 'composite.png')]);
    const theirs = await decodePng(readFileSync(join(dir, 'composite.png')));
    const ours = await decodePng(await exportPng(tree, blobs.read));
    expect([theirs.width, theirs.height]).toEqual([320, 240]);
    expect(Buffer.compare(Buffer.from(theirs.data), Buffer.from(ours.data))).toBe(0);
  });

  it('@webtoon/psd reads the same groups, layers, text and layer pixels', async () => {
    const parsed = Psd.parse(psd.buffer.slice(psd.byteOffset, psd.byteOffset + psd.byteLength) as ArrayBuffer);
    expect([parsed.width, parsed.height]).toEqual([320, 240]);
    const names = (nodes: NodeChild[]): unknown[] => nodes.map((n) => (n.type === 'Group' ? { [n.name]: names(n.children) } : n.name));
    // @webtoon/psd lists children top first, as a layers panel does
    expect(names(parsed.children)).toEqual(['Hello Strata', 'Off the edge', { Shapes: [{ 'Closed folder': ['Hidden box', 'Yellow box'] }, 'Blue disc', 'Red disc'] }, 'Background']);
    const theirs: WebtoonLayer[] = [...parsed.layers].sort((a, b) => layers.findIndex((l) => l.name === a.name) - layers.findIndex((l) => l.name === b.name));
    expect(theirs.length).toBe(layers.length);
    for (const [i, ours] of layers.entries()) {
      const t = theirs[i]!;
      expect([t.name, t.left, t.top, t.width, t.height, t.isHidden]).toEqual([ours.name, ours.x, ours.y, ours.width, ours.height, !ours.visible]);
      const pixels = await t.composite(false, false);
      const expected = await decodePng(await blobs.read(ours.blob));
      expect(Buffer.compare(Buffer.from(pixels), Buffer.from(expected.data)), `pixels of ${ours.name}`).toBe(0);
    }
    // the type layer's engine data: font, size and colour as we wrote them
    const textLayer = theirs[layers.length - 1]!;
    expect(textLayer.text).toBe('Hello Strata');
    const engine = textLayer.textProperties as unknown as {
      EngineDict: { StyleRun: { RunArray: { StyleSheet: { StyleSheetData: { FontSize: number; Font: number; FillColor: { Values: number[] } } } }[] } };
      DocumentResources: { FontSet: { Name: string }[] };
    };
    const style = engine.EngineDict.StyleRun.RunArray[0]!.StyleSheet.StyleSheetData;
    expect(style.FontSize).toBe(20);
    expect(engine.DocumentResources.FontSet[style.Font]!.Name).toBe('DejaVu Sans');
    expect(style.FillColor.Values.slice(1).map((v) => Math.round(v * 255))).toEqual([0x10, 0x20, 0x30]);
  });
});
