import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { loadTree, structureOf, type DocumentTree } from '@strata/document';
import type { VersionNodeRow } from '../models/versions.js';
import { rowsFromTree } from './versionTree.js';

export interface InitialDocument {
  tree: DocumentTree;
  /** Yjs state of a doc showing the tree */
  state: Uint8Array;
  rows: VersionNodeRow[];
}

/** A new project's first document: one raster layer of the image at native size (or an empty canvas). */
export function initialDocument(canvas: { width: number; height: number },
  image: { sha256: string; width: number; height: number; name: string } | null): InitialDocument {
  const tree: DocumentTree = {
    width: canvas.width,
    height: canvas.height,
    children: image ? [{ id: randomUUID(), name: image.name, type: 'layer', kind: 'raster', blob: image.sha256,
      width: image.width, height: image.height, x: 0, y: 0, visible: true, locked: false, opacity: 1, blendMode: 'normal' }] : [],
  };
  return { tree, ...documentFromTree(tree) };
}

/** The Yjs state and version rows of a doc showing `tree` (a new project's first version). */
export function documentFromTree(tree: DocumentTree): { state: Uint8Array; rows: VersionNodeRow[] } {
  const doc = new Y.Doc();
  const loaded = loadTree(doc, tree);
  if (!loaded.ok) throw new Error(`document tree rejected: ${loaded.error.code}`);
  const records = structureOf(doc).records;
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, rows: rowsFromTree(tree, (id) => records.get(id)?.order) };
}
