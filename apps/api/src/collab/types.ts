import type * as Y from 'yjs';
import type { DocumentTree } from '@strata/document';

/** The room's only view of a connection (tldraw TLSyncRoom style): the ws adapter and the tests' fake socket implement it. */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export type Role = 'owner' | 'editor' | 'viewer';

export interface CollabUser {
  id: string;
  name: string;
}

export type ValidationResult = { ok: true } | { ok: false; error: { code: string; message: string } };

/** The document model the server enforces (packages/document supplies the real one; see documentModel.ts). */
export interface DocumentModel {
  /** A validator bound to one room's doc (it may keep a scratch replica; destroyed with the room). */
  createValidator(doc: Y.Doc): UpdateValidatorPort;
  /** The materialised tree of the current state (for versions). */
  materialize(doc: Y.Doc): DocumentTree;
  /** Writes what a brand-new document needs (the canvas size), with the server origin. */
  initialize?(doc: Y.Doc, canvas: { width: number; height: number }): void;
}

export interface UpdateValidatorPort {
  /** Would applying `update` to the doc keep the document valid? Must not modify the doc. */
  validate(update: Uint8Array): ValidationResult;
  /** frees memory kept between validations (e.g. a scratch replica); the next validation rebuilds it */
  release?(): void;
  destroy(): void;
}

export type CollabEvent =
  | { type: 'room-opened'; projectId: string }
  | { type: 'room-closed'; projectId: string }
  | { type: 'room-failed'; projectId: string; error: unknown }
  | { type: 'closed-connection'; projectId: string; userId: string; code: number; reason: string }
  | { type: 'dropped-update'; projectId: string; userId: string; reason: string }
  | { type: 'checkpoint-failed'; projectId: string; error: unknown }
  | { type: 'compaction'; projectId: string; result: string }
  /** granting the project's members read access to blobs an edit references failed (the edit itself is durable) */
  | { type: 'blob-link-failed'; projectId: string; error: unknown }
  /** one group commit: `updates` appended in `appendMs`; `waitedMs` = age of the oldest update when it became durable */
  | { type: 'flushed'; projectId: string; updates: number; appendMs: number; waitedMs: number; recipients: number };
