import { describe, expect, it } from 'vitest';
import type { NodeRecord } from './records.js';
import { decodeStored, encodeStored, storedWrites } from './storedNode.js';

const layer: NodeRecord = {
  id: 'l1', type: 'layer', kind: 'raster', deleted: false, parent: 'g', order: 'a1', name: 'Sky', visible: true,
  locked: false, opacity: 1, blendMode: 'normal', x: 0, y: 0, blob: 'f'.repeat(64), width: 10, height: 20,
};

describe('stored node layout', () => {
  it('stores required keys and non-default properties only, and decodes back to the same record', () => {
    const stored = encodeStored(layer);
    expect(stored).toEqual({ kind: 'raster', at: ['g', 'a1'], pixels: ['f'.repeat(64), 10, 20], name: 'Sky' });
    expect(decodeStored('l1', stored)).toEqual({ ok: true, value: layer });
    const text: NodeRecord = { ...layer, kind: 'text', blob: '', content: 'Hi', fontFamily: 'Inter', fontSize: 16, color: '#000000', align: 'left', opacity: 0.5 };
    expect(encodeStored(text)).toEqual({ kind: 'text', at: ['g', 'a1'], pixels: ['', 10, 20], name: 'Sky', content: 'Hi', fontFamily: 'Inter', opacity: 0.5 });
    expect(decodeStored('l1', encodeStored(text))).toEqual({ ok: true, value: text });
  });

  it('reads a node without `at` as dormant', () => {
    const dormant = encodeStored(layer, true);
    expect(dormant).not.toHaveProperty('at');
    expect(decodeStored('l1', dormant)).toMatchObject({ ok: true, value: { deleted: true, parent: null } });
  });

  it('writes only changed keys, packing fields that change together', () => {
    const stored = encodeStored(layer);
    expect(storedWrites(stored, { ...layer, x: 5 })).toEqual({ set: [['xy', [5, 0]]], remove: [] });
    expect(storedWrites(stored, { ...layer, width: 11, blob: 'e'.repeat(64) })).toEqual({ set: [['pixels', ['e'.repeat(64), 11, 20]]], remove: [] });
    expect(storedWrites(stored, { ...layer, opacity: 1 })).toEqual({ set: [], remove: [] });
    expect(storedWrites({ ...stored, opacity: 0.4 }, { ...layer, opacity: 1 })).toEqual({ set: [['opacity', 1]], remove: [] });
    expect(storedWrites({ ...stored, deleted: true }, layer)).toEqual({ set: [], remove: ['deleted'] });
  });

  it('rejects malformed stored values with the stored key as path', () => {
    const stored = encodeStored(layer);
    expect(decodeStored('l1', { ...stored, at: ['g'] })).toMatchObject({ ok: false, error: { path: 'nodes.l1.at' } });
    expect(decodeStored('l1', { ...stored, pixels: ['f'.repeat(64), 0, 20] })).toMatchObject({ ok: false, error: { path: 'nodes.l1.pixels' } });
    expect(decodeStored('l1', { ...stored, xy: [0.5, 1] })).toMatchObject({ ok: false, error: { path: 'nodes.l1.xy' } });
    expect(decodeStored('l1', { ...stored, expanded: true })).toMatchObject({ ok: false, error: { path: 'nodes.l1.expanded' } });
    expect(decodeStored('l1', { kind: 'group', at: [null, 'a0'], pixels: stored['pixels'] })).toMatchObject({ ok: false, error: { path: 'nodes.l1.pixels' } });
    expect(decodeStored('l1', { kind: 'raster', at: [null, 'a0'] })).toMatchObject({ ok: false, error: { path: 'nodes.l1.pixels' } });
  });
});
