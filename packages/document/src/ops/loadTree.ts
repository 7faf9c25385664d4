import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { insertRecord, metaMap, nodesMap, writeFields } from '../docShape.js';
import { LIMITS } from '../limits.js';
import { structureOf } from '../materialize.js';
import { type NodeRecord, recordFields, validateMeta } from '../records.js';
import { type Result, err, ok } from '../result.js';
import type { DocNode, DocumentTree } from '../types.js';
import { type EditContext, transactEdit } from './EditContext.js';
import { freshKeys } from './orderKeys.js';
import { groupRecord, layerRecord, underPath } from './inputs.js';

/**
 * Makes the doc show exactly `tree` (same ids), as one forward transaction: what restoring a version or importing
 * a file into a live document does. Nodes absent from the tree are removed, present ones are updated property by
 * property (only changed values are written), new ones are created. Sibling order keys are kept when the current
 * order already matches the tree.
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
      if (seen.size > LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));
      const order = keys[i]!;
      const record = node.type === 'group' ? groupRecord(node, node.id, parent, order) : layerRecord(node, node.id, parent, order);
      if (!record.ok) return err(underPath(record.error, node.id, `${path}.${i}`));
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

  transactEdit(doc, ctx, () => {
    const nodes = nodesMap(doc);
    for (const id of [...nodes.keys()]) if (!seen.has(id)) nodes.delete(id);
    for (const record of records) {
      const existing = structure.records.get(record.id);
      const sameKind = existing && existing.type === record.type && (existing.type === 'group' || (record.type === 'layer' && existing.kind === record.kind));
      if (sameKind) writeFields(doc, record.id, recordFields(record));
      else insertRecord(doc, record);
    }
    const metaMapped = metaMap(doc);
    if (metaMapped.get('width') !== tree.width) metaMapped.set('width', tree.width);
    if (metaMapped.get('height') !== tree.height) metaMapped.set('height', tree.height);
  });
  return ok(undefined);
}
