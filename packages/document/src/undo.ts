import * as Y from 'yjs';
import { metaMap, nodesMap } from './docShape.js';

/**
 * Per-user undo/redo: tracks only transactions whose origin is `origin` (pass the same origin in the
 * EditContext of every edit this user makes). Remote edits and other users' edits are never undone, and by
 * Yjs's default an undo does not overwrite a property that someone else changed since.
 */
export function createUndoManager(doc: Y.Doc, origin: unknown, options: { captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager([nodesMap(doc), metaMap(doc)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
