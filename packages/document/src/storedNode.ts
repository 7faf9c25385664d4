import { type DocumentError, documentError } from './DocumentError.js';
import { type NodeRecord, validateNodeRecord } from './records.js';
import { type Result, err } from './result.js';

/**
 * How one node is stored in its Y.Map: compact and sparse, because every stored value costs a Yjs item
 * (~0.4 KB of server memory each, kept for as long as the document is open, and one more per overwrite).
 * Values that must change together are one key, so concurrent edits can never mix them:
 *   kind    'group' | 'raster' | 'text'            required, never changes
 *   pixels  [blob sha256, width, height]            required on layers: a blob is exactly width x height
 *   at      [parent id | null, order key]           a move writes both at once; absent = dormant (see below)
 *   xy      [x, y]                                   position
 * Every other property is its own key (last writer wins per property) and may be absent, meaning its default:
 *   deleted, name, visible, locked, opacity, blendMode, expanded (groups), content, fontFamily, fontSize, color,
 *   align (text layers).
 * A node without `at` is dormant: created but not (or no longer) placed. Creation writes everything but `at`
 * first, then `at` as the undoable step (ops/createNodes.ts), so undoing a creation only deletes `at` and no
 * node Y.Map is ever deleted by an edit or an undo. A dormant node reads as a tombstone (deleted, top level).
 */
export const REQUIRED_KEYS: ReadonlySet<string> = new Set(['kind', 'pixels']);

export const DEFAULTS = {
  deleted: false,
  name: '',
  visible: true,
  locked: false,
  opacity: 1,
  blendMode: 'normal',
  xy: [0, 0],
  expanded: true,
  content: '',
  fontFamily: 'sans-serif',
  fontSize: 16,
  color: '#000000',
  align: 'left',
} as const satisfies Record<string, unknown>;

/** The order key a dormant node reads with (it is never shown). */
const DORMANT_ORDER = 'a0';

const OPTIONAL = {
  group: ['deleted', 'name', 'visible', 'locked', 'opacity', 'blendMode', 'xy', 'expanded'],
  raster: ['deleted', 'name', 'visible', 'locked', 'opacity', 'blendMode', 'xy'],
  text: ['deleted', 'name', 'visible', 'locked', 'opacity', 'blendMode', 'xy', 'content', 'fontFamily', 'fontSize', 'color', 'align'],
} as const;

type Kind = keyof typeof OPTIONAL;
const isKind = (v: unknown): v is Kind => v === 'group' || v === 'raster' || v === 'text';

/** The stored key that holds a record field. */
export function storedKeyOf(field: string): string {
  switch (field) {
    case 'parent':
    case 'order':
      return 'at';
    case 'blob':
    case 'width':
    case 'height':
      return 'pixels';
    case 'x':
    case 'y':
      return 'xy';
    case 'type':
      return 'kind';
    default:
      return field;
  }
}

const kindOf = (record: NodeRecord): Kind => (record.type === 'group' ? 'group' : record.kind);

const equal = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => Object.is(v, b[i])) : Object.is(a, b);

/** The full stored form of a record (every key, defaults included), before sparsification. */
function storedValues(record: NodeRecord): Map<string, unknown> {
  const out = new Map<string, unknown>([
    ['kind', kindOf(record)],
    ['at', [record.parent, record.order]],
    ['deleted', record.deleted],
    ['name', record.name],
    ['visible', record.visible],
    ['locked', record.locked],
    ['opacity', record.opacity],
    ['blendMode', record.blendMode],
    ['xy', [record.x, record.y]],
  ]);
  if (record.type === 'group') {
    out.set('expanded', record.expanded);
  } else {
    out.set('pixels', [record.blob, record.width, record.height]);
    if (record.kind === 'text') {
      out.set('content', record.content);
      out.set('fontFamily', record.fontFamily);
      out.set('fontSize', record.fontSize);
      out.set('color', record.color);
      out.set('align', record.align);
    }
  }
  return out;
}

