import type * as Y from 'yjs';
import type { DocumentError } from '../DocumentError.js';
import { metaMap } from '../docShape.js';
import { validateMeta } from '../records.js';
import { type Result, ok } from '../result.js';
import { type EditContext, transactEdit } from './EditContext.js';

/** Sets the canvas size (creating the document meta). */
export function setCanvasSize(doc: Y.Doc, size: { width: number; height: number }, ctx: EditContext = {}): Result<void, DocumentError> {
  const checked = validateMeta({ width: size.width, height: size.height });
  if (!checked.ok) return checked;
  transactEdit(doc, ctx, () => {
    const meta = metaMap(doc);
    if (meta.get('width') !== size.width) meta.set('width', size.width);
    if (meta.get('height') !== size.height) meta.set('height', size.height);
  });
  return ok(undefined);
}
