import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { writeFields } from '../docShape.js';
import { structureOf } from '../materialize.js';
import { type Result, err, ok } from '../result.js';
import { subtreeIds } from '../structure.js';
import { type EditContext, transactEdit } from './EditContext.js';

/** Removes a node and its whole subtree (as tombstones, so undo restores them); returns the removed ids. */
export function remove(doc: Y.Doc, id: string, ctx: EditContext = {}): Result<string[], DocumentError> {
  const structure = structureOf(doc);
  if (!structure.records.has(id)) return err(documentError('NODE_NOT_FOUND', id.slice(0, 64), 'id'));
  const ids = subtreeIds(structure, id);
  transactEdit(doc, ctx, () => {
    for (const each of ids) writeFields(doc, each, { deleted: true });
  });
  return ok(ids);
}
