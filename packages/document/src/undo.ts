import * as Y from 'yjs';
import { metaMap, nodesMap } from './docShape.js';

/**
 * Per-user undo/redo: tracks only transactions whose origin is `origin` (pass the same origin in the
 * EditContext of every edit this user makes). Remote edits and other users' edits are never undone, and by
 * Yjs's default an undo does not overwrite a property that someone else changed since.
 *
 * Always create undo managers through this helper: its delete filter keeps every node property set. Undoing a
 * property write deletes the new value and re-inserts the old one; when a concurrent write by someone else sits
 * between them, Yjs refuses the re-insert and the key would end up with no value at all (an invalid node). The
 * filter then keeps the current value instead: that undo step is a no-op for that property.
 */
export function createUndoManager(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number } = {}): Y.UndoManager {
  const nodes = nodesMap(doc);
  const meta = metaMap(doc);
  const isPropertyOf = (parent: unknown): boolean =>
    parent === meta || (parent instanceof Y.Map && parent._item !== null && parent._item.parent === nodes);
  return new Y.UndoManager([nodes, meta], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 500,
    deleteFilter: (item) => {
      if (item.parentSub === null || !isPropertyOf(item.parent)) return true;
      const parent = item.parent as Y.Map<unknown>;
      return parent._map.get(item.parentSub) !== item;
    },
  });
}
