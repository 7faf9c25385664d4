import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE_CODES, type CloseCodeName } from './closeCodes.js';
import { TokenBucket, type CollabLimits } from './limits.js';
import { checkPresenceUpdate } from './presence.js';
import { assertNever, decodeMessage, encodeMessage, noticeMessage } from './protocol.js';
import type { CollabStorage, SavedVersion, StoredDoc, VersionReason } from './storage/CollabStorage.js';
import type { CollabEvent, CollabSocket, CollabUser, DocumentModel, Role, UpdateValidatorPort, ValidationResult } from './types.js';

/** Transaction origin of server-side writes (decomposition results, restores, imports). */
export const SERVER_ORIGIN = Symbol('strata-server');
/** Transaction origin of updates received from another API process (already durable there). */
const REMOTE_ORIGIN = Symbol('strata-remote');
const LOAD_ORIGIN = Symbol('strata-load');

export interface RoomBusPort {
  publishUpdate(update: Uint8Array, seq: number): void;
  publishAwareness(update: Uint8Array): void;
}

export interface RoomOptions {
  projectId: string;
  storage: CollabStorage;
  document: DocumentModel;
  limits: CollabLimits;
  /** quiet period after the last edit before an automatic checkpoint */
  checkpointQuietMs: number;
  /** drop the Y.Doc of a room this long after its last edit (0 = never) */
  coolAfterMs: number;
  /** compact the log into the snapshot after this many appended updates */
  compactEvery: number;
  now: () => number;
  bus?: RoomBusPort;
  emit: (e: CollabEvent) => void;
  /** called when the last connection left (the service decides when to close) or when the room failed */
  onIdle: (room: CollabRoom) => void;
  onFailed: (room: CollabRoom) => void;
}

interface Connection {
  socket: CollabSocket;
  user: CollabUser;
  role: Role;
  ack: boolean;
  bucket: TokenBucket;
  /** document-update messages received (the ack counter) */
  updateMessages: number;
  invalidUpdates: number;
  readOnlyNoticeSent: boolean;
  awarenessIds: Set<number>;
  closed: boolean;
}

interface PendingUpdate {
  at: number;
  update: Uint8Array;
  userId: string | null;
  from: Connection | null;
}

interface Waiter {
  upTo: number;
  run: () => void;
  fail?: (e: unknown) => void;
}

export type JoinResult = { ok: true } | { ok: false; code: CloseCodeName };

/**
 * One project's live document: pure room logic over `CollabSocket`s (no ws, no timers besides the checkpoint timer).
 *
 * Update path: decode → role check → validate (DocumentModel) → apply to the doc → append to the log (batched with
 * everything that arrived in the same event-loop turn) → only then broadcast to the other connections, publish to
 * the bus and acknowledge to the author. Sync-step2 replies to joining clients are also sent only after everything
 * applied before the request is durable.
 */
export class CollabRoom {
  /** the live Y.Doc while the room is hot; null while cold (then `cold` holds the encoded state) */
  private hot: Y.Doc | null = null;
  private cold: Uint8Array | null;
  private validator: UpdateValidatorPort | null = null;
  private coolTimer: NodeJS.Timeout | null = null;
  private releaseTimer: NodeJS.Timeout | null = null;
  /** awareness needs a Y.Doc only for its client id: a tiny one, so presence works while the document is cold */
  private readonly presenceDoc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  private readonly conns = new Map<CollabSocket, Connection>();
  private pending: PendingUpdate[] = [];
  private flushing = false;
  private applied = 0;
  private durable = 0;
  private waiters: Waiter[] = [];
  private lastSeq: number;
  private appendedSinceCompact = 0;
  private compacting = false;
  private failed = false;
  private destroyed = false;
  private editsSinceVersion = 0;
  private lastEditAt = 0;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private checkpointing: Promise<unknown> | null = null;
  readonly width: number;
  readonly height: number;

