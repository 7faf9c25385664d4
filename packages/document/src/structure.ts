import type { NodeRecord } from './records.js';

/** Why a live node's effective parent differs from its stored `parent`. */
export type DetachReason =
  /** the stored parent was removed (tombstone): the node sits in the nearest live ancestor */
  | 'deleted-parent'
  /** the stored parent does not exist at all (purged, or never arrived): top level */
  | 'dangling-parent'
  /** the stored parent is a layer (only a bad update does that): top level */
  | 'parent-not-group'
  /** concurrent reparenting made a cycle; this node, the smallest id of the cycle, goes to the top level */
  | 'cycle';

export interface Structure {
  /** live nodes (tombstones excluded) */
  records: Map<string, NodeRecord>;
  /** every stored node, tombstones included */
  all: Map<string, NodeRecord>;
  /** effective parent of every live node (null = top level) */
  parentOf: Map<string, string | null>;
  /** live children of every live group and of the top level (key null), bottom to top: sorted by (order, id) */
  childrenOf: Map<string | null, string[]>;
  /** live nodes whose stored parent was overridden, and why */
  detached: Map<string, DetachReason>;
}

const byOrderThenId = (records: Map<string, NodeRecord>) => (a: string, b: string): number => {
  const oa = records.get(a)!.order;
  const ob = records.get(b)!.order;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * The tree every replica sees for the same stored state: a pure, deterministic function of the records, so that
 * replicas that have received the same updates show the same tree whatever the order they arrived in.
 *
 * Repair rules (see README.md):
 * 1. A node whose parent was removed goes to the nearest live ancestor of that parent (following the tombstones'
 *    stored parents); if there is none, to the top level.
 * 2. A node whose parent does not exist or is not a group goes to the top level.
 * 3. Every cycle (concurrent reparenting: A into B while B into A) is broken at its smallest id, which goes to the
 *    top level; the rest of the cycle stays under it.
 * 4. Siblings are sorted by order key, then id, so duplicate keys (concurrent inserts at one spot) still give one
 *    order.
 */
export function resolveStructure(all: Map<string, NodeRecord>): Structure {
  const records = new Map<string, NodeRecord>();
  for (const [id, record] of all) if (!record.deleted) records.set(id, record);
  const parentOf = new Map<string, string | null>();
  const detached = new Map<string, DetachReason>();
  const liveAncestor = liveAncestorResolver(all);
  for (const [id, record] of records) {
    const parent = record.parent;
    if (parent === null) {
      parentOf.set(id, null);
      continue;
    }
    const target = all.get(parent);
    if (target === undefined) {
      parentOf.set(id, null);
      detached.set(id, 'dangling-parent');
    } else if (target.type !== 'group') {
      parentOf.set(id, null);
      detached.set(id, 'parent-not-group');
    } else if (target.deleted) {
      parentOf.set(id, liveAncestor(parent));
      detached.set(id, 'deleted-parent');
    } else {
      parentOf.set(id, parent);
    }
  }
  breakCycles(parentOf, detached);

  const childrenOf = new Map<string | null, string[]>([[null, []]]);
  for (const [id, record] of records) if (record.type === 'group') childrenOf.set(id, []);
  for (const [id, parent] of parentOf) childrenOf.get(parent)!.push(id);
  const compare = byOrderThenId(records);
  for (const list of childrenOf.values()) list.sort(compare);
  return { records, all, parentOf, childrenOf, detached };
}

/**
 * For a tombstone: the first live group up its chain of stored parents, or null (top level) when the chain ends,
 * leaves the known nodes, hits a layer or loops. Memoised over the whole chain.
 */
function liveAncestorResolver(all: Map<string, NodeRecord>): (tombstone: string) => string | null {
  const memo = new Map<string, string | null>();
  return (tombstone) => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null = tombstone;
    let found: string | null = null;
    while (at !== null) {
      if (memo.has(at)) {
        found = memo.get(at)!;
        break;
      }
      const record = all.get(at);
      if (record === undefined || record.type !== 'group' || onPath.has(at)) break;
      if (!record.deleted) {
        found = at;
        break;
      }
      path.push(at);
      onPath.add(at);
      at = record.parent;
    }
    for (const id of path) memo.set(id, found);
    return found;
  };
}

/** Each node has one parent, so each connected part holds at most one cycle; break it at its smallest id. */
function breakCycles(parentOf: Map<string, string | null>, detached: Map<string, DetachReason>): void {
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = finished
  for (const start of parentOf.keys()) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let at: string | null = start;
    while (at !== null && !state.has(at)) {
      state.set(at, 1);
      walk.push(at);
      at = parentOf.get(at) ?? null;
    }
    if (at !== null && state.get(at) === 1) {
      const cycle = walk.slice(walk.indexOf(at));
      const smallest = cycle.reduce((a, b) => (b < a ? b : a));
      parentOf.set(smallest, null);
      detached.set(smallest, 'cycle');
    }
    for (const id of walk) state.set(id, 2);
  }
}

/** The node and all its live descendants in the effective tree, parents before children. */
export function subtreeIds(structure: Structure, id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    out.push(next);
    const children = structure.childrenOf.get(next);
    if (children) for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return out;
}

export function isDescendantOrSelf(structure: Structure, id: string, ancestor: string): boolean {
  let at: string | null = id;
  while (at !== null) {
    if (at === ancestor) return true;
    at = structure.parentOf.get(at) ?? null;
  }
  return false;
}
