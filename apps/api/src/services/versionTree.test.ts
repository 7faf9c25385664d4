import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '@strata/document';
import { flattenTree, indexKey, rowsFromTree, treeFromRows } from './versionTree.js';

const common = { visible: true, locked: false, opacity: 1, blendMode: 'normal' as const, x: 0, y: 0 };
const tree: DocumentTree = {
  width: 100, height: 50,
  children: [
    { ...common, id: 'bg', name: 'Background', type: 'layer', kind: 'raster', blob: 'a'.repeat(64), width: 100, height: 50 },
    { ...common, id: 'g', name: 'Group', type: 'group', expanded: false, children: [
      { ...common, id: 't', name: 'Title', type: 'layer', kind: 'text', blob: 'b'.repeat(64), width: 10, height: 5,
        text: { content: 'Hi', fontFamily: 'Inter', fontSize: 12, color: '#000000', align: 'left' } },
      { ...common, id: 'r', name: 'R', type: 'layer', kind: 'raster', blob: 'c'.repeat(64), width: 3, height: 3, opacity: 0.5 },
    ] },
  ],
};

describe('version rows', () => {
  it('round-trips a tree through rows, whatever the row order', () => {
    const rows = rowsFromTree(tree);
    expect(rows).toHaveLength(4);
    expect(treeFromRows([...rows].reverse(), 100, 50)).toEqual(tree);
  });
  it('orders siblings by plain string comparison of keys', () => {
    expect(indexKey(35) < indexKey(36)).toBe(true);
    const rows = rowsFromTree(tree, (id) => ({ bg: 'a0', g: 'Zz' } as Record<string, string>)[id]);
    // 'Zz' < 'a0' in code-unit order: the group comes first (bottom)
    expect(treeFromRows(rows, 100, 50).children.map((n) => n.id)).toEqual(['g', 'bg']);
  });
  it('flattens parents before children with index and depth', () => {
    expect(flattenTree(tree).map((f) => [f.node.id, f.parentId, f.index, f.depth])).toEqual([
      ['bg', null, 0, 0], ['g', null, 1, 0], ['t', 'g', 0, 1], ['r', 'g', 1, 1],
    ]);
  });
  it('drops rows whose parent is missing', () => {
    const rows = rowsFromTree(tree).filter((r) => r.nodeId !== 'g');
    expect(flattenTree(treeFromRows(rows, 1, 1)).map((f) => f.node.id)).toEqual(['bg']);
  });
});
