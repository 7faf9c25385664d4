import { describe, expect, it } from 'vitest';
import { diffTrees, isEmptyDiff } from './diffTrees.js';
import { materialize } from './materialize.js';
import { addGroup, addLayer } from './ops/addNode.js';
import { move } from './ops/move.js';
import { remove } from './ops/remove.js';
import { setProps } from './ops/setProps.js';
import { setCanvasSize } from './ops/setCanvasSize.js';
import { blobOf, must, newDoc, raster } from './testing/factories.js';

describe('diffTrees', () => {
  it('lists added, removed, moved, changed and repainted nodes', () => {
    const doc = newDoc();
    must(addGroup(doc, { id: 'g' }));
    for (const id of ['a', 'b', 'c', 'd']) must(addLayer(doc, raster(1, { id })));
    must(addLayer(doc, raster(1, { id: 'inner' }), { parent: 'g' }));
    const before = materialize(doc);
    expect(isEmptyDiff(diffTrees(before, before))).toBe(true);

    must(remove(doc, 'a'));
    must(addLayer(doc, raster(2, { id: 'new' }), { parent: 'g' }));
    must(move(doc, 'd', null, 1)); // [g, d, b, c]: only d moved relative to b and c
    must(move(doc, 'inner', null));
    must(setProps(doc, 'b', { opacity: 0.5, name: 'B' }));
    must(setProps(doc, 'c', { blob: blobOf(9) }));
    must(setCanvasSize(doc, { width: 200, height: 80 }));
    const after = materialize(doc);
    const diff = diffTrees(before, after);

    expect(diff.canvas).toEqual({ before: { width: 100, height: 80 }, after: { width: 200, height: 80 } });
    expect(diff.added.map((n) => [n.id, n.parent, n.index])).toEqual([['new', 'g', 0]]);
    expect(diff.removed.map((n) => [n.id, n.parent, n.index])).toEqual([['a', null, 1]]);
    expect(diff.moved).toEqual([
      { id: 'd', from: { parent: null, index: 4 }, to: { parent: null, index: 1 } },
      { id: 'inner', from: { parent: 'g', index: 0 }, to: { parent: null, index: 4 } },
    ]);
    expect(diff.changed).toEqual([{ id: 'b', changes: [{ key: 'name', before: 'L1', after: 'B' }, { key: 'opacity', before: 1, after: 0.5 }] }]);
    expect(diff.pixelsChanged).toEqual([{ id: 'c', before: blobOf(1), after: blobOf(9) }]);
  });

  it('reports text style changes by field', () => {
    const doc = newDoc();
    must(addLayer(doc, { id: 't', kind: 'text', width: 5, height: 5, text: { content: 'a', fontFamily: 'Inter', fontSize: 10, color: '#000000', align: 'left' } }));
    const before = materialize(doc);
    must(setProps(doc, 't', { text: { content: 'b' } }));
    expect(diffTrees(before, materialize(doc)).changed).toEqual([{ id: 't', changes: [{ key: 'text.content', before: 'a', after: 'b' }] }]);
  });
});
