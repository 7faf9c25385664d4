import type * as Y from 'yjs';
import { writeFields } from '../docShape.js';
import { structureOf } from '../materialize.js';
import type { Structure } from '../structure.js';
import { type EditContext, transactEdit } from './EditContext.js';
import { dedupeOrderKeys } from './orderKeys.js';

/** One write a repair makes: the stored fields of one node. */
export interface RepairWrite {
  id: string;
  fields: { parent?: null; order?: string };
}

/**
 * The writes that make the stored state match what materialize() already shows: detached nodes (dangling
 * parent, parent not a group, cycle) get `parent: null`; duplicate order keys among siblings get distinct keys.
 * A pure function of the state, so replicas with the same state plan identical writes: concurrent repairs write
 * the same values and converge (last writer wins between equal values), and a repaired state plans nothing.
 * Repair never changes the materialised tree.
 */
export function planRepair(structure: Structure): RepairWrite[] {
  const writes = new Map<string, RepairWrite>();
  for (const id of structure.detached.keys()) writes.set(id, { id, fields: { parent: null } });
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
