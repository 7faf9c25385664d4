import * as Y from 'yjs';
import { addGroup, addLayer, materialize } from '@strata/document';
import { describe, expect, it } from 'vitest';
import { blobHashesInTree, blobHashesInUpdate } from './blobHashesInUpdate.js';

describe('blobHashesInUpdate', () => {
  it('finds the hashes a layer creation or pixel change writes, and none in other edits', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const g = addGroup(doc, { name: 'g' });
    expect(g.ok).toBe(true);
    expect(blobHashesInUpdate(updates.at(-1)!)).toEqual([]);
    const before = updates.length;
    addLayer(doc, { kind: 'raster', blob: 'a'.repeat(64), width: 2, height: 2, name: 'b'.repeat(64).toUpperCase() });
    // a creation writes the node, then places it (two updates)
    expect(updates.slice(before).flatMap(blobHashesInUpdate)).toEqual(['a'.repeat(64)]);
    expect(blobHashesInTree(materialize(doc))).toEqual(['a'.repeat(64)]);
    expect(blobHashesInUpdate(Y.encodeStateAsUpdate(doc))).toEqual(['a'.repeat(64)]);
  });
});
