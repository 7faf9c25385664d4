import * as Y from 'yjs';
import { type DocumentError, documentError } from './DocumentError.js';
import { META_KEY, NODES_KEY, ROOT_KEYS, metaMap, nodesMap, rawNode } from './docShape.js';
import { LIMITS } from './limits.js';
import { validateMeta } from './records.js';
import { decodeStored } from './storedNode.js';
import { type Result, err, ok } from './result.js';

export interface ValidatedUpdate {
  /** ids of nodes the update creates, changes or deletes */
  changedNodes: string[];
  metaChanged: boolean;
}

export interface ValidateOptions {
  /** reject updates larger than this many bytes (default: no limit here; the server sets its own) */
  maxBytes?: number;
}

/**
 * Decides whether a remote update may be applied to `doc`, without touching `doc`: the update is applied to a
 * scratch copy and every node and meta field it touches is checked against the schema (records.ts) plus the
 * structural rules no honest client breaks: a node is never its own parent, never placed under a layer, never
 * changes type or kind, nothing is written outside `nodes` and `meta`, and the node count stays within limits.
 * Damage that honest concurrent edits can produce (dangling parents, cycles across several nodes, duplicate order
 * keys) is accepted: materialize() repairs it deterministically on every replica.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array, options: ValidateOptions = {}): Result<ValidatedUpdate, DocumentError> {
  if (options.maxBytes !== undefined && update.byteLength > options.maxBytes) {
    return err(documentError('LIMIT_EXCEEDED', `update of ${update.byteLength} bytes exceeds ${options.maxBytes}`));
  }
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  return validateOnScratch(doc, scratch, update);
}

/**
 * Like validateUpdate, but on a caller-owned `scratch` replica that holds the same state as `doc` (see
 * UpdateValidator). The update is applied to `scratch` whether or not it is valid.
 */
export function validateOnScratch(doc: Y.Doc, scratch: Y.Doc, update: Uint8Array): Result<ValidatedUpdate, DocumentError> {
  const changed = new Set<string>();
  let metaChanged = false;
  let nestedWrite = false;
  const nodes = nodesMap(scratch);
  const meta = metaMap(scratch);
  const onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === nodes) {
        for (const key of event.keys.keys()) changed.add(key);
      } else if (event.path.length === 1 && typeof event.path[0] === 'string') {
        changed.add(event.path[0]);
      } else {
        nestedWrite = true;
      }
    }
  };
  const onMeta = (): void => {
    metaChanged = true;
  };
  nodes.observeDeep(onNodes);
  meta.observe(onMeta);
  const before = new Set(scratch.share.keys());
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return err(documentError('MALFORMED_UPDATE'));
  } finally {
    nodes.unobserveDeep(onNodes);
    meta.unobserve(onMeta);
  }
  for (const key of scratch.share.keys()) {
    if (!before.has(key) && !ROOT_KEYS.includes(key)) {
      return err(documentError('INVALID_STRUCTURE', `unknown root type ${key.slice(0, 64)}`));
    }
  }
  if (nestedWrite) return err(documentError('INVALID_STRUCTURE', 'writes below a node property'));
  if (changed.size > 0 && nodes.size > LIMITS.maxNodes) return err(documentError('LIMIT_EXCEEDED', `at most ${LIMITS.maxNodes} nodes`));

  const original = nodesMap(doc);
  for (const id of [...changed].sort()) {
    const value = nodes.get(id);
    if (value === undefined) continue; // deleted
    const raw = rawNode(value);
    if (raw === null) return err(documentError('INVALID_STRUCTURE', 'a node must be a map', `${NODES_KEY}.${id.slice(0, 64)}`));
    for (const [key, field] of (value as Y.Map<unknown>).entries()) {
      if (field instanceof Y.AbstractType || field instanceof Y.Doc || field instanceof Uint8Array) {
        return err(documentError('INVALID_STRUCTURE', 'node properties must be plain values', `${NODES_KEY}.${id.slice(0, 64)}.${key.slice(0, 64)}`));
      }
    }
    const record = decodeStored(id, raw);
    if (!record.ok) return record;
    const previous = rawNode(original.get(id));
    if (previous !== null && previous['kind'] !== raw['kind']) {
      return err(documentError('IMMUTABLE_PROPERTY', undefined, `${NODES_KEY}.${id}.kind`));
    }
    const parent = record.value.parent;
    const previousParent = Array.isArray(previous?.['at']) ? (previous['at'] as unknown[])[0] : undefined;
    if (parent !== null && previousParent !== parent) {
      const target = rawNode(nodes.get(parent));
      if (target !== null && target['kind'] !== 'group') {
        return err(documentError('NOT_A_GROUP', parent, `${NODES_KEY}.${id}.at`));
      }
    }
  }
  if (metaChanged) {
    const checked = validateMeta(meta.toJSON() as Record<string, unknown>);
    if (!checked.ok) return err({ ...checked.error, path: checked.error.path ?? META_KEY });
  }
  return ok({ changedNodes: [...changed].sort(), metaChanged });
}

/**
 * Keeps a scratch replica of `doc` so that validating an update costs only that update, not a copy of the whole
 * document. After a rejected update the scratch replica is rebuilt from `doc` on the next call.
 * Apply accepted updates to `doc` yourself; the validator follows `doc` through its update event.
 */
export class UpdateValidator {
  private scratch: Y.Doc | null = null;
  private readonly follow = (update: Uint8Array): void => {
    if (this.scratch) Y.applyUpdate(this.scratch, update);
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.follow);
  }

  validate(update: Uint8Array, options: ValidateOptions = {}): Result<ValidatedUpdate, DocumentError> {
    if (options.maxBytes !== undefined && update.byteLength > options.maxBytes) {
      return err(documentError('LIMIT_EXCEEDED', `update of ${update.byteLength} bytes exceeds ${options.maxBytes}`));
    }
    if (this.scratch === null) {
      this.scratch = new Y.Doc();
      Y.applyUpdate(this.scratch, Y.encodeStateAsUpdate(this.doc));
    }
    const result = validateOnScratch(this.doc, this.scratch, update);
    if (!result.ok) {
      this.scratch.destroy();
      this.scratch = null;
    }
    return result;
  }

  /** Drops the scratch replica (e.g. after validating an update that was then not applied). */
  reset(): void {
    this.scratch?.destroy();
    this.scratch = null;
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.scratch?.destroy();
    this.scratch = null;
  }
}
