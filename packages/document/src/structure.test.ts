import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { materialize, structureOf } from './materialize.js';
import { addGroup, addLayer } from './ops/addNode.js';
import { move } from './ops/move.js';
import { remove } from './ops/remove.js';
import { planRepair, purgeDeleted, repair } from './ops/repair.js';
import { nodesMap } from './docShape.js';
import { must, newDoc, raster, sync } from './testing/factories.js';
import type { DocNode } from './types.js';

const ids = (nodes: DocNode[]): unknown[] => nodes.map((n) => (n.type === 'group' ? { [n.id]: ids(n.children) } : n.id));

/** Two replicas that start from the same state. */
function pair(setup: (doc: Y.Doc) => void): [Y.Doc, Y.Doc] {
  const a = newDoc(1);
  setup(a);
  const b = new Y.Doc();
  b.clientID = 2;
  sync(a, b);
  return [a, b];
}

describe('concurrent-edit repair', () => {
  it('breaks a cycle from concurrent reparenting at the smallest id, the same on every replica', () => {
    const [a, b] = pair((doc) => {
      must(addGroup(doc, { id: 'x' }));
      must(addGroup(doc, { id: 'y' }));
    });
    must(move(a, 'x', 'y'));
    must(move(b, 'y', 'x'));
    sync(a, b);
    expect(materialize(a)).toEqual(materialize(b));
    expect(ids(materialize(a).children)).toEqual([{ x: [{ y: [] }] }]);
    expect(structureOf(a).detached.get('x')).toBe('cycle');
  });

  it('moves children of a concurrently deleted group to the top level', () => {
    const [a, b] = pair((doc) => {
      must(addGroup(doc, { id: 'g' }));
      must(addLayer(doc, raster(1, { id: 'kept' })));
    });
    must(remove(a, 'g'));
    must(move(b, 'kept', 'g'));
    must(addLayer(b, raster(2, { id: 'new' }), { parent: 'g' }));
    sync(a, b);
    expect(materialize(a)).toEqual(materialize(b));
    expect(ids(materialize(a).children).sort()).toEqual(['kept', 'new']);
    expect(structureOf(a).detached.get('new')).toBe('deleted-parent');
  });

  it('orders concurrent inserts at one spot by id, then repair gives them distinct keys without changing the tree', () => {
    const [a, b] = pair((doc) => {
      must(addLayer(doc, raster(1, { id: 'p' })));
      must(addLayer(doc, raster(2, { id: 'q' })));
    });
    must(addLayer(a, raster(3, { id: 'm2' }), { index: 1 }));
    must(addLayer(b, raster(4, { id: 'm1' }), { index: 1 }));
    sync(a, b);
    const tree = materialize(a);
    expect(ids(tree.children)).toEqual(['p', 'm1', 'm2', 'q']);
    expect(planRepair(structureOf(a)).map((w) => w.id)).toEqual(['m2']);
    // both replicas repair concurrently: identical writes converge
    expect(repair(a)).toBe(1);
    expect(repair(b)).toBe(1);
    sync(a, b);
    expect(materialize(a)).toEqual(tree);
    expect(materialize(b)).toEqual(tree);
    expect(planRepair(structureOf(a))).toEqual([]);
    expect(repair(a)).toBe(0);
  });

  it('inserting between two siblings with the same key re-keys them first', () => {
    const [a, b] = pair((doc) => {
      must(addLayer(doc, raster(1, { id: 'p' })));
    });
    must(addLayer(a, raster(3, { id: 'm2' })));
    must(addLayer(b, raster(4, { id: 'm1' })));
    sync(a, b);
    must(addLayer(a, raster(5, { id: 'between' }), { index: 2 }));
    expect(ids(materialize(a).children)).toEqual(['p', 'm1', 'between', 'm2']);
  });

  it('repairs cycles and orphans as writes that converge and keep the tree', () => {
    const [a, b] = pair((doc) => {
      for (const id of ['g1', 'g2', 'g3']) must(addGroup(doc, { id }));
      must(addLayer(doc, raster(1, { id: 'l' }), { parent: 'g3' }));
    });
    must(move(a, 'g1', 'g2'));
    must(move(b, 'g2', 'g3'));
    must(move(b, 'g3', 'g1'));
    must(remove(a, 'g3'));
    sync(a, b);
    const tree = materialize(a);
    expect(materialize(b)).toEqual(tree);
    repair(a);
    repair(b);
    sync(a, b);
    expect(materialize(a)).toEqual(tree);
    // only the node under the removed group stays detached (so undoing the removal puts it back)
    expect([...structureOf(a).detached]).toEqual([['g2', 'deleted-parent']]);
    expect(planRepair(structureOf(b))).toEqual([]);
  });

  it('puts a node moved into a concurrently removed group in the nearest live ancestor', () => {
    const [a, b] = pair((doc) => {
      must(addGroup(doc, { id: 'outer' }));
      must(addGroup(doc, { id: 'inner' }, { parent: 'outer' }));
      must(addLayer(doc, raster(1, { id: 'x' })));
    });
    must(remove(a, 'inner'));
    must(move(b, 'x', 'inner'));
    sync(a, b);
    expect(ids(materialize(a).children)).toEqual([{ outer: ['x'] }]);
    expect(materialize(b)).toEqual(materialize(a));
  });

  it('purgeDeleted drops tombstones and rewrites parents without changing the tree', () => {
    const [a, b] = pair((doc) => {
      must(addGroup(doc, { id: 'outer' }));
      must(addGroup(doc, { id: 'inner' }, { parent: 'outer' }));
      must(addLayer(doc, raster(1, { id: 'x' })));
      must(addLayer(doc, raster(2, { id: 'gone' })));
    });
    must(remove(a, 'inner'));
    must(remove(a, 'gone'));
    must(move(b, 'x', 'inner'));
    sync(a, b);
    const tree = materialize(a);
    expect(purgeDeleted(a)).toBe(2);
    sync(a, b);
    expect(materialize(b)).toEqual(tree);
    expect(nodesMap(b).size).toBe(2);
    expect(structureOf(b).detached.size).toBe(0);
  });
});
