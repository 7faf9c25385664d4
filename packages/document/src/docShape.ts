import * as Y from 'yjs';
import { type NodeRecord, recordFields, validateNodeRecord } from './records.js';

/**
 * How a document lives in a Y.Doc: two root maps and nothing else.
 * - `meta`: `width`, `height` (canvas pixels)
 * - `nodes`: node id -> Y.Map of that node's properties (see records.ts)
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

/** Reads one node and validates it; null if absent or invalid. */
export function readRecord(doc: Y.Doc, id: string): NodeRecord | null {
  const raw = rawNode(nodesMap(doc).get(id));
  if (raw === null) return null;
  const result = validateNodeRecord(id, raw);
  return result.ok ? result.value : null;
}

/** Every valid node of the doc, by id. Invalid entries are ignored (as if deleted). */
export function readRecords(doc: Y.Doc): Map<string, NodeRecord> {
  const out = new Map<string, NodeRecord>();
  nodesMap(doc).forEach((value, id) => {
    const raw = rawNode(value);
    if (raw === null) return;
    const result = validateNodeRecord(id, raw);
    if (result.ok) out.set(id, result.value);
  });
  return out;
}

/** Writes a new node (all fields) into the nodes map. Call inside a transaction. */
export function insertRecord(doc: Y.Doc, record: NodeRecord): void {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(recordFields(record))) map.set(key, value);
  nodesMap(doc).set(record.id, map);
}

/** Sets the given fields of an existing node, skipping values that are already equal (no-op writes). */
export function writeFields(doc: Y.Doc, id: string, fields: Record<string, unknown>): number {
  const map = nodesMap(doc).get(id);
  if (!(map instanceof Y.Map)) return 0;
  let writes = 0;
  for (const [key, value] of Object.entries(fields)) {
    if (map.get(key) !== value) {
      map.set(key, value);
      writes += 1;
    }
  }
  return writes;
}
