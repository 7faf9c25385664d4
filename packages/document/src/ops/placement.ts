import { type DocumentError, documentError } from '../DocumentError.js';
import { type Result, err, ok } from '../result.js';
import type { Structure } from '../structure.js';

/** Checks that `parent` is null or an existing group and `index` is absent or a non-negative integer. */
export function checkPlacement(structure: Structure, parent: string | null, index: number | undefined): Result<void, DocumentError> {
  if (parent !== null) {
    const target = structure.records.get(parent);
    if (target === undefined) return err(documentError('NODE_NOT_FOUND', parent.slice(0, 64), 'parent'));
    if (target.type !== 'group') return err(documentError('NOT_A_GROUP', parent.slice(0, 64), 'parent'));
  }
  if (index !== undefined && !(Number.isInteger(index) && index >= 0)) {
    return err(documentError('INVALID_PROPERTY', 'index must be a non-negative integer', 'index'));
  }
  return ok(undefined);
}
