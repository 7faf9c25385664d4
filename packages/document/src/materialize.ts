import type * as Y from 'yjs';
import { metaMap, readRecords } from './docShape.js';
import type { NodeRecord } from './records.js';
import { type Structure, resolveStructure } from './structure.js';
import type { DocNode, DocumentTree } from './types.js';
import { assertNever } from './result.js';
import { validateMeta } from './records.js';

/** The structure (effective parents and sorted children) of a live doc. */
export function structureOf(doc: Y.Doc): Structure {
  return resolveStructure(readRecords(doc));
}

/**
 * The document as plain data, bottom to top. Deterministic: replicas holding the same updates return deep-equal
 * trees, with concurrent-edit damage repaired in the view (see resolveStructure). A doc without valid meta has
 * width and height 0.
 */
export function materialize(doc: Y.Doc): DocumentTree {
  const meta = validateMeta(metaMap(doc).toJSON() as Record<string, unknown>);
  const structure = structureOf(doc);
  return {
    width: meta.ok ? meta.value.width : 0,
    height: meta.ok ? meta.value.height : 0,
    children: buildChildren(structure, null),
  };
}

function buildChildren(structure: Structure, parent: string | null): DocNode[] {
  return (structure.childrenOf.get(parent) ?? []).map((id) => toDocNode(structure.records.get(id)!, structure));
}

/** A stored record as a materialised node (group children resolved from the structure). */
export function toDocNode(record: NodeRecord, structure: Structure): DocNode {
  const base = {
    id: record.id,
    name: record.name,
    visible: record.visible,
    locked: record.locked,
    opacity: record.opacity,
    blendMode: record.blendMode,
    x: record.x,
    y: record.y,
  };
  switch (record.type) {
    case 'group':
      return { ...base, type: 'group', expanded: record.expanded, children: buildChildren(structure, record.id) };
    case 'layer':
      switch (record.kind) {
        case 'raster':
          return { ...base, type: 'layer', kind: 'raster', blob: record.blob, width: record.width, height: record.height };
        case 'text':
          return {
            ...base,
            type: 'layer',
            kind: 'text',
            blob: record.blob,
            width: record.width,
            height: record.height,
            text: {
              content: record.content,
              fontFamily: record.fontFamily,
              fontSize: record.fontSize,
              color: record.color,
              align: record.align,
            },
          };
        default:
          return assertNever(record, 'layer kind');
      }
    default:
      return assertNever(record, 'node type');
  }
}
