import { randomUUID } from 'node:crypto';
import type { CollabStorage, CompactResult, LogEntry, SavedVersion, StoredDoc, VersionInput } from './CollabStorage.js';

interface MemDoc {
  width: number;
  height: number;
  snapshot: { state: Uint8Array; upToSeq: number; version: number } | null;
  log: { seq: number; update: Uint8Array; userId: string | null }[];
  lastSeq: number;
  versions: (VersionInput & SavedVersion)[];
}

/** Storage for unit tests and single-process demos: same contract as Postgres, nothing survives the process. */
export class InMemoryCollabStorage implements CollabStorage {
  readonly docs = new Map<string, MemDoc>();
  /** test hook: make the next append fail (simulates a database outage) */
  failNextAppend = false;

  createProject(projectId: string, width = 1024, height = 768): void {
    this.docs.set(projectId, { width, height, snapshot: null, log: [], lastSeq: 0, versions: [] });
  }

  async load(projectId: string): Promise<StoredDoc | null> {
    const d = this.docs.get(projectId);
    if (!d) return null;
    return {
      snapshot: d.snapshot?.state ?? null,
      updates: d.log.map((e) => e.update),
      lastSeq: d.lastSeq,
      width: d.width,
      height: d.height,
    };
  }

  async append(projectId: string, entries: readonly LogEntry[]): Promise<number> {
    await Promise.resolve();
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new StorageError('append failed (test)');
    }
    const d = this.mustGet(projectId);
    for (const e of entries) d.log.push({ seq: ++d.lastSeq, update: e.update, userId: e.userId });
    return d.lastSeq;
  }

  async compact(projectId: string, merge: (s: Uint8Array | null, u: Uint8Array[]) => Uint8Array): Promise<CompactResult> {
    const d = this.mustGet(projectId);
    const base = d.snapshot;
    const pending = d.log.filter((e) => e.seq > (base?.upToSeq ?? 0));
    if (pending.length === 0) return { written: false, reason: 'nothing-to-do' };
    const upToSeq = pending[pending.length - 1]!.seq;
    const state = merge(base?.state ?? null, pending.map((e) => e.update));
    await Promise.resolve();
    if (d.snapshot !== base) return { written: false, reason: 'stale' };
    d.snapshot = { state, upToSeq, version: (base?.version ?? 0) + 1 };
    const keepAfter = Math.min(upToSeq, d.versions.at(-1)?.upToSeq ?? 0);
    d.log = d.log.filter((e) => e.seq > keepAfter);
    return { written: true, upToSeq, updatesFolded: pending.length };
  }

  async saveVersion(projectId: string, input: VersionInput): Promise<SavedVersion> {
    const d = this.mustGet(projectId);
    const since = d.versions.at(-1)?.upToSeq ?? 0;
    const authors = new Set<string>(input.extraAuthors ?? []);
    for (const e of d.log) if (e.seq > since && e.seq <= input.upToSeq && e.userId) authors.add(e.userId);
    const saved: SavedVersion = { id: randomUUID(), authors: [...authors].sort(), createdAt: new Date() };
    d.versions.push({ ...input, ...saved });
    return saved;
  }

  private mustGet(projectId: string): MemDoc {
    const d = this.docs.get(projectId);
    if (!d) throw new StorageError(`no project ${projectId}`);
    return d;
  }
}

export class StorageError extends Error {
  override name = 'StorageError';
}
