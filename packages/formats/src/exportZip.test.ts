import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportZip, type LayerManifest } from './exportZip.js';
import { decodePng } from './png.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';

describe('ZIP export', () => {
  it('writes visible layers bottom to top with the decompose manifest, group and layer opacity in the alpha', async () => {
    const blobs = new MemoryBlobs();
    const tree = await fixtureDocument(blobs);
    const files = unzipSync(await exportZip(tree, blobs.read));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as LayerManifest;
    expect(manifest).toMatchObject({ width: 320, height: 240 });
    expect(manifest.layers.map((l) => [l.file, l.kind])).toEqual([
      ['000-Background.png', 'raster'], ['001-Red_disc.png', 'raster'], ['002-Blue_disc.png', 'raster'],
      ['003-Yellow_box.png', 'raster'], ['004-Off_the_edge.png', 'raster'], ['005-Hello_Strata.png', 'text'],
    ]);
    for (const l of manifest.layers) {
      const png = await decodePng(files[l.file]!);
      expect([png.width, png.height], l.file).toEqual([l.width, l.height]);
    }
    // Yellow box: opaque, in a group at 0.8 → alpha 204; Blue disc at 0.6: centre alpha 255 → 153
    const yellow = await decodePng(files['003-Yellow_box.png']!);
    expect(yellow.data[3]).toBe(204);
    const blue = await decodePng(files['002-Blue_disc.png']!);
    expect(blue.data[(30 * 60 + 30) * 4 + 3]).toBe(153);
    expect(manifest.layers[0]).not.toHaveProperty('text');
  });
});
