/**
 * Pure conversions between a DocumentTree (packages/document) and VersionNode rows, and the flat node list GraphQL
 * returns. Sibling order in rows is a fractional-index key compared as plain strings (never with a DB collation).
 */
import type { BlendMode, DocNode, DocumentTree, GroupNode, LayerNode, TextStyle } from '@strata/document';
import type { FlatNode, TreeNodeValue } from '../graphql/mappers.js';
import type { VersionNodeRow } from '../models/versions.js';

/** Keys for rows without a key from the live doc: fixed width so plain string order equals index order. */
export function indexKey(index: number): string {
  return `a${index.toString(36).padStart(6, '0')}`;
}

export function rowsFromTree(tree: DocumentTree, orderOf?: (id: string) => string | undefined): VersionNodeRow[] {
  const rows: VersionNodeRow[] = [];
  const visit = (nodes: readonly DocNode[], parentId: string | null): void => {
    nodes.forEach((node, i) => {
      const base = { nodeId: node.id, parentId, order: orderOf?.(node.id) ?? indexKey(i), name: node.name,
        visible: node.visible, locked: node.locked, opacity: node.opacity, blendMode: node.blendMode, x: node.x, y: node.y };
      if (node.type === 'group') {
        rows.push({ ...base, type: 'group', kind: null, width: null, height: null, blobSha: null,
          props: { expanded: node.expanded } });
        visit(node.children, node.id);
      } else {
        rows.push({ ...base, type: 'layer', kind: node.kind, width: node.width, height: node.height,
          blobSha: node.blob || null, props: node.kind === 'text' ? { text: { ...node.text } } : {} });
      }
    });
  };
  visit(tree.children, null);
  return rows;
}

type RowLike = Omit<VersionNodeRow, 'props'> & { props: unknown };

function propsOf(row: RowLike): Record<string, unknown> {
  return row.props && typeof row.props === 'object' && !Array.isArray(row.props) ? row.props as Record<string, unknown> : {};
}

function nodeFromRow(row: RowLike, children: DocNode[]): DocNode {
  const base = { id: row.nodeId, name: row.name, visible: row.visible, locked: row.locked, opacity: row.opacity,
    blendMode: row.blendMode as BlendMode, x: row.x, y: row.y };
  const props = propsOf(row);
  if (row.type === 'group') {
    const group: GroupNode = { ...base, type: 'group', expanded: props.expanded !== false, children };
    return group;
  }
  const layer = { ...base, type: 'layer' as const, blob: row.blobSha ?? '', width: row.width ?? 0, height: row.height ?? 0 };
  if (row.kind === 'text') {
    const text: LayerNode = { ...layer, kind: 'text', text: props.text as TextStyle };
    return text;
  }
  return { ...layer, kind: 'raster' };
}

const byOrder = (a: RowLike, b: RowLike): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0;

/** Rebuilds the tree; rows whose parent is missing (or in a cycle) are dropped. */
export function treeFromRows(rows: readonly RowLike[], width: number, height: number): DocumentTree {
  const childrenOf = new Map<string | null, RowLike[]>();
  for (const row of rows) {
    const list = childrenOf.get(row.parentId);
    if (list) list.push(row);
    else childrenOf.set(row.parentId, [row]);
  }
  const seen = new Set<string>();
  const build = (parentId: string | null): DocNode[] =>
    (childrenOf.get(parentId) ?? []).sort(byOrder).flatMap((row) => {
      if (seen.has(row.nodeId)) return [];
      seen.add(row.nodeId);
      return [nodeFromRow(row, row.type === 'group' ? build(row.nodeId) : [])];
    });
  return { width, height, children: build(null) };
}

/** Depth-first, parents before children, siblings bottom to top. */
export function flattenTree(tree: DocumentTree): FlatNode[] {
  const out: FlatNode[] = [];
  const visit = (nodes: readonly DocNode[], parentId: string | null, depth: number): void => {
    nodes.forEach((node, index) => {
      out.push({ node, parentId, index, depth });
      if (node.type === 'group') visit(node.children, node.id, depth + 1);
    });
  };
  visit(tree.children, null, 0);
  return out;
}

/** The flattened tree as GraphQL TreeNode values. */
export function treeNodeValues(tree: DocumentTree): TreeNodeValue[] {
  return flattenTree(tree).map(({ node, parentId, index, depth }) => {
    const layer = node.type === 'layer' ? node : null;
    return {
      id: node.id, parentId, index, depth, type: node.type, kind: layer ? layer.kind : null, name: node.name,
      visible: node.visible, locked: node.locked, opacity: node.opacity, blendMode: node.blendMode, x: node.x, y: node.y,
      width: layer ? layer.width : null, height: layer ? layer.height : null,
      blob: layer && layer.blob ? { sha256: layer.blob } : null,
      expanded: node.type === 'group' ? node.expanded : null,
      text: layer && layer.kind === 'text' ? layer.text : null,
    };
  });
}
