import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { LIMITS } from '../limits.js';
import { structureOf } from '../materialize.js';
import type { NodeRecord } from '../records.js';
import { type Result, err, ok } from '../result.js';
import { activate, insertDormant } from './createNodes.js';
import { type EditContext, newIdFn, transactEdit } from './EditContext.js';
import { type GroupInit, type LayerInit, type Placement, groupRecord, layerRecord } from './inputs.js';
import { orderKeyAt } from './orderKeys.js';
import { checkPlacement } from './placement.js';

type BuildRecord = (id: string, parent: string | null, order: string) => Result<NodeRecord, DocumentError>;

function addNode(doc: Y.Doc, requestedId: string | undefined, build: BuildRecord, at: Placement, ctx: EditContext): Result<string, DocumentError> {
  const structure = structureOf(doc);
  const parent = at.parent ?? null;
  const placed = checkPlacement(structure, parent, at.index);
  if (!placed.ok) return placed;
  if (structure.all.size >= LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));
  const id = requestedId ?? newIdFn(ctx)();
  if (structure.all.has(id)) return err(documentError('DUPLICATE_ID', id.slice(0, 64), 'id'));
  const record = build(id, parent, 'a0');
  if (!record.ok) return record;
  // the order key is computed in the creation phase, so that the undoable step writes only `deleted`
  const created = insertDormant(doc, () => [{ ...record.value, order: orderKeyAt(doc, structure, parent, at.index) }], ctx);
  transactEdit(doc, ctx, () => activate(doc, created));
  return ok(id);
}

/** Adds a raster or text layer; returns its id. */
export function addLayer(doc: Y.Doc, init: LayerInit, at: Placement = {}, ctx: EditContext = {}): Result<string, DocumentError> {
  return addNode(doc, init.id, (id, parent, order) => layerRecord(init, id, parent, order), at, ctx);
}

/** Adds an empty group; returns its id. */
export function addGroup(doc: Y.Doc, init: GroupInit = {}, at: Placement = {}, ctx: EditContext = {}): Result<string, DocumentError> {
  return addNode(doc, init.id, (id, parent, order) => groupRecord(init, id, parent, order), at, ctx);
}
