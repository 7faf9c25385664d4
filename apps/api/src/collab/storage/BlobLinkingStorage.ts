import { blobHashesInTree, blobHashesInUpdate } from '../blobHashesInUpdate.js';
import type { CollabStorage, CompactResult, LogEntry, SavedVersion, StoredDoc, VersionInput } from './CollabStorage.js';

/**
 * Grants a project's members read access (ProjectBlob) to the blobs its live document references, but only blobs
 * one of the edit's authors could already read: an editor who types another project's blob hash into the document
 * gains nothing (the hash stays unreadable, and exports of the project refuse it).
 */
export type LinkReadableBlobs = (projectId: string, userIds: readonly string[], sha256s: readonly string[]) => Promise<unknown>;

/**
 * A CollabStorage decorator: after an append, links the hashes each update writes (checked against that update's
 * author) before the append resolves, so the edit is acknowledged only once its blobs are readable by the members;
 * after a checkpoint, links the tree's blobs readable by the version's authors (covers edits whose link failed).
 * Server writes (userId null) link their own blobs (imports, decomposition results).
 */
export class BlobLinkingStorage implements CollabStorage {
  constructor(private readonly inner: CollabStorage, private readonly link: LinkReadableBlobs,
    private readonly onError: (projectId: string, error: unknown) => void = () => undefined) {}

  load(projectId: string): Promise<StoredDoc | null> {
    return this.inner.load(projectId);
  }

  async append(projectId: string, entries: readonly LogEntry[]): Promise<number> {
    const seq = await this.inner.append(projectId, entries);
    const byUser = new Map<string, Set<string>>();
    for (const e of entries) {
      if (!e.userId) continue;
      const hashes = blobHashesInUpdate(e.update);
      if (!hashes.length) continue;
      const set = byUser.get(e.userId) ?? new Set<string>();
      for (const h of hashes) set.add(h);
      byUser.set(e.userId, set);
    }
    for (const [userId, hashes] of byUser) {
      await this.link(projectId, [userId], [...hashes]).catch((error: unknown) => this.onError(projectId, error));
    }
    return seq;
  }

  compact(projectId: string, merge: (s: Uint8Array | null, u: Uint8Array[]) => Uint8Array): Promise<CompactResult> {
    return this.inner.compact(projectId, merge);
  }

  async saveVersion(projectId: string, input: VersionInput): Promise<SavedVersion> {
    const saved = await this.inner.saveVersion(projectId, input);
    const hashes = blobHashesInTree(input.tree);
    if (hashes.length && saved.authors.length) {
      await this.link(projectId, saved.authors, hashes).catch((error: unknown) => this.onError(projectId, error));
    }
    return saved;
  }
}
