import type * as Y from 'yjs';
import { type DocumentError, documentError } from '../DocumentError.js';
import { readRecord, writeFields } from '../docShape.js';
import { recordFields } from '../records.js';
import { type Result, err, ok } from '../result.js';
import { type EditContext, transactEdit } from './EditContext.js';
import type { NodePatch } from './inputs.js';
import { patchRecord } from './inputs.js';

/** Sets properties of one node; only the properties whose value changes are written (per-property LWW). */
export function setProps(doc: Y.Doc, id: string, patch: NodePatch, ctx: EditContext = {}): Result<void, DocumentError> {
  const record = readRecord(doc, id);
  if (record === null || record.deleted) return err(documentError('NODE_NOT_FOUND', id.slice(0, 64), 'id'));
  const next = patchRecord(record, patch);
  if (!next.ok) return next;
  transactEdit(doc, ctx, () => writeFields(doc, id, recordFields(next.value)));
  return ok(undefined);
}
