import type * as Y from 'yjs';
import { deleteStored, nodesMap, writeFields } from '../docShape.js';
import { structureOf } from '../materialize.js';
import type { Structure } from '../structure.js';
import { type EditContext, transactEdit } from './EditContext.js';
import { dedupeOrderKeys } from './orderKeys.js';

/** One write a repair makes: stored fields of one node. */
export interface RepairWrite {
  id: string;
  fields: { parent?: string | null; order?: string };
}

/**
 * The writes that make the stored state match what materialize() already shows: nodes detached by a dangling
 * parent, a non-group parent or a cycle get their effective parent (top level); duplicate order keys among
 * siblings get distinct keys. Nodes whose parent is merely removed (a tombstone) are left alone, so that undoing
 * the removal puts them back; purgeDeleted() rewrites them. A pure function of the state, so replicas with the
 * same state plan identical writes: concurrent repairs write equal values and converge, a repaired state plans
 * nothing, and repairing never changes the materialised tree.
 */
export function planRepair(structure: Structure, options: { includeDeletedParents?: boolean } = {}): RepairWrite[] {
  const writes = new Map<string, RepairWrite>();
  for (const [id, reason] of structure.detached) {
    if (reason === 'deleted-parent' && !options.includeDeletedParents) continue;
    writes.set(id, { id, fields: { parent: structure.parentOf.get(id) ?? null } });
  }
  for (const children of structure.childrenOf.values()) {
    const entries = children.map((id) => ({ id, order: structure.records.get(id)!.order }));
    for (const [id, order] of dedupeOrderKeys(entries)) {
      const write = writes.get(id) ?? { id, fields: {} };
      write.fields.order = order;
      writes.set(id, write);
    }
  }
  return [...writes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Writes the repair plan into the doc (one transaction); returns the number of nodes written. */
export function repair(doc: Y.Doc, ctx: EditContext = {}): number {
  const plan = planRepair(structureOf(doc));
  if (plan.length === 0) return 0;
  transactEdit(doc, ctx, () => {
    for (const write of plan) writeFields(doc, write.id, write.fields);
  });
  return plan.length;
}

/**
 * Compaction: repairs (including nodes under removed parents, which move to where they are shown) and then
 * deletes every tombstone (`deleted: true`) for good. Removals before this point can no longer be undone.
 * Dormant nodes (no `at`) are kept: one may be a creation whose second phase is still in flight. Meant for the
 * server at checkpoints; returns the number of purged nodes.
 */
export function purgeDeleted(doc: Y.Doc, ctx: EditContext = {}): number {
  const structure = structureOf(doc);
  const plan = planRepair(structure, { includeDeletedParents: true });
  const nodes = nodesMap(doc);
  const tombstones = [...structure.all.values()].filter((r) => r.deleted && nodes.get(r.id)?.has('at')).map((r) => r.id);
  if (plan.length === 0 && tombstones.length === 0) return 0;
  transactEdit(doc, ctx, () => {
    for (const write of plan) writeFields(doc, write.id, write.fields);
    for (const id of tombstones) deleteStored(doc, id);
  });
  return tombstones.length;
}
