import type { DocNode, GroupNode, LayerNode } from '@strata/document';

export interface VisitedLayer {
  layer: LayerNode;
  /** groups from the top level down to the layer's parent */
  ancestors: GroupNode[];
}

/** Every layer, bottom to top, depth first, with its ancestors. */
export function* walkLayers(nodes: DocNode[], ancestors: GroupNode[] = []): Generator<VisitedLayer> {
  for (const node of nodes) {
    if (node.type === 'group') yield* walkLayers(node.children, [...ancestors, node]);
    else yield { layer: node, ancestors };
  }
}

export function countNodes(nodes: DocNode[]): number {
  let n = 0;
  for (const node of nodes) n += 1 + (node.type === 'group' ? countNodes(node.children) : 0);
  return n;
}
