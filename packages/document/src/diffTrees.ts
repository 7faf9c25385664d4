import type { DocNode, DocumentTree } from './types.js';

export interface NodePosition {
  /** parent group id, null for the top level */
  parent: string | null;
  /** index among the parent's children, bottom = 0 */
  index: number;
}
export interface PropertyChange {
  /** property name; text style fields as `text.content`, `text.color`, ... */
  key: string;
  before: unknown;
  after: unknown;
}
export interface TreeDiff {
  canvas: { before: { width: number; height: number }; after: { width: number; height: number } } | null;
  /** nodes only in `b` (a new group's descendants are listed too) */
  added: ({ id: string; node: DocNode } & NodePosition)[];
  /** nodes only in `a` */
  removed: ({ id: string; node: DocNode } & NodePosition)[];
  /** nodes in both whose parent changed, or whose order relative to their common siblings changed */
  moved: { id: string; from: NodePosition; to: NodePosition }[];
  /** nodes in both with changed properties (pixels excluded) */
  changed: { id: string; changes: PropertyChange[] }[];
  /** layers in both whose pixels changed (blob hash) */
  pixelsChanged: { id: string; before: string; after: string }[];
}

interface Entry extends NodePosition {
  node: DocNode;
}

function index(tree: DocumentTree): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (nodes: readonly DocNode[], parent: string | null): void => {
    nodes.forEach((node, i) => {
      out.set(node.id, { node, parent, index: i });
      if (node.type === 'group') walk(node.children, node.id);
    });
  };
  walk(tree.children, null);
  return out;
}

/** The comparable properties of a node, flattened; `blob` and `children` excluded. */
function properties(node: DocNode): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'children' || key === 'blob') continue;
    if (key === 'text') for (const [field, v] of Object.entries(value as Record<string, unknown>)) flat[`text.${field}`] = v;
    else flat[key] = value;
  }
  return flat;
}

const kindOf = (node: DocNode): string => (node.type === 'group' ? 'group' : node.kind);

/** Longest common subsequence of two id lists; returns the ids in it. */
function lcs(a: readonly string[], b: readonly string[]): Set<string> {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * cols + j] = a[i] === b[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const keep = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      keep.add(a[i]!);
      i += 1;
      j += 1;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i += 1;
    else j += 1;
  }
  return keep;
}

/**
 * What changed from version `a` to version `b`. A node whose type or kind differs under the same id counts as
 * removed and added. Reordering is reported minimally: among siblings that stay under the same parent, the nodes
 * outside the longest common subsequence of the two orders are the moved ones. Lists are sorted by id. Pure.
 */
export function diffTrees(a: DocumentTree, b: DocumentTree): TreeDiff {
  const before = index(a);
  const after = index(b);
  const diff: TreeDiff = {
    canvas: a.width !== b.width || a.height !== b.height ? { before: { width: a.width, height: a.height }, after: { width: b.width, height: b.height } } : null,
    added: [],
    removed: [],
    moved: [],
    changed: [],
    pixelsChanged: [],
  };
  const same = (id: string): boolean => {
    const x = before.get(id);
    const y = after.get(id);
    return x !== undefined && y !== undefined && kindOf(x.node) === kindOf(y.node);
  };
  for (const [id, entry] of before) if (!same(id)) diff.removed.push({ id, node: entry.node, parent: entry.parent, index: entry.index });
  for (const [id, entry] of after) if (!same(id)) diff.added.push({ id, node: entry.node, parent: entry.parent, index: entry.index });

  // siblings that stay under the same parent, in each order
  const staying = (tree: Map<string, Entry>): Map<string | null, string[]> => {
    const byParent = new Map<string | null, { id: string; index: number }[]>();
    for (const [id, entry] of tree) {
      if (!same(id) || before.get(id)!.parent !== after.get(id)!.parent) continue;
      const list = byParent.get(entry.parent) ?? [];
      list.push({ id, index: entry.index });
      byParent.set(entry.parent, list);
    }
    return new Map([...byParent].map(([parent, list]) => [parent, list.sort((x, y) => x.index - y.index).map((e) => e.id)]));
  };
  const orderBefore = staying(before);
  const orderAfter = staying(after);
  const inPlace = new Set<string>();
  for (const [parent, ids] of orderBefore) for (const id of lcs(ids, orderAfter.get(parent) ?? [])) inPlace.add(id);

  for (const [id, x] of before) {
    if (!same(id)) continue;
    const y = after.get(id)!;
    if (x.parent !== y.parent || !inPlace.has(id)) {
      diff.moved.push({ id, from: { parent: x.parent, index: x.index }, to: { parent: y.parent, index: y.index } });
    }
    const px = properties(x.node);
    const py = properties(y.node);
    const changes: PropertyChange[] = [];
    for (const key of new Set([...Object.keys(px), ...Object.keys(py)])) {
      if (!Object.is(px[key], py[key])) changes.push({ key, before: px[key], after: py[key] });
    }
    if (changes.length > 0) diff.changed.push({ id, changes: changes.sort((c, d) => (c.key < d.key ? -1 : 1)) });
    if (x.node.type === 'layer' && y.node.type === 'layer' && x.node.blob !== y.node.blob) {
      diff.pixelsChanged.push({ id, before: x.node.blob, after: y.node.blob });
    }
  }
  const byId = (p: { id: string }, q: { id: string }): number => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0);
  for (const list of [diff.added, diff.removed, diff.moved, diff.changed, diff.pixelsChanged]) list.sort(byId);
  return diff;
}

/** True when the diff lists no change at all. */
export const isEmptyDiff = (diff: TreeDiff): boolean =>
  diff.canvas === null && [diff.added, diff.removed, diff.moved, diff.changed, diff.pixelsChanged].every((l) => l.length === 0);
