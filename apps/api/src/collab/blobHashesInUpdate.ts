import * as Y from 'yjs';
import type { DocNode, DocumentTree } from '@strata/document';

const SHA256_HEX = /^[0-9a-f]{64}$/;

function collect(value: unknown, out: Set<string>, depth = 0): void {
  if (typeof value === 'string') {
    if (SHA256_HEX.test(value)) out.add(value);
  } else if (Array.isArray(value) && depth < 4) {
    for (const v of value) collect(v, out, depth + 1);
  }
}

/**
 * Every blob hash a Yjs update writes (layers store `pixels: [sha256, width, height]` as a plain value, see
 * packages/document storedNode.ts). Any 64-hex string counts: callers only grant hashes the author could read anyway.
 */
export function blobHashesInUpdate(update: Uint8Array): string[] {
  const out = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) collect(struct.content.arr, out);
  }
  return [...out];
}

/** Every blob a materialised tree points at. */
export function blobHashesInTree(tree: DocumentTree): string[] {
  const out = new Set<string>();
  const walk = (nodes: readonly DocNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'group') walk(n.children);
      else if (n.blob) out.add(n.blob);
    }
  };
  walk(tree.children);
  return [...out];
}
