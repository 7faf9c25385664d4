import * as Y from 'yjs';
import type { EditContext } from '../ops/EditContext.js';
import type { RasterLayerInit } from '../ops/inputs.js';
import { setCanvasSize } from '../ops/setCanvasSize.js';

/** Test helpers: small factories that write directly. */
export const blobOf = (n: number): string => n.toString(16).padStart(64, '0');

export function raster(n: number, extra: Partial<RasterLayerInit> = {}): RasterLayerInit {
  return { kind: 'raster', name: `L${n}`, blob: blobOf(n), width: 10, height: 10, ...extra };
}

export function newDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  setCanvasSize(doc, { width: 100, height: 80 });
  return doc;
}

/** Deterministic ids: prefix-1, prefix-2, ... */
export function counterIds(prefix: string): EditContext['newId'] {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Two-way sync of two replicas (full state exchange). */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Unwraps a Result in tests. */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
