import type * as Y from 'yjs';
import { insertRecord, writeFields } from '../docShape.js';
import type { NodeRecord } from '../records.js';
import type { EditContext } from './EditContext.js';

/**
 * The transaction origin of the first phase of a node creation. Nodes are created in two transactions: first
 * inserted dormant (every property but `at`) under this origin, which no UndoManager tracks, then placed by
 * writing `at` under the editor's own origin (activate). Undoing a creation therefore deletes only `at`, never
 * the node's Y.Map: Yjs cannot fully restore a deleted map whose properties someone else changed concurrently.
 */
export class NodeCreation {
  constructor(readonly origin: unknown) {}
}

/** The editor behind a transaction origin, seeing through NodeCreation (for servers that attribute edits). */
export function editOrigin(origin: unknown): unknown {
  return origin instanceof NodeCreation ? origin.origin : origin;
}

/**
 * Phase one: inserts the records dormant. `records` may be a function run inside the phase-one transaction (to
 * compute order keys, which may re-key siblings: those writes are then not part of the undoable step, which is
 * harmless). Returns the records as inserted, for phase two.
 */
export function insertDormant(doc: Y.Doc, records: readonly NodeRecord[] | (() => readonly NodeRecord[]), ctx: EditContext): readonly NodeRecord[] {
  let inserted: readonly NodeRecord[] = [];
  doc.transact(() => {
    inserted = typeof records === 'function' ? records() : records;
    for (const record of inserted) insertRecord(doc, record, true);
  }, new NodeCreation(ctx.origin ?? null));
  return inserted;
}

/** Phase two, inside the editor's transaction: places the dormant records (writes their `at`). */
export function activate(doc: Y.Doc, records: readonly NodeRecord[]): void {
  for (const record of records) writeFields(doc, record.id, { parent: record.parent, order: record.order, deleted: false });
}
