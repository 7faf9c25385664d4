import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { materialize } from './materialize.js';
import { addGroup, addLayer } from './ops/addNode.js';
import { remove } from './ops/remove.js';
import { replaceWithGroup } from './ops/replaceWithGroup.js';
import { setProps } from './ops/setProps.js';
import { must, newDoc, raster, sync } from './testing/factories.js';
import { createUndoManager } from './undo.js';
import { validateUpdate } from './validateUpdate.js';

describe('createUndoManager', () => {
  it("undoes only this user's edits, not remote ones", () => {
    const alice = newDoc(1);
    must(addLayer(alice, raster(1, { id: 'a' })));
    const bob = new Y.Doc();
    bob.clientID = 2;
    sync(alice, bob);
    const me = { user: 'alice' };
    const undo = createUndoManager(alice, me, { captureTimeout: 0 });
    must(setProps(alice, 'a', { name: 'mine' }, { origin: me }));
    must(setProps(bob, 'a', { opacity: 0.5 }));
    sync(alice, bob);
    undo.undo();
    expect(materialize(alice).children[0]).toMatchObject({ name: 'L1', opacity: 0.5 });
    undo.redo();
    expect(materialize(alice).children[0]).toMatchObject({ name: 'mine', opacity: 0.5 });
  });

  it('does not overwrite a property someone else changed since', () => {
    const alice = newDoc(1);
    must(addLayer(alice, raster(1, { id: 'a' })));
    const bob = new Y.Doc();
    sync(alice, bob);
    const me = 'alice';
    const undo = createUndoManager(alice, me, { captureTimeout: 0 });
    must(setProps(alice, 'a', { name: 'mine' }, { origin: me }));
    sync(alice, bob);
    must(setProps(bob, 'a', { name: 'theirs' }));
    sync(alice, bob);
    undo.undo();
    expect(materialize(alice).children[0]).toMatchObject({ name: 'theirs' });
  });

  it('restores a removed layer exactly, keeping what others changed meanwhile', () => {
    const alice = newDoc(1);
    must(addLayer(alice, raster(1, { id: 'a' })));
    const bob = new Y.Doc();
    bob.clientID = 2;
    sync(alice, bob);
    const undo = createUndoManager(alice, 'alice', { captureTimeout: 0 });
    must(remove(alice, 'a', { origin: 'alice' }));
    must(setProps(bob, 'a', { x: 5, opacity: 0.3 }));
    sync(alice, bob);
    expect(materialize(alice).children).toEqual([]);
    undo.undo();
    sync(alice, bob);
    expect(materialize(alice).children[0]).toMatchObject({ id: 'a', x: 5, opacity: 0.3, name: 'L1' });
    expect(materialize(bob)).toEqual(materialize(alice));
  });

  it('never leaves a property without a value when undo meets a concurrent write', () => {
    const alice = newDoc(2);
    must(addLayer(alice, raster(1, { id: 'a' })));
    const bob = new Y.Doc();
    bob.clientID = 1;
    sync(alice, bob);
    const undo = createUndoManager(alice, 'alice', { captureTimeout: 0 });
    // concurrent writes of x: alice's wins (higher client id), so bob's sits between the old value and alice's;
    // Yjs cannot re-insert the old value past bob's write, and without the filter x would be left empty
    must(setProps(alice, 'a', { x: 1 }, { origin: 'alice' }));
    must(setProps(bob, 'a', { x: 2 }));
    sync(alice, bob);
    undo.undo();
    sync(alice, bob);
    expect(materialize(alice).children[0]).toMatchObject({ id: 'a', x: 1 });
    expect(materialize(bob)).toEqual(materialize(alice));
  });

  it('undoes and redoes a creation after someone else edited the new node, and the server accepts both', () => {
    const alice = newDoc(1);
    const bob = new Y.Doc();
    bob.clientID = 2;
    sync(alice, bob);
    const undo = createUndoManager(alice, 'alice', { captureTimeout: 0 });
    must(addLayer(alice, raster(1, { id: 'n' }), {}, { origin: 'alice' }));
    sync(alice, bob);
    must(setProps(bob, 'n', { opacity: 0.5 }));
    sync(alice, bob);
    const step = (action: () => void): void => {
      const before = Y.encodeStateVector(alice);
      action();
      expect(validateUpdate(bob, Y.encodeStateAsUpdate(alice, before)).ok).toBe(true);
      sync(alice, bob);
    };
    step(() => undo.undo());
    expect(materialize(alice).children).toEqual([]);
    expect(materialize(bob).children).toEqual([]);
    step(() => undo.redo());
    expect(materialize(bob).children[0]).toMatchObject({ id: 'n', opacity: 0.5 });
  });

  it('restores a removed subtree and undoes a decomposition in one step', () => {
    const doc = newDoc();
    const me = 'u';
    const undo = createUndoManager(doc, me, { captureTimeout: 0 });
    must(addGroup(doc, { id: 'g' }, {}, { origin: me }));
    must(addLayer(doc, raster(1, { id: 'a' }), { parent: 'g' }, { origin: me }));
    must(addLayer(doc, raster(2, { id: 'b' }), {}, { origin: me }));
    const before = materialize(doc);
    must(remove(doc, 'g', { origin: me }));
    must(replaceWithGroup(doc, 'b', [raster(3), raster(4)], { origin: me }));
    undo.undo();
    expect(materialize(doc).children.map((n) => n.id)).toEqual(['b']);
    undo.undo();
    expect(materialize(doc)).toEqual(before);
  });
});