const isDefault = (key: string, value: unknown): boolean =>
  key in DEFAULTS && equal(DEFAULTS[key as keyof typeof DEFAULTS], value);

/** What a new node stores: required keys plus the non-default properties; without `at` when `dormant`. */
export function encodeStored(record: NodeRecord, dormant = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of storedValues(record)) {
    if (key === 'at' ? !dormant : REQUIRED_KEYS.has(key) || !isDefault(key, value)) out[key] = value;
  }
  return out;
}

/**
 * The stored writes that turn `current` (the node's stored values) into `next`: changed keys only; a default
 * value is written only over an existing value (never added), and `deleted: false` removes the key.
 */
export function storedWrites(current: Record<string, unknown>, next: NodeRecord): { set: [string, unknown][]; remove: string[] } {
  const set: [string, unknown][] = [];
  const remove: string[] = [];
  for (const [key, value] of storedValues(next)) {
    const has = key in current;
    if (key === 'deleted' && value === false) {
      if (has) remove.push(key);
      continue;
    }
    if (has ? !equal(current[key], value) : key === 'at' || REQUIRED_KEYS.has(key) || !isDefault(key, value)) set.push([key, value]);
  }
  return { set, remove };
}

/** Re-roots a record validation error on the stored key that holds the field. */
function storedError(error: DocumentError, id: string): DocumentError {
  const prefix = `nodes.${id}.`;
  if (!error.path?.startsWith(prefix)) return error;
  return { ...error, path: prefix + storedKeyOf(error.path.slice(prefix.length)) };
}

const tuple = (value: unknown, length: number): value is unknown[] => Array.isArray(value) && value.length === length;

/** Decodes and validates a stored node (its Y.Map as plain data). */
export function decodeStored(id: string, raw: Record<string, unknown>): Result<NodeRecord, DocumentError> {
  const path = (key: string): string => `nodes.${id}.${key.slice(0, 64)}`;
  const kind = raw['kind'];
  if (!isKind(kind)) return err(documentError('INVALID_PROPERTY', 'unknown kind', path('kind')));
  const allowed = new Set<string>([...REQUIRED_KEYS, 'at', ...OPTIONAL[kind]]);
  if (kind === 'group') allowed.delete('pixels');
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) return err(documentError('INVALID_PROPERTY', `unknown property ${key.slice(0, 64)}`, path(key)));
  }
  for (const key of allowed) {
    if (REQUIRED_KEYS.has(key) && !(key in raw)) return err(documentError('INVALID_PROPERTY', `missing ${key}`, path(key)));
  }
  const dormant = !('at' in raw);
  const at = dormant ? [null, DORMANT_ORDER] : raw['at'];
  if (!tuple(at, 2)) return err(documentError('INVALID_PROPERTY', 'at must be [parent, order]', path('at')));
  const xy = raw['xy'] ?? DEFAULTS.xy;
  if (!tuple(xy, 2)) return err(documentError('INVALID_PROPERTY', 'xy must be [x, y]', path('xy')));
  const flat: Record<string, unknown> = {};
  for (const key of OPTIONAL[kind]) {
    if (key === 'xy') continue;
    flat[key] = key in raw ? raw[key] : DEFAULTS[key];
  }
  flat['type'] = kind === 'group' ? 'group' : 'layer';
  if (kind !== 'group') {
    flat['kind'] = kind;
    const pixels = raw['pixels'];
    if (!tuple(pixels, 3)) return err(documentError('INVALID_PROPERTY', 'pixels must be [blob, width, height]', path('pixels')));
    [flat['blob'], flat['width'], flat['height']] = pixels;
  }
  [flat['parent'], flat['order']] = at;
  if (dormant) flat['deleted'] = true;
  [flat['x'], flat['y']] = xy;
  const record = validateNodeRecord(id, flat);
  return record.ok ? record : err(storedError(record.error, id));
}
