import { describe, expect, it } from 'vitest';
import { materialize } from '../materialize.js';
import { counterIds, must, newDoc, raster } from '../testing/factories.js';
import type { DocNode } from '../types.js';
import { addGroup, addLayer } from './addNode.js';
import { duplicate } from './duplicate.js';
import { loadTree } from './loadTree.js';
import { move } from './move.js';
import { remove } from './remove.js';
import { replaceWithGroup } from './replaceWithGroup.js';
import { setProps } from './setProps.js';

const ids = (nodes: DocNode[]): unknown[] => nodes.map((n) => (n.type === 'group' ? { [n.id]: ids(n.children) } : n.id));

describe('operations', () => {
  it('adds layers and groups bottom to top at an index', () => {
    const doc = newDoc();
    must(addLayer(doc, raster(1, { id: 'a' })));
    must(addLayer(doc, raster(2, { id: 'b' })));
    must(addLayer(doc, raster(3, { id: 'c' }), { index: 0 }));
    must(addGroup(doc, { id: 'g' }, { index: 1 }));
    must(addLayer(doc, raster(4, { id: 'd' }), { parent: 'g' }));
    const tree = materialize(doc);
    expect(tree.width).toBe(100);
    expect(ids(tree.children)).toEqual(['c', { g: ['d'] }, 'a', 'b']);
    const a = tree.children[2]!;
    expect(a).toMatchObject({ type: 'layer', kind: 'raster', name: 'L1', opacity: 1, blendMode: 'normal', visible: true, locked: false });
  });

  it('rejects bad input without writing', () => {
    const doc = newDoc();
    must(addLayer(doc, raster(1, { id: 'a' })));
    const before = materialize(doc);
    expect(addLayer(doc, raster(2, { id: 'x', opacity: 7 }))).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY', path: 'nodes.x.opacity' } });
    expect(addLayer(doc, raster(2, { id: 'a' }))).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ID' } });
    expect(addLayer(doc, raster(2), { parent: 'a' })).toMatchObject({ ok: false, error: { code: 'NOT_A_GROUP' } });
    expect(addLayer(doc, raster(2), { parent: 'nope' })).toMatchObject({ ok: false, error: { code: 'NODE_NOT_FOUND' } });
    expect(addLayer(doc, raster(2), { index: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(addLayer(doc, { ...raster(2), kind: 'vector' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(addLayer(doc, raster(2, { blob: 'abc' }))).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(addLayer(doc, raster(2, { width: 40_000 }))).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(addLayer(doc, raster(2, { name: 'n'.repeat(300) }))).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(materialize(doc)).toEqual(before);
  });

  it('moves within a parent and across groups, refusing cycles', () => {
    const doc = newDoc();
    for (const id of ['a', 'b', 'c']) must(addLayer(doc, raster(1, { id })));
    must(addGroup(doc, { id: 'g' }));
    must(addGroup(doc, { id: 'h' }, { parent: 'g' }));
    must(move(doc, 'a', null, 2));
    expect(ids(materialize(doc).children)).toEqual(['b', 'c', 'a', { g: [{ h: [] }] }]);
    must(move(doc, 'c', 'h', 0));
    expect(ids(materialize(doc).children)).toEqual(['b', 'a', { g: [{ h: ['c'] }] }]);
    expect(move(doc, 'g', 'h')).toMatchObject({ ok: false, error: { code: 'CYCLE' } });
    expect(move(doc, 'g', 'g')).toMatchObject({ ok: false, error: { code: 'CYCLE' } });
    expect(move(doc, 'b', 'a')).toMatchObject({ ok: false, error: { code: 'NOT_A_GROUP' } });
    must(move(doc, 'b', null, 0));
    expect(ids(materialize(doc).children)).toEqual(['b', 'a', { g: [{ h: ['c'] }] }]);
  });

  it('sets properties, refusing ones that do not apply', () => {
    const doc = newDoc();
    must(addLayer(doc, raster(1, { id: 'a' })));
    must(addLayer(doc, { id: 't', kind: 'text', width: 50, height: 20, text: { content: 'Hi', fontFamily: 'Inter', fontSize: 12, color: '#112233', align: 'left' } }));
    must(setProps(doc, 'a', { opacity: 0.5, blendMode: 'multiply', x: 3, name: 'bg' }));
    must(setProps(doc, 't', { text: { content: 'Hello', color: '#ffffff' } }));
    const [a, t] = materialize(doc).children;
    expect(a).toMatchObject({ opacity: 0.5, blendMode: 'multiply', x: 3, name: 'bg' });
    expect(t).toMatchObject({ kind: 'text', name: 'Hi', blob: '', text: { content: 'Hello', color: '#ffffff', fontSize: 12 } });
    expect(setProps(doc, 'a', { opacity: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY', path: 'nodes.a.opacity' } });
    expect(setProps(doc, 'a', { blendMode: 'glow' as never })).toMatchObject({ ok: false });
    expect(setProps(doc, 'a', { expanded: false })).toMatchObject({ ok: false });
    expect(setProps(doc, 'a', { text: { content: 'x' } })).toMatchObject({ ok: false });
    expect(setProps(doc, 'a', { type: 'group' } as never)).toMatchObject({ ok: false });
    expect(setProps(doc, 'a', { x: 1.5 })).toMatchObject({ ok: false });
    expect(setProps(doc, 'zz', { x: 1 })).toMatchObject({ ok: false, error: { code: 'NODE_NOT_FOUND' } });
  });

  it('removes a subtree and duplicates one with new ids above the original', () => {
    const doc = newDoc();
    const ctx = { newId: counterIds('n') };
    must(addGroup(doc, { id: 'g' }));
    must(addLayer(doc, raster(1, { id: 'a' }), { parent: 'g' }));
    must(addLayer(doc, raster(2, { id: 'b' }), { parent: 'g' }));
    must(addLayer(doc, raster(3, { id: 'top' })));
    expect(must(duplicate(doc, 'g', ctx))).toBe('n-1');
    expect(ids(materialize(doc).children)).toEqual([{ g: ['a', 'b'] }, { 'n-1': ['n-2', 'n-3'] }, 'top']);
    expect(materialize(doc).children[1]).toMatchObject({ name: 'Group', children: [{ name: 'L1', blob: raster(1).blob }, { name: 'L2' }] });
    expect(must(remove(doc, 'g'))).toEqual(['g', 'a', 'b']);
    expect(ids(materialize(doc).children)).toEqual([{ 'n-1': ['n-2', 'n-3'] }, 'top']);
  });

  it('replaces a layer with a group of new layers in its place, in one undoable step', () => {
    const doc = newDoc();
    must(addLayer(doc, raster(1, { id: 'bottom' })));
    must(addLayer(doc, raster(2, { id: 'photo', name: 'Photo', opacity: 0.8 })));
    must(addLayer(doc, raster(3, { id: 'top' })));
    const result = must(replaceWithGroup(doc, 'photo', [raster(10, { id: 'bg' }), raster(11, { id: 'fg' })], { group: { id: 'split' } }));
    expect(result).toEqual({ groupId: 'split', layerIds: ['bg', 'fg'] });
    const tree = materialize(doc);
    expect(ids(tree.children)).toEqual(['bottom', { split: ['bg', 'fg'] }, 'top']);
    expect(tree.children[1]).toMatchObject({ type: 'group', name: 'Photo', opacity: 0.8, x: 0, y: 0 });
    expect(replaceWithGroup(doc, 'split', [])).toMatchObject({ ok: false, error: { code: 'INVALID_PROPERTY' } });
    expect(replaceWithGroup(doc, 'top', [raster(1, { id: 'bg' })])).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ID' } });
    expect(replaceWithGroup(doc, 'top', [raster(1, { opacity: 2 })])).toMatchObject({ ok: false, error: { path: 'layers.0.opacity' } });
  });

  it('loads a tree keeping ids and writing only what changed', () => {
    const doc = newDoc();
    must(addGroup(doc, { id: 'g' }));
    must(addLayer(doc, raster(1, { id: 'a' }), { parent: 'g' }));
    must(addLayer(doc, raster(2, { id: 'b' })));
    const snapshot = materialize(doc);
    must(setProps(doc, 'a', { name: 'changed' }));
    must(move(doc, 'b', null, 0));
    must(addLayer(doc, raster(3, { id: 'c' })));
    must(loadTree(doc, snapshot));
    expect(materialize(doc)).toEqual(snapshot);
    let writes = 0;
    doc.on('update', () => (writes += 1));
    must(loadTree(doc, snapshot));
    expect(writes).toBe(0);
    expect(loadTree(doc, { ...snapshot, width: 0 })).toMatchObject({ ok: false });
    expect(loadTree(doc, { ...snapshot, children: [...snapshot.children, snapshot.children[0]!] })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ID' } });
  });
});
