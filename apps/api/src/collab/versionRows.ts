import type { DocNode, DocumentTree } from '@strata/document';

/** One VersionNode row (prisma/schema.prisma) of a materialised tree. */
export interface VersionNodeRow {
  nodeId: string;
  parentId: string | null;
  /** fixed-width sibling index key (same format as services/versionTree.ts indexKey): plain string order = index order */
  order: string;
  type: 'group' | 'layer';
  kind: 'raster' | 'text' | null;
  name: string;
  visible: boolean;
  locked: boolean;
  opacity: number;
  blendMode: string;
  x: number;
  y: number;
  width: number | null;
  height: number | null;
  blob: string | null;
  props: Record<string, unknown>;
}

/** Pure: flattens a materialised tree into rows, parents before children. */
export function versionRows(tree: DocumentTree): VersionNodeRow[] {
  const rows: VersionNodeRow[] = [];
  const walk = (nodes: DocNode[], parentId: string | null): void => {
    nodes.forEach((n, i) => {
      const base = {
        nodeId: n.id, parentId, order: `a${i.toString(36).padStart(6, '0')}`, name: n.name, visible: n.visible, locked: n.locked,
        opacity: n.opacity, blendMode: n.blendMode, x: n.x, y: n.y,
      };
      if (n.type === 'group') {
        rows.push({ ...base, type: 'group', kind: null, width: null, height: null, blob: null, props: { expanded: n.expanded } });
        walk(n.children, n.id);
      } else if (n.kind === 'raster') {
        rows.push({ ...base, type: 'layer', kind: 'raster', width: n.width, height: n.height, blob: n.blob || null, props: {} });
      } else {
        rows.push({ ...base, type: 'layer', kind: 'text', width: n.width, height: n.height, blob: n.blob || null, props: { text: n.text } });
      }
    });
  };
  walk(tree.children, null);
  return rows;
}
