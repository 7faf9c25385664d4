import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { nodesMap } from '../docShape.js';
import { structureOf } from '../materialize.js';
import { type Result, err, ok } from '../result.js';
import { subtreeIds } from '../structure.js';
import { type EditContext, transactEdit } from './EditContext.js';

/** Removes a node and its whole subtree; returns the removed ids (parents first). */
export function remove(doc: Y.Doc, id: string, ctx: EditContext = {}): Result<string[], DocumentError> {
  const structure = structureOf(doc);
  if (!structure.records.has(id)) return err(documentError('NODE_NOT_FOUND', id.slice(0, 64), 'id'));
  const ids = subtreeIds(structure, id);
  transactEdit(doc, ctx, () => {
    const nodes = nodesMap(doc);
    for (const each of ids) nodes.delete(each);
  });
  return ok(ids);
}
