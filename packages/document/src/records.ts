import { generateKeyBetween } from 'fractional-indexing';
import { type DocumentError, documentError } from './DocumentError.js';
import { BLOB_PATTERN, COLOR_PATTERN, ID_PATTERN, LIMITS } from './limits.js';
import { type Result, err, ok } from './result.js';
import { BLEND_MODES, type BlendMode, type TextStyle } from './types.js';

/**
 * A node as stored in the Yjs doc: one flat record per node, one Y.Map key per property, so concurrent edits of
 * different properties of one node both survive (last writer wins per property). `parent` is null for the
 * top level; `order` is a fractional-index key among the siblings (bottom to top, ties broken by id).
 */
interface RecordCommon {
  id: string;
  /**
   * Tombstone: removed nodes stay in the doc with `deleted: true` so that undo restores them exactly and a node
   * moved concurrently into a removed group can find its nearest live ancestor. purgeDeleted() drops them.
   */
  deleted: boolean;
  parent: string | null;
  order: string;
  name: string;
  visible: boolean;
  locked: boolean;
  opacity: number;
  blendMode: BlendMode;
  x: number;
  y: number;
}
export interface GroupRecord extends RecordCommon {
  type: 'group';
  expanded: boolean;
}
export interface RasterRecord extends RecordCommon {
  type: 'layer';
  kind: 'raster';
  blob: string;
  width: number;
  height: number;
}
export interface TextRecord extends RecordCommon {
  type: 'layer';
  kind: 'text';
  /** raster rendering of the text; '' until rendered */
  blob: string;
  width: number;
  height: number;
  content: string;
  fontFamily: string;
  fontSize: number;
  color: string;
  align: TextStyle['align'];
}
export type NodeRecord = GroupRecord | RasterRecord | TextRecord;

type Check = (value: unknown) => string | null;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'must be a boolean');
const str = (max: number): Check => (v) =>
  typeof v !== 'string' ? 'must be a string' : v.length > max ? `must be at most ${max} characters` : null;
const intIn = (min: number, max: number): Check => (v) =>
  isInt(v) && v >= min && v <= max ? null : `must be an integer in ${min}..${max}`;
const pattern = (re: RegExp, what: string): Check => (v) =>
  typeof v === 'string' && re.test(v) ? null : `must be ${what}`;
const oneOf = (values: readonly string[]): Check => (v) =>
  typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length >= 1 && id.length <= LIMITS.maxIdLength && ID_PATTERN.test(id);
}

const knownKeys = new Map<string, boolean>();

export function isValidOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > LIMITS.maxOrderKeyLength) return false;
  const known = knownKeys.get(key);
  if (known !== undefined) return known;
  let valid = /^[0-9A-Za-z]+$/.test(key);
  if (valid) {
    try {
      generateKeyBetween(key, null);
    } catch {
      valid = false;
    }
  }
  if (knownKeys.size > 10_000) knownKeys.clear(); // bounded memo: keys repeat across reads of the same doc
  knownKeys.set(key, valid);
  return valid;
}

const COMMON: Record<string, Check> = {
  deleted: bool,
  parent: (v) => (v === null || isValidId(v) ? null : 'must be null or a node id'),
  order: (v) => (isValidOrderKey(v) ? null : 'must be a fractional-index key'),
  name: str(LIMITS.maxNameLength),
  visible: bool,
  locked: bool,
  opacity: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? null : 'must be a number in 0..1'),
  blendMode: oneOf(BLEND_MODES),
  x: intIn(-LIMITS.maxCoordinate, LIMITS.maxCoordinate),
  y: intIn(-LIMITS.maxCoordinate, LIMITS.maxCoordinate),
};
const LAYER: Record<string, Check> = {
  ...COMMON,
  kind: oneOf(['raster', 'text']),
  width: intIn(1, LIMITS.maxDimension),
  height: intIn(1, LIMITS.maxDimension),
};
const FIELDS = {
  group: { ...COMMON, type: oneOf(['group']), expanded: bool },
  raster: { ...LAYER, type: oneOf(['layer']), blob: pattern(BLOB_PATTERN, 'a sha256 hex digest') },
  text: {
    ...LAYER,
    type: oneOf(['layer']),
    blob: (v: unknown) => (v === '' || (typeof v === 'string' && BLOB_PATTERN.test(v)) ? null : 'must be \'\' or a sha256 hex digest'),
    content: str(LIMITS.maxTextLength),
    fontFamily: str(LIMITS.maxFontFamilyLength),
    fontSize: (v: unknown) =>
      typeof v === 'number' && v > 0 && v <= LIMITS.maxFontSize ? null : `must be a number in (0, ${LIMITS.maxFontSize}]`,
    color: pattern(COLOR_PATTERN, 'a colour #rrggbb'),
    align: oneOf(['left', 'center', 'right']),
  },
} satisfies Record<string, Record<string, Check>>;

/** Which field set applies to a raw record, from its `type` and `kind`. */
function shapeOf(raw: Record<string, unknown>): keyof typeof FIELDS | null {
  if (raw['type'] === 'group') return 'group';
  if (raw['type'] === 'layer' && raw['kind'] === 'raster') return 'raster';
  if (raw['type'] === 'layer' && raw['kind'] === 'text') return 'text';
  return null;
}

/**
 * Checks one stored node (`raw` = its Y.Map as plain data, without the id): every field present, of the right
 * type and range, and no unknown fields. Pure; used for local edits, remote updates and materialisation.
 */
export function validateNodeRecord(id: string, raw: Record<string, unknown>): Result<NodeRecord, DocumentError> {
  if (!isValidId(id)) return err(documentError('INVALID_STRUCTURE', `bad node id ${JSON.stringify(id).slice(0, 80)}`));
  const shape = shapeOf(raw);
  if (shape === null) {
    const field = raw['type'] === 'layer' ? 'kind' : 'type';
    return err(documentError('INVALID_PROPERTY', `unknown ${field}`, `nodes.${id}.${field}`));
  }
  const fields: Record<string, Check> = FIELDS[shape];
  for (const key of Object.keys(raw)) {
    if (!(key in fields)) return err(documentError('INVALID_PROPERTY', `unknown property ${key.slice(0, 64)}`, `nodes.${id}.${key.slice(0, 64)}`));
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!(key in raw)) return err(documentError('INVALID_PROPERTY', `missing ${key}`, `nodes.${id}.${key}`));
    const problem = check(raw[key]);
    if (problem !== null) return err(documentError('INVALID_PROPERTY', `${key} ${problem}`, `nodes.${id}.${key}`));
  }
  if (raw['parent'] === id) return err(documentError('CYCLE', 'a node cannot be its own parent', `nodes.${id}.parent`));
  return ok({ ...raw, id } as NodeRecord);
}

/** The stored fields of a record (everything except the id, which is the key in the nodes map). */
export function recordFields(record: NodeRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record };
  delete fields['id'];
  return fields;
}

/** Canvas meta: width and height. */
export function validateMeta(raw: Record<string, unknown>): Result<{ width: number; height: number }, DocumentError> {
  for (const key of Object.keys(raw)) {
    if (key !== 'width' && key !== 'height') return err(documentError('INVALID_PROPERTY', `unknown meta ${key.slice(0, 64)}`, `meta.${key.slice(0, 64)}`));
  }
  const dim = intIn(1, LIMITS.maxDimension);
  for (const key of ['width', 'height'] as const) {
    const problem = dim(raw[key]);
    if (problem !== null) return err(documentError('INVALID_PROPERTY', `${key} ${problem}`, `meta.${key}`));
  }
  return ok({ width: raw['width'] as number, height: raw['height'] as number });
}
