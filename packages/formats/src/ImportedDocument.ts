import type { DocumentTree } from '@strata/document';

/** What an importer gives back: the tree, and the PNG bytes of every blob it points at (keyed by sha256). */
export interface ImportedDocument {
  tree: DocumentTree;
  blobs: Map<string, Uint8Array>;
}

export interface ImportOptions {
  /** id factory for new nodes (default: crypto.randomUUID) */
  newId?: () => string;
}
