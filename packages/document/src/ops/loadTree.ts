import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { metaMap, writeFields } from '../docShape.js';
import { LIMITS } from '../limits.js';
import { structureOf } from '../materialize.js';
import { type NodeRecord, recordFields, validateMeta } from '../records.js';
import { type Result, err, ok } from '../result.js';
import type { DocNode, DocumentTree } from '../types.js';
import { insertDormant } from './createNodes.js';
import { type EditContext, transactEdit } from './EditContext.js';
import { groupRecord, layerRecord, underPath } from './inputs.js';
import { freshKeys } from './orderKeys.js';

const kindOf = (r: { type: string; kind?: string }): string => (r.type === 'group' ? 'group' : (r.kind ?? ''));

/**
 * Makes the doc show exactly `tree` (same ids), as one forward edit: what restoring a version or importing a file
 * into a live document does. Nodes absent from the tree are removed (tombstoned), present ones updated property by
 * property (only changed values are written; removed ones revived), new ones created. Sibling order keys are kept
 * when the current order already matches the tree. An id whose type or kind differs from the stored node is an
 * IMMUTABLE_PROPERTY error.
 */
export function loadTree(doc: Y.Doc, tree: DocumentTree, ctx: EditContext = {}): Result<void, DocumentError> {
  const meta = validateMeta({ width: tree.width, height: tree.height });
  if (!meta.ok) return meta;
  const structure = structureOf(doc);
  const records: NodeRecord[] = [];
  const seen = new Set<string>();
  const visit = (nodes: readonly DocNode[], parent: string | null, path: string): Result<void, DocumentError> => {
    const current = (structure.childrenOf.get(parent) ?? []).map((id) => structure.records.get(id)!);
    const sameOrder = current.length === nodes.length && current.every((r, i) => r.id === nodes[i]!.id);
    const keys = sameOrder ? current.map((r) => r.order) : freshKeys(nodes.length);
    for (const [i, node] of nodes.entries()) {
      if (seen.has(node.id)) return err(documentError('DUPLICATE_ID', node.id.slice(0, 64), `${path}.${i}.id`));
      seen.add(node.id);
      const order = keys[i]!;
      const record = node.type === 'group' ? groupRecord(node, node.id, parent, order) : layerRecord(node, node.id, parent, order);
      if (!record.ok) return err(underPath(record.error, node.id, `${path}.${i}`));
      const existing = structure.all.get(node.id);
      if (existing && kindOf(existing) !== kindOf(record.value)) return err(documentError('IMMUTABLE_PROPERTY', node.id.slice(0, 64), `${path}.${i}.type`));
      records.push(record.value);
      if (node.type === 'group') {
        const inner = visit(node.children, node.id, `${path}.${i}.children`);
        if (!inner.ok) return inner;
      }
    }
    return ok(undefined);
  };
  const visited = visit(tree.children, null, 'children');
  if (!visited.ok) return visited;
  const created = records.filter((r) => !structure.all.has(r.id));
  if (structure.all.size + created.length > LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));

  insertDormant(doc, created, ctx);
  transactEdit(doc, ctx, () => {
    for (const id of structure.records.keys()) if (!seen.has(id)) writeFields(doc, id, { deleted: true });
    for (const record of records) writeFields(doc, record.id, recordFields(record));
    const map = metaMap(doc);
    if (map.get('width') !== tree.width) map.set('width', tree.width);
    if (map.get('height') !== tree.height) map.set('height', tree.height);
  });
  return ok(undefined);
}
