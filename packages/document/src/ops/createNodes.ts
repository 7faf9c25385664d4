import type * as Y from 'yjs';
import { insertRecord } from '../docShape.js';
import type { NodeRecord } from '../records.js';
import type { EditContext } from './EditContext.js';

/**
 * The transaction origin of the first phase of a node creation. Nodes are created in two transactions: first
 * inserted as tombstones under this origin (which no UndoManager tracks), then brought to life by setting
 * `deleted: false` under the editor's own origin. Undoing a creation therefore flips `deleted` instead of
 * deleting the node's Y.Map: Yjs cannot fully restore a deleted map whose properties someone else changed
 * concurrently, but it can always flip a flag back.
 */
export class NodeCreation {
  constructor(readonly origin: unknown) {}
}

/** The editor behind a transaction origin, seeing through NodeCreation (for servers that attribute edits). */
export function editOrigin(origin: unknown): unknown {
  return origin instanceof NodeCreation ? origin.origin : origin;
}

/**
 * Phase one: inserts the records as tombstones. Phase two is the caller's `writeFields(doc, id, { deleted: false })`.
 * `records` may be a function run inside the phase-one transaction (to compute order keys, which may re-key
 * siblings: those writes are then not part of the undoable step, which is harmless).
 */
export function insertDormant(doc: Y.Doc, records: readonly NodeRecord[] | (() => readonly NodeRecord[]), ctx: EditContext): void {
  doc.transact(() => {
    for (const record of typeof records === 'function' ? records() : records) insertRecord(doc, { ...record, deleted: true });
  }, new NodeCreation(ctx.origin ?? null));
}
