import * as Y from 'yjs';
import { metaMap, nodesMap } from './docShape.js';

/**
 * Per-user undo/redo: tracks only transactions whose origin is `origin` (pass the same origin in the
 * EditContext of every edit this user makes). Remote edits and other users' edits are never undone, and by
 * Yjs's default an undo does not overwrite a property that someone else changed since.
 *
 * Always create undo managers through this helper: its delete filter keeps node properties meaningful. Undoing a
 * property write deletes the new value and re-inserts the old one; when a concurrent write by someone else sits
 * between them, Yjs refuses the re-insert and the key would be left with no value. The filter then keeps the
 * current value instead (that undo step is a no-op for that property). A deletion goes through when the key had
 * no earlier value (undoing the first write of a property restores its default; undoing a creation deletes
 * `at`, making the node dormant) and always for `deleted` (undoing a removal revives the node).
 */
export function createUndoManager(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number } = {}): Y.UndoManager {
  const nodes = nodesMap(doc);
  const meta = metaMap(doc);
  const isNode = (parent: unknown): boolean => parent instanceof Y.Map && parent._item !== null && parent._item.parent === nodes;
  return new Y.UndoManager([nodes, meta], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 500,
    deleteFilter: (item) => {
      const key = item.parentSub;
      if (key === null || !(item.parent === meta || isNode(item.parent))) return true;
      const current = (item.parent as Y.Map<unknown>)._map.get(key) === item;
      if (!current || key === 'deleted') return true;
      return item.parent !== meta && item.left === null;
    },
  });
}
