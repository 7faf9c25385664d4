import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { writeFields } from '../docShape.js';
import { activate, insertDormant } from './createNodes.js';
import { LIMITS } from '../limits.js';
import { structureOf } from '../materialize.js';
import type { NodeRecord } from '../records.js';
import { type Result, err, ok } from '../result.js';
import { type EditContext, newIdFn, transactEdit } from './EditContext.js';
import { type GroupInit, type LayerInit, groupRecord, layerRecord, underPath } from './inputs.js';
import { freshKeys } from './orderKeys.js';

export interface ReplaceWithGroupResult {
  groupId: string;
  /** ids of the new layers, bottom to top */
  layerIds: string[];
}

/**
 * Replaces layer `layerId` by a new group holding `layers` (bottom to top) at the same place: what applying a
 * decomposition result does. The group takes the layer's name, visibility, lock, opacity and blend mode (so the
 * group looks like the layer did), `group` overrides them. Group x/y are 0: children are in canvas coordinates.
 * One transaction, so one undo step.
 */
export function replaceWithGroup(
  doc: Y.Doc,
  layerId: string,
  layers: readonly LayerInit[],
  ctx: EditContext & { group?: GroupInit } = {},
): Result<ReplaceWithGroupResult, DocumentError> {
  const structure = structureOf(doc);
  const layer = structure.records.get(layerId);
  if (layer === undefined) return err(documentError('NODE_NOT_FOUND', layerId.slice(0, 64), 'layerId'));
  if (layer.type !== 'layer') return err(documentError('INVALID_PROPERTY', 'only a layer can be replaced by a group', 'layerId'));
  if (structure.all.size + layers.length + 1 > LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));
  const newId = newIdFn(ctx);
  const groupId = ctx.group?.id ?? newId();
  if (structure.all.has(groupId)) return err(documentError('DUPLICATE_ID', groupId.slice(0, 64), 'group.id'));
  const parent = structure.parentOf.get(layerId) ?? null;
  const group = groupRecord(
    { name: layer.name, visible: layer.visible, locked: layer.locked, opacity: layer.opacity, blendMode: layer.blendMode, ...ctx.group },
    groupId,
    parent,
    layer.order,
  );
  if (!group.ok) return group;
  const keys = freshKeys(layers.length);
  const children: NodeRecord[] = [];
  const seen = new Set<string>([groupId]);
  for (const [i, init] of layers.entries()) {
    const id = init.id ?? newId();
    if (structure.all.has(id) || seen.has(id)) return err(documentError('DUPLICATE_ID', id.slice(0, 64), `layers.${i}.id`));
    seen.add(id);
    const record = layerRecord(init, id, groupId, keys[i]!);
    if (!record.ok) return err(underPath(record.error, id, `layers.${i}`));
    children.push(record.value);
  }
  const created = insertDormant(doc, [group.value, ...children], ctx);
  transactEdit(doc, ctx, () => {
    writeFields(doc, layerId, { deleted: true });
    activate(doc, created);
  });
  return ok({ groupId, layerIds: children.map((c) => c.id) });
}
