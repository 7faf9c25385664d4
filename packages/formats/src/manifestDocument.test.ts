import { describe, expect, it } from 'vitest';
import { encodePng } from './png.js';
import { ManifestError, manifestDocument, parseManifest } from './manifestDocument.js';

describe('manifestDocument', () => {
  it("reads the decompose CLI's manifest: background/object kinds are raster, text keeps content, size and colour", async () => {
    const png = await encodePng({ width: 2, height: 1, data: new Uint8ClampedArray([16, 32, 48, 255, 0, 0, 0, 0]) });
    const manifest = parseManifest({
      width: 10, height: 10,
      layers: [
        { file: 'layer-00.png', name: 'Background', kind: 'background', x: 0, y: 0, width: 2, height: 1 },
        { file: 'layer-01.png', name: 'Object 1', kind: 'object', x: 3, y: 4, width: 2, height: 1 },
        { file: 'layer-02.png', name: 'Text “Hi”', kind: 'text', x: 5, y: 6, width: 2, height: 1, text: { content: 'Hi', fontSize: 21.9, color: [16, 32, 48] } },
        { file: 'layer-03.png', name: 'bare', kind: 'text', x: 0, y: 0, width: 2, height: 1, text: 'Yo' },
      ],
    });
    const { tree, readBlob } = await manifestDocument(manifest, async () => png);
    expect(tree.children.map((n) => n.type === 'layer' && [n.name, n.kind, n.x, n.y])).toEqual([
      ['Background', 'raster', 0, 0], ['Object 1', 'raster', 3, 4], ['Text “Hi”', 'text', 5, 6], ['bare', 'text', 0, 0],
    ]);
    const [, , text, bare] = tree.children;
    expect(text?.type === 'layer' && text.kind === 'text' && text.text).toEqual({ content: 'Hi', fontFamily: 'DejaVu Sans', fontSize: 21.9, color: '#102030', align: 'left' });
    // a bare string: size from the box height, colour from the opaque pixels
    expect(bare?.type === 'layer' && bare.kind === 'text' && bare.text).toMatchObject({ content: 'Yo', fontSize: 1, color: '#102030' });
    expect(await readBlob(text?.type === 'layer' ? text.blob : '')).toEqual(png);
  });

  it('refuses malformed manifests and PNGs of the wrong size', async () => {
    expect(() => parseManifest({ width: 1 })).toThrow(ManifestError);
    expect(() => parseManifest({ width: 1, height: 1, layers: [{ file: 'a.png', x: 0, y: 0, width: 1.5, height: 1 }] })).toThrow(/layers\[0\]/);
    const png = await encodePng({ width: 1, height: 1, data: new Uint8ClampedArray(4) });
    await expect(manifestDocument(parseManifest({ width: 1, height: 1, layers: [{ file: 'a.png', name: 'a', kind: 'object', x: 0, y: 0, width: 2, height: 2 }] }), async () => png)).rejects.toThrow(/a.png is 1x1, manifest says 2x2/);
  });
});
