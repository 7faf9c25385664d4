import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { writeFields } from '../docShape.js';
import { structureOf } from '../materialize.js';
import { type Result, err, ok } from '../result.js';
import { isDescendantOrSelf } from '../structure.js';
import { type EditContext, transactEdit } from './EditContext.js';
import { orderKeyAt } from './orderKeys.js';
import { checkPlacement } from './placement.js';

/**
 * Moves a node to `parent` (a group id, or null for the top level) at final position `index` among that parent's
 * children (bottom = 0; default: on top). Writes only `parent` and `order` (and re-keys siblings if needed).
 */
export function move(doc: Y.Doc, id: string, parent: string | null, index?: number, ctx: EditContext = {}): Result<void, DocumentError> {
  const structure = structureOf(doc);
  const record = structure.records.get(id);
  if (record === undefined) return err(documentError('NODE_NOT_FOUND', id.slice(0, 64), 'id'));
  const placed = checkPlacement(structure, parent, index);
  if (!placed.ok) return placed;
  if (parent !== null && isDescendantOrSelf(structure, parent, id)) return err(documentError('CYCLE', undefined, 'parent'));
  transactEdit(doc, ctx, () => {
    const order = orderKeyAt(doc, structure, parent, index, id);
    writeFields(doc, id, { parent, order });
  });
  return ok(undefined);
}
