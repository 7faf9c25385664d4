import type { DocumentTree } from '@strata/document';

/** What the collaboration server needs from persistence. Implementations: InMemoryCollabStorage, PostgresCollabStorage. */
export interface CollabStorage {
  /** Snapshot (if any) plus every logged update after it, in log order; null when the project does not exist. */
  load(projectId: string): Promise<StoredDoc | null>;
  /**
   * Appends updates to the project's log in one atomic write and returns the seq of the last one. Must not resolve
   * before the write is durable: the server acknowledges and broadcasts only after it does.
   */
  append(projectId: string, entries: readonly LogEntry[]): Promise<number>;
  /**
   * Folds the log into the snapshot: `merge` receives the current snapshot and the updates after it and returns the
   * merged state. Guarded against stale writes: if another writer changed the snapshot meanwhile, nothing is written
   * and `{ written: false }` comes back. Updates covered by the new snapshot and by the latest version are deleted.
   */
  compact(projectId: string, merge: (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array): Promise<CompactResult>;
  /** Stores an immutable checkpoint; authors are the users who wrote log entries since the previous version. */
  saveVersion(projectId: string, input: VersionInput): Promise<SavedVersion>;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** seq of the last update included (snapshot's upToSeq when the log after it is empty; 0 for a new document) */
  lastSeq: number;
  width: number;
  height: number;
}

export interface LogEntry {
  update: Uint8Array;
  /** null for server-side writes (decomposition results, restores, imports) */
  userId: string | null;
}

export type CompactResult = { written: true; upToSeq: number; updatesFolded: number } | { written: false; reason: 'stale' | 'nothing-to-do' };

export type VersionReason = 'manual' | 'auto' | 'decomposition' | 'import' | 'restore';

export interface VersionInput {
  reason: VersionReason;
  name: string | null;
  description: string | null;
  /** Y.encodeStateAsUpdate of the document */
  state: Uint8Array;
  /** the last log seq included in `state` */
  upToSeq: number;
  tree: DocumentTree;
  /** extra authors to record besides those found in the log (e.g. the user who asked for a restore) */
  extraAuthors?: readonly string[];
}

export interface SavedVersion {
  id: string;
  authors: string[];
  createdAt: Date;
}
