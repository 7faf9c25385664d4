import type * as Y from 'yjs';

/**
 * Who is editing. `origin` tags the Yjs transaction: an UndoManager created with the same origin undoes exactly
 * these edits (see createUndoManager); the sync server uses its own origin for server-side writes.
 * `newId` makes ids deterministic in tests; by default ids are random UUIDs.
 */
export interface EditContext {
  origin?: unknown;
  newId?: () => string;
}

export function newIdFn(ctx: EditContext): () => string {
  return ctx.newId ?? (() => globalThis.crypto.randomUUID());
}

/** Runs the writes of one operation as one transaction with the editor's origin. */
export function transactEdit<T>(doc: Y.Doc, ctx: EditContext, fn: () => T): T {
  return doc.transact(fn, ctx.origin ?? null);
}
