import * as Y from 'yjs';
import type { NodeRecord } from './records.js';
import { decodeStored, encodeStored, storedWrites } from './storedNode.js';

/**
 * How a document lives in a Y.Doc: two root maps and nothing else.
 * - `meta`: `width`, `height` (canvas pixels)
 * - `nodes`: node id -> Y.Map of that node's stored properties (see storedNode.ts)
 */
export const NODES_KEY = 'nodes';
export const META_KEY = 'meta';
export const ROOT_KEYS: readonly string[] = [NODES_KEY, META_KEY];

export type NodeMap = Y.Map<unknown>;

export const nodesMap = (doc: Y.Doc): Y.Map<NodeMap> => doc.getMap<NodeMap>(NODES_KEY);
export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(META_KEY);

/** A node's Y.Map as plain data; null when the entry is not a Y.Map (only a malformed remote update does that). */
export function rawNode(value: unknown): Record<string, unknown> | null {
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : null;
}

/**
 * Validated records are cached per doc and dropped when their node changes (observer for remote and undo
 * transactions, plus writeFields/insertRecord for our own writes, which may happen inside a caller's transaction).
 */
const caches = new WeakMap<Y.Doc, Map<string, NodeRecord | null>>();

function cacheOf(doc: Y.Doc): Map<string, NodeRecord | null> {
  let cache = caches.get(doc);
  if (cache === undefined) {
    const created = new Map<string, NodeRecord | null>();
    const nodes = nodesMap(doc);
    nodes.observeDeep((events) => {
      for (const event of events) {
        if (event.target === nodes) for (const key of event.keys.keys()) created.delete(key);
        else if (typeof event.path[0] === 'string') created.delete(event.path[0]);
      }
    });
    caches.set(doc, created);
    cache = created;
  }
  return cache;
}

function forget(doc: Y.Doc, id: string): void {
  caches.get(doc)?.delete(id);
}

function readCached(doc: Y.Doc, cache: Map<string, NodeRecord | null>, id: string, value: unknown): NodeRecord | null {
  const known = cache.get(id);
  if (known !== undefined) return known;
  const raw = rawNode(value);
  const result = raw === null ? null : decodeStored(id, raw);
  const record = result !== null && result.ok ? Object.freeze(result.value) : null;
  if (!doc.isDestroyed) cache.set(id, record);
  return record;
}

/** Reads one node and validates it; null if absent or invalid. Tombstones are returned (deleted: true). */
export function readRecord(doc: Y.Doc, id: string): NodeRecord | null {
  const value = nodesMap(doc).get(id);
  if (value === undefined) return null;
  return readCached(doc, cacheOf(doc), id, value);
}

/** Every valid stored node of the doc (tombstones included), by id. Invalid entries are ignored (as if absent). */
export function readRecords(doc: Y.Doc): Map<string, NodeRecord> {
  const out = new Map<string, NodeRecord>();
  const cache = cacheOf(doc);
  nodesMap(doc).forEach((value, id) => {
    const record = readCached(doc, cache, id, value);
    if (record !== null) out.set(id, record);
  });
  return out;
}

/** Deletes a stored node for good (purge). */
export function deleteStored(doc: Y.Doc, id: string): void {
  nodesMap(doc).delete(id);
  forget(doc, id);
}

/** Writes a new node (all fields) into the nodes map. Call inside a transaction. */
export function insertRecord(doc: Y.Doc, record: NodeRecord, dormant = false): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(encodeStored(record, dormant))) map.set(key, value);
  nodesMap(doc).set(record.id, map);
  forget(doc, record.id);
}

/**
 * Sets record fields of an existing, valid node (e.g. `{ parent, order }`), writing only the stored keys whose
 * value changes. Returns the number of stored keys written.
 */
export function writeFields(doc: Y.Doc, id: string, fields: Partial<Record<string, unknown>>): number {
  const map = nodesMap(doc).get(id);
  if (!(map instanceof Y.Map)) return 0;
  const raw = map.toJSON() as Record<string, unknown>;
  const current = decodeStored(id, raw);
  if (!current.ok) return 0;
  forget(doc, id);
  const { set, remove } = storedWrites(raw, { ...current.value, ...fields } as NodeRecord);
  for (const [key, value] of set) map.set(key, value);
  for (const key of remove) map.delete(key);
  return set.length + remove.length;
}
