import { type DocumentError, documentError } from '../DocumentError.js';
import { type NodeRecord, validateNodeRecord } from '../records.js';
import { type Result, err } from '../result.js';
import type { NodeBase, TextStyle } from '../types.js';

/** Optional on creation; defaults in DEFAULTS. */
type CommonInit = Partial<Pick<NodeBase, 'name' | 'visible' | 'locked' | 'opacity' | 'blendMode' | 'x' | 'y'>> & {
  /** a new node's id; generated when absent */
  id?: string;
};
export type RasterLayerInit = CommonInit & { kind: 'raster'; blob: string; width: number; height: number };
export type TextLayerInit = CommonInit & {
  kind: 'text';
  text: TextStyle;
  /** raster rendering of the text; '' (default) until rendered */
  blob?: string;
  width: number;
  height: number;
};
export type LayerInit = RasterLayerInit | TextLayerInit;
export type GroupInit = CommonInit & { expanded?: boolean };

/** Editable properties (type, kind and id never change; parent and order change through `move`). */
export type NodePatch = Partial<Pick<NodeBase, 'name' | 'visible' | 'locked' | 'opacity' | 'blendMode' | 'x' | 'y'>> & {
  /** groups only */
  expanded?: boolean;
  /** layers only */
  blob?: string;
  width?: number;
  height?: number;
  /** text layers only */
  text?: Partial<TextStyle>;
};

/** Where a new or moved node goes: a group id or null (top level), and its final index there (bottom = 0). */
export interface Placement {
  parent?: string | null;
  /** default: on top */
  index?: number;
}

const common = (init: CommonInit, fallbackName: string) => ({
  deleted: false,
  name: init.name ?? fallbackName,
  visible: init.visible ?? true,
  locked: init.locked ?? false,
  opacity: init.opacity ?? 1,
  blendMode: init.blendMode ?? 'normal',
  x: init.x ?? 0,
  y: init.y ?? 0,
});

/** Builds and validates the stored record of a new layer. */
export function layerRecord(init: LayerInit, id: string, parent: string | null, order: string): Result<NodeRecord, DocumentError> {
  const raw: Record<string, unknown> =
    init.kind === 'raster'
      ? { ...common(init, 'Layer'), type: 'layer', kind: 'raster', blob: init.blob, width: init.width, height: init.height }
      : {
          ...common(init, init.text?.content?.slice(0, 64) || 'Text'),
          type: 'layer',
          kind: 'text',
          blob: init.blob ?? '',
          width: init.width,
          height: init.height,
          content: init.text?.content,
          fontFamily: init.text?.fontFamily,
          fontSize: init.text?.fontSize,
          color: init.text?.color,
          align: init.text?.align,
        };
  if (init.kind !== 'raster' && init.kind !== 'text') {
    return err(documentError('INVALID_PROPERTY', 'unknown kind', 'kind'));
  }
  return validateNodeRecord(id, { ...raw, parent, order });
}

export function groupRecord(init: GroupInit, id: string, parent: string | null, order: string): Result<NodeRecord, DocumentError> {
  return validateNodeRecord(id, { ...common(init, 'Group'), type: 'group', expanded: init.expanded ?? true, parent, order });
}

/** Applies a patch to a record and validates the result; patch fields that do not apply to the node are errors. */
export function patchRecord(record: NodeRecord, patch: NodePatch): Result<NodeRecord, DocumentError> {
  const { text, ...rest } = patch;
  const next: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    const applies =
      key === 'expanded' ? record.type === 'group' : ['blob', 'width', 'height'].includes(key) ? record.type === 'layer' : key in record;
    if (!applies || key === 'id' || key === 'type' || key === 'kind' || key === 'parent' || key === 'order' || key === 'deleted') {
      return err(documentError('INVALID_PROPERTY', `${key} cannot be set on this node`, key));
    }
    next[key] = value;
  }
  if (text !== undefined) {
    if (record.type !== 'layer' || record.kind !== 'text') {
      return err(documentError('INVALID_PROPERTY', 'text can only be set on a text layer', 'text'));
    }
    for (const [key, value] of Object.entries(text)) {
      if (value === undefined) continue;
      if (!['content', 'fontFamily', 'fontSize', 'color', 'align'].includes(key)) {
        return err(documentError('INVALID_PROPERTY', `unknown text property ${key}`, `text.${key}`));
      }
      next[key] = value;
    }
  }
  const { id, ...fields } = next;
  return validateNodeRecord(id as string, fields);
}

/** Re-roots a record error's path (`nodes.<id>.opacity`) under an input path (`layers.0.opacity`). */
export function underPath(error: DocumentError, id: string, prefix: string): DocumentError {
  const own = `nodes.${id}.`;
  const field = error.path?.startsWith(own) ? error.path.slice(own.length) : (error.path ?? '');
  return { ...error, path: field ? `${prefix}.${field}` : prefix };
}
