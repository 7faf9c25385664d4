import type * as Y from 'yjs';
import type { DocumentError } from '../DocumentError.js';
import { BLEND_MODES, type DocumentTree } from '../types.js';
import { materialize } from '../materialize.js';
import { loadTree } from '../ops/loadTree.js';
import { purgeDeleted } from '../ops/repair.js';
import { structureOf } from '../materialize.js';
import { addGroup, addLayer } from '../ops/addNode.js';
import { duplicate } from '../ops/duplicate.js';
import type { EditContext } from '../ops/EditContext.js';
import type { LayerInit, NodePatch } from '../ops/inputs.js';
import { move } from '../ops/move.js';
import { remove } from '../ops/remove.js';
import { repair } from '../ops/repair.js';
import { replaceWithGroup } from '../ops/replaceWithGroup.js';
import { setCanvasSize } from '../ops/setCanvasSize.js';
import { setProps } from '../ops/setProps.js';
import type { Result } from '../result.js';
import { blobOf } from '../testing/factories.js';
import type { Rng } from './rng.js';

export interface Editor {
  doc: Y.Doc;
  ctx: EditContext;
  undo: Y.UndoManager;
  /** the sync server's replica: also purges tombstones and restores versions */
  server: boolean;
  /** trees this replica saw earlier (versions it may restore) */
  snapshots: DocumentTree[];
}

/** Failures an honest editor can get from a random but well-formed request. */
const EXPECTED = new Set(['CYCLE', 'LIMIT_EXCEEDED']);

function randomLayer(rng: Rng): LayerInit {
  const common = { width: 1 + rng.int(500), height: 1 + rng.int(500), x: rng.int(200) - 50, y: rng.int(200) - 50, opacity: rng.int(101) / 100 };
  if (rng.chance(0.8)) return { kind: 'raster', blob: blobOf(rng.int(1000)), name: `r${rng.int(100)}`, ...common };
  return {
    kind: 'text',
    text: { content: `t${rng.int(1000)}`, fontFamily: rng.pick(['Inter', 'Serif']), fontSize: 1 + rng.int(90), color: rng.pick(['#000000', '#ff8800']), align: rng.pick(['left', 'center', 'right'] as const) },
    ...common,
  };
}

function randomPatch(rng: Rng, type: 'group' | 'layer', kind: string | undefined): NodePatch {
  const patch: NodePatch = {};
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i += 1) {
    switch (rng.int(8)) {
      case 0: patch.name = `n${rng.int(1000)}`; break;
      case 1: patch.opacity = rng.int(101) / 100; break;
      case 2: patch.visible = rng.chance(0.5); break;
      case 3: patch.blendMode = rng.pick(BLEND_MODES); break;
      case 4: patch.x = rng.int(1000) - 500; patch.y = rng.int(1000) - 500; break;
      case 5: if (type === 'group') patch.expanded = rng.chance(0.5); else patch.blob = blobOf(rng.int(1000)); break;
      case 6: if (kind === 'text') patch.text = { content: `c${rng.int(1000)}` }; else patch.locked = rng.chance(0.5); break;
      default: if (type === 'layer') { patch.width = 1 + rng.int(300); patch.height = 1 + rng.int(300); } break;
    }
  }
  return patch;
}

/**
 * One random edit on one replica, chosen from what that replica currently sees. Returns a short description for
 * the failure log. Throws if an operation fails in a way an honest editor should never see.
 */
export function randomEdit(rng: Rng, editor: Editor, maxNodes: number): string {
  const { doc, ctx, undo } = editor;
  const structure = structureOf(doc);
  const ids = [...structure.records.keys()].sort();
  const groups = ids.filter((id) => structure.records.get(id)!.type === 'group');
  const layers = ids.filter((id) => structure.records.get(id)!.type === 'layer');
  const anyParent = (): string | null => (groups.length > 0 && rng.chance(0.6) ? rng.pick(groups) : null);
  const indexIn = (parent: string | null): number | undefined =>
    rng.chance(0.2) ? undefined : rng.int((structure.childrenOf.get(parent)?.length ?? 0) + 2);
  const full = ids.length >= maxNodes;
  const check = <T>(what: string, result: Result<T, DocumentError>): string => {
    if (!result.ok && !EXPECTED.has(result.error.code)) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
    return result.ok ? what : `${what} -> ${result.error.code}`;
  };

  const roll = rng.int(100);
  if (roll < 14 && !full) {
    const parent = anyParent();
    return check(`addLayer in ${parent}`, addLayer(doc, randomLayer(rng), { parent, index: indexIn(parent) }, ctx));
  }
  if (roll < 20 && !full) {
    const parent = anyParent();
    return check(`addGroup in ${parent}`, addGroup(doc, { name: `g${rng.int(100)}`, expanded: rng.chance(0.5) }, { parent, index: indexIn(parent) }, ctx));
  }
  if (ids.length === 0) return 'noop (empty)';
  const target = rng.pick(ids);
  if (roll < 42) {
    const parent = anyParent();
    return check(`move ${target} to ${parent}`, move(doc, target, parent, indexIn(parent), ctx));
  }
  if (roll < 64) {
    const record = structure.records.get(target)!;
    return check(`setProps ${target}`, setProps(doc, target, randomPatch(rng, record.type, record.type === 'layer' ? record.kind : undefined), ctx));
  }
  if (roll < 72 || (full && roll < 80)) return check(`remove ${target}`, remove(doc, target, ctx));
  if (roll < 76 && !full) return check(`duplicate ${target}`, duplicate(doc, target, ctx));
  if (roll < 80 && layers.length > 0 && !full) {
    const layer = rng.pick(layers);
    const parts = Array.from({ length: 1 + rng.int(3) }, () => randomLayer(rng));
    return check(`replaceWithGroup ${layer}`, replaceWithGroup(doc, layer, parts, ctx));
  }
  if (roll < 88) {
    undo.undo();
    return 'undo';
  }
  if (roll < 94) {
    undo.redo();
    return 'redo';
  }
  if (roll < 96) return `repair (${repair(doc, ctx)} writes)`;
  if (roll < 97) return check('setCanvasSize', setCanvasSize(doc, { width: 1 + rng.int(4000), height: 1 + rng.int(4000) }, ctx));
  if (roll < 98) {
    // with out-of-order delivery (mesh) a replica holding updates whose dependencies are missing can show a
    // transient state (a deletion applied before the insert that replaced it); only settled states are versions
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return 'no snapshot (pending updates)';
    if (editor.snapshots.length > 8) editor.snapshots.shift();
    editor.snapshots.push(materialize(doc));
    return 'snapshot';
  }
  if (!editor.server) return 'noop (client)';
  if (roll < 99 && editor.snapshots.length > 0) return check('restore version', loadTree(doc, rng.pick(editor.snapshots), ctx));
  return `purgeDeleted (${purgeDeleted(doc, ctx)} purged)`;
}
