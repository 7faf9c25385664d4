import type * as Y from 'yjs';
import { nodesMap, readRecords } from '../docShape.js';
import { materialize, structureOf } from '../materialize.js';
import { groupRecord, layerRecord } from '../ops/inputs.js';
import type { DocNode, DocumentTree } from '../types.js';

export class InvariantError extends Error {
  override name = 'InvariantError';
}

function fail(message: string): never {
  throw new InvariantError(message);
}

/**
 * The tree invariants: every stored node is valid, reachable from the root exactly once, effective parents form no
 * cycle, and every materialised node has valid properties. With `clean`, the stored state itself must need no
 * repair: no detached nodes and unique order keys among siblings.
 */
export function checkInvariants(doc: Y.Doc, options: { clean?: boolean } = {}): DocumentTree {
  const tree = materialize(doc);
  const stored = readRecords(doc);
  if (stored.size !== nodesMap(doc).size) fail(`${nodesMap(doc).size - stored.size} stored node(s) are invalid`);
  const structure = structureOf(doc);
  const records = structure.records; // live nodes
  const seen = new Set<string>();
  const walk = (nodes: readonly DocNode[]): void => {
    for (const node of nodes) {
      if (seen.has(node.id)) fail(`node ${node.id} appears twice`);
      seen.add(node.id);
      const valid = node.type === 'group' ? groupRecord(node, node.id, null, 'a0') : layerRecord(node, node.id, null, 'a0');
      if (!valid.ok) fail(`node ${node.id} invalid: ${valid.error.message}`);
      if (node.type === 'group') walk(node.children);
    }
  };
  walk(tree.children);
  for (const id of records.keys()) if (!seen.has(id)) fail(`node ${id} is not reachable from the root`);
  if (seen.size !== records.size) fail('the tree shows nodes that are not live');
  for (const id of records.keys()) {
    let at: string | null = id;
    for (let steps = 0; at !== null; steps += 1) {
      if (steps > records.size) fail(`cycle through ${id}`);
      at = structure.parentOf.get(at) ?? null;
    }
  }
  if (options.clean) {
    const damaged = [...structure.detached].filter(([, reason]) => reason !== 'deleted-parent');
    if (damaged.length > 0) fail(`detached after repair: ${damaged.map(([id]) => id).join(', ')}`);
    for (const [parent, children] of structure.childrenOf) {
      const orders = children.map((id) => records.get(id)!.order);
      if (new Set(orders).size !== orders.length) fail(`duplicate order keys under ${parent ?? 'root'}`);
    }
  }
  return tree;
}
