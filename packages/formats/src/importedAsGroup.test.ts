import { describe, expect, it } from 'vitest';
import { compositeTree } from '@strata/document';
import { exportOra } from './exportOra.js';
import { importOra } from './importOra.js';
import { importedAsGroup } from './importedAsGroup.js';
import { layerPixelReader } from './layerReader.js';
import { MemoryBlobs } from './testing/MemoryBlobs.js';
import { fixtureDocument } from './testing/documentFixture.js';

describe('importedAsGroup', () => {
  it('puts an imported document into one group that composites like the original', async () => {
    const blobs = new MemoryBlobs();
    const tree = await fixtureDocument(blobs);
    const r = await importOra(await exportOra(tree, blobs.read));
    if (!r.ok) throw r.error;
    for (const [sha, bytes] of r.value.blobs) blobs.bytes.set(sha, bytes);
    const group = importedAsGroup(r.value, 'Imported', () => 'g1');
    expect(group).toMatchObject({ id: 'g1', name: 'Imported', type: 'group', children: r.value.tree.children });
    const read = layerPixelReader(blobs.read);
    const a = await compositeTree(tree, read);
    const b = await compositeTree({ width: tree.width, height: tree.height, children: [group] }, read);
    let maxDiff = 0;
    for (let i = 0; i < a.data.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.data[i]! - b.data[i]!));
    expect(maxDiff).toBeLessThanOrEqual(1);
  });
});
