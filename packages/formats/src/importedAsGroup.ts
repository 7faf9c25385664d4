import { randomUUID } from 'node:crypto';
import type { GroupNode } from '@strata/document';
import type { ImportedDocument } from './ImportedDocument.js';

/**
 * Wraps an imported document's top-level nodes in one group, for importing into an existing project. Positions stay
 * in the imported canvas's coordinates (top-left aligned with the target canvas); the caller inserts the group.
 */
export function importedAsGroup(doc: ImportedDocument, name: string, newId: () => string = randomUUID): GroupNode {
  return {
    id: newId(), name, type: 'group', expanded: true, visible: true, locked: false, opacity: 1, blendMode: 'normal',
    x: 0, y: 0, children: doc.tree.children,
  };
}
