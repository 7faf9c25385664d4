import type * as Y from 'yjs';
import { addGroup, addLayer, type DocNode, type Placement } from '@strata/document';

/**
 * Adds a materialised subtree to a live doc on top of `parent` (children bottom to top, ids kept). Run it inside
 * one transaction (the collab server's `applyServerChange`); the nodes come from our own importers.
 */
export function insertTree(doc: Y.Doc, node: DocNode, at: Placement = {}): void {
  const common = { id: node.id, name: node.name, visible: node.visible, locked: node.locked, opacity: node.opacity,
    blendMode: node.blendMode, x: node.x, y: node.y };
  if (node.type === 'group') {
    const r = addGroup(doc, { ...common, expanded: node.expanded }, at);
    if (!r.ok) throw new InsertTreeError(node.id, r.error.message);
    for (const child of node.children) insertTree(doc, child, { parent: r.value });
    return;
  }
  const r = node.kind === 'raster'
    ? addLayer(doc, { ...common, kind: 'raster', blob: node.blob, width: node.width, height: node.height }, at)
    : addLayer(doc, { ...common, kind: 'text', text: node.text, blob: node.blob, width: node.width, height: node.height }, at);
  if (!r.ok) throw new InsertTreeError(node.id, r.error.message);
}

export class InsertTreeError extends Error {
  override name = 'InsertTreeError';
  constructor(nodeId: string, message: string) {
    super(`node ${nodeId}: ${message}`);
  }
}