  constructor(private readonly o: RoomOptions, stored: StoredDoc) {
    this.width = stored.width;
    this.height = stored.height;
    this.lastSeq = stored.lastSeq;
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    this.cold = parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    this.appendedSinceCompact = stored.updates.length;
    this.awareness = new awarenessProtocol.Awareness(this.presenceDoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * The live document. Rooms start cold (encoded state only: ~20 KB for 50 layers instead of ~375 KB of Yjs
   * objects); syncing readers works on the encoded state, and the first edit hydrates the doc. After `coolAfterMs`
   * without edits, with everything durable, the room goes cold again.
   */
  get doc(): Y.Doc {
    return this.hydrate();
  }

  get isHot(): boolean {
    return this.hot !== null;
  }

  private hydrate(): Y.Doc {
    if (this.hot) return this.hot;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.cold ?? EMPTY_UPDATE, LOAD_ORIGIN);
    this.cold = null;
    doc.on('update', this.onDocUpdate);
    this.hot = doc;
    this.validator = this.o.document.createValidator(doc);
    this.armCool();
    return doc;
  }

  private armCool(): void {
    if (this.coolTimer || this.o.coolAfterMs <= 0) return;
    this.coolTimer = setTimeout(this.onCoolTimer, this.o.coolAfterMs);
    this.coolTimer.unref();
  }

  private readonly onCoolTimer = (): void => {
    this.coolTimer = null;
    if (!this.hot || this.destroyed) return;
    const quietFor = this.o.now() - this.lastEditAt;
    const busy = this.pending.length > 0 || this.flushing || this.checkpointing !== null || this.waiters.length > 0;
    if (quietFor < this.o.coolAfterMs || busy) {
      this.coolTimer = setTimeout(this.onCoolTimer, Math.max(1_000, this.o.coolAfterMs - quietFor));
      this.coolTimer.unref();
      return;
    }
    this.cool();
  };

  /**
   * The validator keeps a scratch replica (as large as the doc) so that each validation costs only the update;
   * free it after a few seconds without incoming edits.
   */
  private armRelease(): void {
    if (this.releaseTimer) return;
    this.releaseTimer = setTimeout(this.onReleaseTimer, RELEASE_SCRATCH_MS);
    this.releaseTimer.unref();
  }

  private readonly onReleaseTimer = (): void => {
    this.releaseTimer = null;
    const quietFor = this.o.now() - this.lastEditAt;
    if (quietFor < RELEASE_SCRATCH_MS) {
      this.releaseTimer = setTimeout(this.onReleaseTimer, RELEASE_SCRATCH_MS - quietFor);
      this.releaseTimer.unref();
      return;
    }
    this.validator?.release?.();
  };

  /** Drops the Y.Doc (and the validator's scratch replica), keeping the encoded state. */
  cool(): void {
    const doc = this.hot;
    if (!doc) return;
    this.cold = Y.encodeStateAsUpdate(doc);
    this.validator?.destroy();
    this.validator = null;
    doc.off('update', this.onDocUpdate);
    doc.destroy();
    this.hot = null;
  }

  private stateVector(): Uint8Array {
    return this.hot ? Y.encodeStateVector(this.hot) : Y.encodeStateVectorFromUpdate(this.cold ?? EMPTY_UPDATE);
  }

  private diffFrom(sv: Uint8Array): Uint8Array {
    return this.hot ? Y.encodeStateAsUpdate(this.hot, sv) : Y.diffUpdate(this.cold ?? EMPTY_UPDATE, sv);
  }

  get projectId(): string {
    return this.o.projectId;
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  get durableSeq(): number {
    return this.lastSeq;
  }

  get hasUnsavedWork(): boolean {
    return this.pending.length > 0 || this.flushing || this.editsSinceVersion > 0 || this.checkpointing !== null;
  }

  // ---- connections -------------------------------------------------------------------------------------------

  join(socket: CollabSocket, user: CollabUser, role: Role, opts: { ack: boolean }): JoinResult {
    if (this.failed || this.destroyed) return { ok: false, code: 'INTERNAL' };
    if (this.conns.size >= this.o.limits.maxConnectionsPerDoc) return { ok: false, code: 'TOO_MANY_CONNECTIONS' };
    const conn: Connection = {
      socket, user, role, ack: opts.ack,
      bucket: new TokenBucket(this.o.limits.rateBurst, this.o.limits.ratePerSecond, this.o.now),
      updateMessages: 0, invalidUpdates: 0, readOnlyNoticeSent: false, awarenessIds: new Set(), closed: false,
    };
    this.conns.set(socket, conn);
    // like y-websocket's server: our state vector first, then the current presence
    this.afterDurable(() => this.send(conn, encodeMessage({ type: 'sync-step1', stateVector: this.stateVector() })));
    if (role === 'viewer') this.sendReadOnlyNotice(conn);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      this.send(conn, encodeMessage({ type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, states) }));
    }
    return { ok: true };
  }

