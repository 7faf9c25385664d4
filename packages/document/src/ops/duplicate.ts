import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { LIMITS } from '../limits.js';
import { structureOf } from '../materialize.js';
import type { NodeRecord } from '../records.js';
import { type Result, err, ok } from '../result.js';
import { subtreeIds } from '../structure.js';
import { activate, insertDormant } from './createNodes.js';
import { type EditContext, newIdFn, transactEdit } from './EditContext.js';
import { freshKeys, orderKeyAt } from './orderKeys.js';

/**
 * Copies a node and its subtree with new ids, placed directly above the original in the same parent.
 * Returns the id of the copy.
 */
export function duplicate(doc: Y.Doc, id: string, ctx: EditContext = {}): Result<string, DocumentError> {
  const structure = structureOf(doc);
  const source = structure.records.get(id);
  if (source === undefined) return err(documentError('NODE_NOT_FOUND', id.slice(0, 64), 'id'));
  const ids = subtreeIds(structure, id);
  if (structure.all.size + ids.length > LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));
  const newId = newIdFn(ctx);
  const copyOf = new Map(ids.map((each) => [each, newId()]));
  for (const copy of copyOf.values()) if (structure.all.has(copy)) return err(documentError('DUPLICATE_ID', copy.slice(0, 64)));
  const parent = structure.parentOf.get(id) ?? null;
  const index = (structure.childrenOf.get(parent) ?? []).indexOf(id) + 1;
  const copies: NodeRecord[] = [{ ...source, id: copyOf.get(id)!, parent }];
  for (const original of ids) {
    const children = structure.childrenOf.get(original);
    if (children === undefined || children.length === 0) continue;
    // fresh keys keep the sibling order even where the originals shared a key
    const keys = freshKeys(children.length);
    children.forEach((child, i) => {
      copies.push({ ...structure.records.get(child)!, id: copyOf.get(child)!, parent: copyOf.get(original)!, order: keys[i]! });
    });
  }
  const created = insertDormant(doc, () => [{ ...copies[0]!, order: orderKeyAt(doc, structure, parent, index) }, ...copies.slice(1)], ctx);
  transactEdit(doc, ctx, () => activate(doc, created));
  return ok(copyOf.get(id)!);
}