  leave(socket: CollabSocket): void {
    const conn = this.conns.get(socket);
    if (!conn) return;
    conn.closed = true;
    this.conns.delete(socket);
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn);
    }
    if (this.conns.size === 0) this.o.onIdle(this);
  }

  /** Role change or removal of a member: applies to that user's open connections at once. */
  setRole(userId: string, role: Role | null): void {
    for (const conn of [...this.conns.values()]) {
      if (conn.user.id !== userId) continue;
      if (role === null) {
        this.closeConn(conn, 'FORBIDDEN', 'membership removed');
        continue;
      }
      const wasViewer = conn.role === 'viewer';
      conn.role = role;
      if (role === 'viewer' && !wasViewer) {
        conn.readOnlyNoticeSent = false;
        this.sendReadOnlyNotice(conn);
      }
    }
  }

  /** Handles one websocket message. Never throws: protocol or limit violations close that connection. */
  receive(socket: CollabSocket, data: Uint8Array): void {
    const conn = this.conns.get(socket);
    if (!conn || conn.closed) return;
    if (data.byteLength > this.o.limits.maxMessageBytes) return this.closeConn(conn, 'MESSAGE_TOO_BIG', `limit ${this.o.limits.maxMessageBytes} bytes`);
    if (!conn.bucket.take()) return this.closeConn(conn, 'RATE_LIMITED', `limit ${this.o.limits.ratePerSecond} messages/s`);
    const decoded = decodeMessage(data);
    if (!decoded.ok) return this.closeConn(conn, 'MALFORMED', decoded.error);
    const msg = decoded.value;
    switch (msg.type) {
      case 'sync-step1': {
        const sv = msg.stateVector;
        try {
          Y.decodeStateVector(sv);
        } catch {
          return this.closeConn(conn, 'MALFORMED', 'invalid state vector');
        }
        this.afterDurable(() => {
          let update: Uint8Array;
          try {
            update = this.diffFrom(sv);
          } catch {
            return this.closeConn(conn, 'MALFORMED', 'invalid state vector');
          }
          this.send(conn, encodeMessage({ type: 'sync-step2', update }));
        });
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        return this.receiveUpdate(conn, msg.update);
      case 'awareness':
        return this.receiveAwareness(conn, msg.update);
      case 'query-awareness': {
        const ids = [...this.awareness.getStates().keys()];
        this.send(conn, encodeMessage({ type: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) }));
        return;
      }
      case 'auth':
      case 'ack':
        return this.closeConn(conn, 'MALFORMED', `clients do not send ${msg.type} messages`);
      default:
        return assertNever(msg);
    }
  }

  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    const n = ++conn.updateMessages;
    const done = (): void => {
      if (conn.ack) this.afterDurable(() => this.send(conn, encodeMessage({ type: 'ack', count: n })));
    };
    if (isEmptyUpdate(update)) return done();
    if (conn.role === 'viewer') {
      this.o.emit({ type: 'dropped-update', projectId: this.projectId, userId: conn.user.id, reason: 'read-only' });
      conn.readOnlyNoticeSent = false;
      this.sendReadOnlyNotice(conn);
      return done();
    }
    let verdict: ValidationResult;
    const doc = this.hydrate();
    this.armRelease();
    try {
      verdict = this.validator!.validate(update);
    } catch (e) {
      verdict = { ok: false as const, error: { code: 'MALFORMED_UPDATE', message: e instanceof Error ? e.message : 'invalid update' } };
    }
    if (!verdict.ok) {
      this.o.emit({ type: 'dropped-update', projectId: this.projectId, userId: conn.user.id, reason: verdict.error.message });
      this.send(conn, noticeMessage('invalid-update', `${verdict.error.code}: ${verdict.error.message}`));
      if (++conn.invalidUpdates > this.o.limits.maxInvalidUpdates) return this.closeConn(conn, 'INVALID_UPDATES', verdict.error.code);
      return done();
    }
    try {
      Y.applyUpdate(doc, update, conn);
    } catch {
      return this.closeConn(conn, 'MALFORMED', 'update cannot be applied');
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      // the update refers to changes the server never received: it is held until they arrive and logged then, so
      // it is not durable yet; honest y-websocket clients never do this (their sync step 2 sends everything missing)
      this.send(conn, noticeMessage('invalid-update', 'MISSING_DEPENDENCIES: the update depends on changes the server does not have; resync'));
    }
    done();
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const check = checkPresenceUpdate(update, conn.user.id, this.o.limits.maxPresenceBytes);
    if (!check.ok) {
      this.send(conn, noticeMessage('invalid-presence', check.error));
      return;
    }
    for (const e of check.entries) {
      const owner = this.ownerOfAwarenessId(e.clientId);
      if (owner !== null && owner !== conn) {
        this.send(conn, noticeMessage('invalid-presence', `client id ${e.clientId} belongs to another connection`));
        return;
      }
    }
    for (const e of check.entries) conn.awarenessIds.add(e.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  private ownerOfAwarenessId(id: number): Connection | null {
    for (const c of this.conns.values()) if (c.awarenessIds.has(id)) return c;
    return null;
  }

  // ---- server-side writes, remote updates --------------------------------------------------------------------

  /** Runs `fn` in one transaction with the server origin; resolves with the log seq once it is durable. */
  async applyServerChange(fn: (doc: Y.Doc) => void, userId: string | null): Promise<number> {
    if (this.failed || this.destroyed) throw new RoomClosedError(this.projectId);
    this.serverAuthor = userId;
    try {
      const doc = this.hydrate();
      doc.transact(() => fn(doc), SERVER_ORIGIN);
    } finally {
      this.serverAuthor = null;
    }
    await this.whenDurable();
    return this.lastSeq;
  }
  private serverAuthor: string | null = null;

  /** An update that another API process already made durable (scale-out bus). */
  applyRemoteUpdate(update: Uint8Array, seq: number): void {
    if (this.failed || this.destroyed) return;
    try {
      if (this.hot) Y.applyUpdate(this.hot, update, REMOTE_ORIGIN);
      else this.cold = Y.mergeUpdates([this.cold ?? EMPTY_UPDATE, update]);
    } catch {
      return;
    }
    this.lastSeq = Math.max(this.lastSeq, seq);
    const msg = encodeMessage({ type: 'sync-update', update });
    for (const c of this.conns.values()) this.send(c, msg);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (this.failed || this.destroyed) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch {
      /* ignore malformed bus traffic */
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN || origin === LOAD_ORIGIN) return;
    let from: Connection | null = null;
    let userId: string | null;
    if (origin === SERVER_ORIGIN) userId = this.serverAuthor;
    else if (isConnection(origin, this.conns)) {
      from = origin;
      userId = origin.user.id;
    } else {
      // a write with a foreign origin (should not happen): still durable before broadcast, no author
      userId = null;
    }
    this.pending.push({ at: this.o.now(), update, userId, from });
    this.applied++;
    this.editsSinceVersion++;
    this.lastEditAt = this.o.now();
    this.armCheckpoint();
    this.scheduleFlush();
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const msg = encodeMessage({ type: 'awareness', update });
    for (const c of this.conns.values()) this.send(c, msg);
    if (origin !== REMOTE_ORIGIN) this.o.bus?.publishAwareness(update);
  };

  // ---- durability -------------------------------------------------------------------------------------------

  /** Resolves when everything applied so far is in the log. */
  whenDurable(): Promise<void> {
    return new Promise((resolve, reject) => this.afterDurable(resolve, reject));
  }

  private afterDurable(run: () => void, fail?: (e: unknown) => void): void {
    if (this.failed) {
      fail?.(new RoomClosedError(this.projectId));
      return;
    }
    if (this.durable >= this.applied && this.waiters.length === 0) return run();
    this.waiters.push({ upTo: this.applied, run, ...(fail ? { fail } : {}) });
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    // setImmediate: everything that arrives in this poll phase goes into one INSERT (group commit)
    setImmediate(() => void this.flushLoop());
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.failed) {
        const batch = this.pending;
        this.pending = [];
        const started = this.o.now();
        const seq = await this.o.storage.append(this.projectId, batch.map((p) => ({ update: p.update, userId: p.userId })));
        const appended = this.o.now();
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.durable += batch.length;
        this.appendedSinceCompact += batch.length;
        const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
        const soleAuthor = batch.every((p) => p.from !== null && p.from === batch[0]!.from) ? batch[0]!.from : null;
        const msg = encodeMessage({ type: 'sync-update', update: merged });
        for (const c of this.conns.values()) if (c !== soleAuthor) this.send(c, msg);
        this.o.bus?.publishUpdate(merged, seq);
        this.o.emit({ type: 'flushed', projectId: this.projectId, updates: batch.length, appendMs: appended - started, waitedMs: appended - batch[0]!.at, recipients: this.conns.size });
        this.releaseWaiters();
        if (this.appendedSinceCompact >= this.o.compactEvery) void this.compact();
      }
    } catch (e) {
      this.fail(e);
    } finally {
      this.flushing = false;
    }
  }

  private releaseWaiters(): void {
    while (this.waiters.length > 0 && this.waiters[0]!.upTo <= this.durable) {
      const w = this.waiters.shift()!;
      w.run();
    }
  }

  /** The log could not be written: the in-memory doc is ahead of the log, so drop it and make everyone resync. */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.o.emit({ type: 'room-failed', projectId: this.projectId, error });
    for (const w of this.waiters.splice(0)) w.fail?.(new RoomClosedError(this.projectId));
    for (const c of [...this.conns.values()]) this.closeConn(c, 'INTERNAL', 'document storage failed; reconnect');
    this.o.onFailed(this);
  }

  /** Folds the log into the snapshot (background; guarded against stale writes by the storage). */
  async compact(): Promise<void> {
    if (this.compacting || this.failed) return;
    this.compacting = true;
    this.appendedSinceCompact = 0;
    try {
      const r = await this.o.storage.compact(this.projectId, mergeUpdates);
      this.o.emit({ type: 'compaction', projectId: this.projectId, result: r.written ? `folded ${r.updatesFolded} up to ${r.upToSeq}` : r.reason });
    } catch (e) {
      this.o.emit({ type: 'compaction', projectId: this.projectId, result: `failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      this.compacting = false;
    }
  }

  // ---- versions ---------------------------------------------------------------------------------------------

  /** Stores a checkpoint of the current state (after everything applied so far is durable). */
  async checkpoint(reason: VersionReason, meta: { name?: string | null; description?: string | null; extraAuthors?: string[] } = {}): Promise<SavedVersion> {
    const run = async (): Promise<SavedVersion> => {
      await this.whenDurable();
      const editsCovered = this.editsSinceVersion;
      const doc = this.hydrate();
      const state = Y.encodeStateAsUpdate(doc);
      const materialized = this.o.document.materialize(doc);
      // a doc without canvas meta materialises as 0×0: fall back to the project's canvas size
      const tree = materialized.width > 0 ? materialized : { ...materialized, width: this.width, height: this.height };
      const saved = await this.o.storage.saveVersion(this.projectId, {
        reason, name: meta.name ?? null, description: meta.description ?? null, state, upToSeq: this.lastSeq, tree,
        ...(meta.extraAuthors ? { extraAuthors: meta.extraAuthors } : {}),
      });
      this.editsSinceVersion -= editsCovered;
      return saved;
    };
    // one checkpoint at a time per room
    const prev = this.checkpointing ?? Promise.resolve();
    const p = prev.catch(() => undefined).then(run);
    this.checkpointing = p;
    try {
      return await p;
    } finally {
      if (this.checkpointing === p) this.checkpointing = null;
    }
  }

  private armCheckpoint(): void {
    if (this.checkpointTimer || this.o.checkpointQuietMs <= 0) return;
    this.checkpointTimer = setTimeout(this.onCheckpointTimer, this.o.checkpointQuietMs);
    this.checkpointTimer.unref();
  }

  private readonly onCheckpointTimer = (): void => {
    this.checkpointTimer = null;
    if (this.destroyed || this.failed || this.editsSinceVersion === 0) return;
    const quietFor = this.o.now() - this.lastEditAt;
    if (quietFor < this.o.checkpointQuietMs) {
      this.checkpointTimer = setTimeout(this.onCheckpointTimer, this.o.checkpointQuietMs - quietFor);
      this.checkpointTimer.unref();
      return;
    }
    this.checkpoint('auto').catch((error: unknown) => this.o.emit({ type: 'checkpoint-failed', projectId: this.projectId, error }));
  };

  /** Flushes, checkpoints unsaved edits, compacts, and releases the doc. Connections must be gone or are closed. */
  async close(code: CloseCodeName = 'GOING_AWAY'): Promise<void> {
    if (this.destroyed) return;
    for (const c of [...this.conns.values()]) this.closeConn(c, code, CLOSE_CODES[code].reason);
    if (!this.failed) {
      try {
        await this.whenDurable();
        if (this.editsSinceVersion > 0) await this.checkpoint('auto');
        await this.compact();
      } catch (error) {
        this.o.emit({ type: 'checkpoint-failed', projectId: this.projectId, error });
      }
    }
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    if (this.coolTimer) clearTimeout(this.coolTimer);
    if (this.releaseTimer) clearTimeout(this.releaseTimer);
    this.validator?.destroy();
    this.hot?.off('update', this.onDocUpdate);
    this.hot?.destroy();
    this.hot = null;
    this.presenceDoc.destroy();
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private send(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    try {
      conn.socket.send(data);
    } catch {
      this.closeConn(conn, 'INTERNAL', 'send failed');
    }
  }

  private sendReadOnlyNotice(conn: Connection): void {
    if (conn.readOnlyNoticeSent) return;
    conn.readOnlyNoticeSent = true;
    this.send(conn, noticeMessage('read-only', 'viewers cannot edit this document; changes are not saved'));
  }

  private closeConn(conn: Connection, code: CloseCodeName, detail: string): void {
    if (conn.closed) return;
    const { code: num, reason } = CLOSE_CODES[code];
    this.o.emit({ type: 'closed-connection', projectId: this.projectId, userId: conn.user.id, code: num, reason: detail });
    try {
      // close reasons are limited to 123 bytes
      conn.socket.close(num, `${reason}: ${detail}`.slice(0, 120));
    } catch {
      /* already gone */
    }
    this.leave(conn.socket);
  }
}

function isConnection(origin: unknown, conns: Map<CollabSocket, Connection>): origin is Connection {
  return typeof origin === 'object' && origin !== null && 'socket' in origin && conns.get((origin as Connection).socket) === origin;
}

const EMPTY_UPDATE = new Uint8Array([0, 0]);
const RELEASE_SCRATCH_MS = 5_000;

/** An update with no structs and an empty delete set (what a client sends when it has nothing new). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** Pure: snapshot + updates → one compact state (garbage-collected). */
export function mergeUpdates(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export class RoomClosedError extends Error {
  override name = 'RoomClosedError';
  constructor(projectId: string) {
    super(`collaboration room ${projectId} is closed`);
  }
}
