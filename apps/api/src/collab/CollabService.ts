import type * as Y from 'yjs';
import { CLOSE_CODES, type CloseCodeName } from './closeCodes.js';
import { CollabRoom, RoomClosedError } from './CollabRoom.js';
import type { CollabBus, BusMessage } from './bus/CollabBus.js';
import { DEFAULT_LIMITS, type CollabLimits } from './limits.js';
import type { CollabStorage, SavedVersion, VersionReason } from './storage/CollabStorage.js';
import type { CollabEvent, CollabSocket, CollabUser, DocumentModel, Role } from './types.js';

export interface CollabServiceOptions {
  storage: CollabStorage;
  document: DocumentModel;
  /** current role of a user in a project, null when not a member */
  getRole: (projectId: string, userId: string) => Promise<Role | null>;
  bus?: CollabBus;
  limits?: Partial<CollabLimits>;
  /** quiet period before an automatic checkpoint (default 30 s; 0 disables the timer) */
  checkpointQuietMs?: number;
  /** keep a room loaded this long after its last connection left (default 5 s) */
  idleCloseMs?: number;
  compactEvery?: number;
  /** drop an open room's Y.Doc after this long without edits, keeping only its encoded state (default 60 s) */
  coolAfterMs?: number;
  now?: () => number;
  onEvent?: (e: CollabEvent) => void;
}

/** A connection handed to the service by the transport adapter; messages before the room is ready are buffered. */
export interface ConnectionHandle {
  receive(data: Uint8Array): void;
  /** the transport closed */
  closed(): void;
}

interface RoomEntry {
  ready: Promise<CollabRoom | null>;
  room: CollabRoom | null;
  idleTimer: NodeJS.Timeout | null;
  unsubscribe: (() => Promise<void>) | null;
  /** in-flight service operations (server changes, versions) keep the room open */
  busy: number;
}

/**
 * The registry of open rooms: opens a room on first use (subscribing to the bus before loading, so nothing published
 * in between is missed), closes it a while after the last connection left, and exposes the server-side API
 * (`applyServerChange`, `createVersion`, `onMembershipChanged`).
 */
export class CollabService {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly limits: CollabLimits;
  private closing = false;
  private readonly emit: (e: CollabEvent) => void;

  constructor(private readonly o: CollabServiceOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...o.limits };
    this.emit = o.onEvent ?? (() => undefined);
  }

  /** Authenticated user opening `/collab/<projectId>`: checks membership, joins the room. */
  connect(socket: CollabSocket, user: CollabUser, projectId: string, opts: { ack: boolean }): ConnectionHandle {
    const buffered: Uint8Array[] = [];
    let room: CollabRoom | null = null;
    let gone = false;
    const refuse = (code: CloseCodeName, detail?: string): void => {
      gone = true;
      const c = CLOSE_CODES[code];
      this.emit({ type: 'closed-connection', projectId, userId: user.id, code: c.code, reason: detail ?? c.reason });
      socket.close(c.code, detail ? `${c.reason}: ${detail}` : c.reason);
    };
    void (async () => {
      if (this.closing) return refuse('GOING_AWAY');
      const role = await this.o.getRole(projectId, user.id);
      if (gone) return;
      if (role === null) return refuse('FORBIDDEN');
      const entry = this.acquire(projectId);
      const r = await entry.ready;
      entry.busy--;
      if (gone) return this.maybeIdle(projectId);
      if (!r) return refuse('NOT_FOUND');
      const joined = r.join(socket, user, role, opts);
      if (!joined.ok) {
        this.maybeIdle(projectId);
        return refuse(joined.code);
      }
      room = r;
      for (const m of buffered.splice(0)) r.receive(socket, m);
    })().catch((e: unknown) => {
      this.emit({ type: 'room-failed', projectId, error: e });
      if (!gone) refuse('INTERNAL');
    });
    return {
      receive: (data) => {
        if (gone) return;
        if (room) return room.receive(socket, data);
        if (buffered.length >= this.limits.rateBurst || data.byteLength > this.limits.maxMessageBytes) return refuse('RATE_LIMITED', 'too many messages before sync');
        buffered.push(data);
      },
      closed: () => {
        gone = true;
        room?.leave(socket);
      },
    };
  }

  /** Call after a membership row changed (role update, removal). Applies to open connections on every process. */
  async onMembershipChanged(projectId: string, userId: string): Promise<void> {
    await this.applyMembership(projectId, userId);
    this.o.bus?.publish(projectId, { type: 'membership', userId });
  }

  private async applyMembership(projectId: string, userId: string): Promise<void> {
    const entry = this.rooms.get(projectId);
    if (!entry) return;
    const role = await this.o.getRole(projectId, userId);
    const room = await entry.ready;
    room?.setRole(userId, role);
  }

  /**
   * Server-side write (decomposition results, restores, imports): runs `fn` inside one transaction with the server
   * origin, so clients' UndoManagers (tracking only local origins) never undo it by accident. Resolves with the log
   * seq once the change is durable and broadcast.
   */
  async applyServerChange(projectId: string, fn: (doc: Y.Doc) => void, opts: { userId?: string | null } = {}): Promise<{ seq: number }> {
    return this.withRoom(projectId, async (room) => ({ seq: await room.applyServerChange(fn, opts.userId ?? null) }));
  }

  /** What the GraphQL `createVersion` resolver calls (after checking the caller may edit the project). */
  async createVersion(
    projectId: string,
    input: { name?: string | null; description?: string | null; reason?: VersionReason; extraAuthors?: string[] },
  ): Promise<SavedVersion> {
    return this.withRoom(projectId, (room) => room.checkpoint(input.reason ?? 'manual', input));
  }

  /** Reads the live document (loading it if needed), e.g. for export of the current state. */
  async readDocument<T>(projectId: string, fn: (doc: Y.Doc, canvas: { width: number; height: number }) => T): Promise<T> {
    return this.withRoom(projectId, async (room) => {
      await room.whenDurable();
      return fn(room.doc, { width: room.width, height: room.height });
    });
  }

  get openRooms(): number {
    return this.rooms.size;
  }

  /** Test/bench hook: the loaded room of a project, if open. */
  roomIfOpen(projectId: string): CollabRoom | null {
    return this.rooms.get(projectId)?.room ?? null;
  }

  async close(): Promise<void> {
    this.closing = true;
    const entries = [...this.rooms.entries()];
    await Promise.all(entries.map(([id]) => this.closeRoom(id)));
  }

  // ---- room lifecycle ---------------------------------------------------------------------------------------

  private async withRoom<T>(projectId: string, fn: (room: CollabRoom) => Promise<T>): Promise<T> {
    if (this.closing) throw new RoomClosedError(projectId);
    const entry = this.acquire(projectId);
    try {
      const room = await entry.ready;
      if (!room) throw new ProjectNotFoundError(projectId);
      return await fn(room);
    } finally {
      entry.busy--;
      this.maybeIdle(projectId);
    }
  }

  private acquire(projectId: string): RoomEntry {
    let entry = this.rooms.get(projectId);
    if (!entry) {
      const e: RoomEntry = { ready: Promise.resolve(null), room: null, idleTimer: null, unsubscribe: null, busy: 0 };
      e.ready = this.open(projectId, e);
      entry = e;
      this.rooms.set(projectId, e);
    }
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    entry.busy++;
    return entry;
  }

  private async open(projectId: string, entry: RoomEntry): Promise<CollabRoom | null> {
    const early: BusMessage[] = [];
    let room: CollabRoom | null = null;
    const onBus = (m: BusMessage): void => {
      if (!room) {
        early.push(m);
        return;
      }
      this.onBusMessage(projectId, room, m);
    };
    try {
      if (this.o.bus) entry.unsubscribe = await this.o.bus.subscribe(projectId, onBus);
      const stored = await this.o.storage.load(projectId);
      if (!stored) {
        this.rooms.delete(projectId);
        await entry.unsubscribe?.();
        return null;
      }
      const bus = this.o.bus;
      room = new CollabRoom(
        {
          projectId, storage: this.o.storage, document: this.o.document, limits: this.limits,
          checkpointQuietMs: this.o.checkpointQuietMs ?? 30_000, compactEvery: this.o.compactEvery ?? 500,
          coolAfterMs: this.o.coolAfterMs ?? 60_000,
          now: this.o.now ?? (() => performance.now()), emit: this.emit,
          ...(bus ? {
            bus: {
              publishUpdate: (update: Uint8Array, seq: number) => bus.publish(projectId, { type: 'update', update, seq }),
              publishAwareness: (update: Uint8Array) => bus.publish(projectId, { type: 'awareness', update }),
            },
          } : {}),
          onIdle: () => this.maybeIdle(projectId),
          onFailed: () => void this.closeRoom(projectId),
        },
        stored,
      );
      for (const m of early.splice(0)) this.onBusMessage(projectId, room, m);
      const initialize = this.o.document.initialize;
      if (initialize && !stored.snapshot && stored.updates.length === 0) {
        // a project created without an image has no document yet: give it its canvas size (durable before use)
        await room.applyServerChange((doc) => initialize(doc, { width: stored.width, height: stored.height }), null);
      }
      entry.room = room;
      this.emit({ type: 'room-opened', projectId });
      return room;
    } catch (e) {
      this.rooms.delete(projectId);
      await entry.unsubscribe?.().catch(() => undefined);
      throw e;
    }
  }

  private onBusMessage(projectId: string, room: CollabRoom, m: BusMessage): void {
    switch (m.type) {
      case 'update':
        return room.applyRemoteUpdate(m.update, m.seq);
      case 'awareness':
        return room.applyRemoteAwareness(m.update);
      case 'membership':
        void this.applyMembership(projectId, m.userId).catch((error: unknown) => this.emit({ type: 'room-failed', projectId, error }));
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  private maybeIdle(projectId: string): void {
    const entry = this.rooms.get(projectId);
    if (!entry || entry.busy > 0 || entry.idleTimer) return;
    const room = entry.room;
    if (!room) return;
    if (room.isFailed) {
      void this.closeRoom(projectId);
      return;
    }
    if (room.connectionCount > 0) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.busy === 0 && room.connectionCount === 0) void this.closeRoom(projectId);
    }, this.o.idleCloseMs ?? 5_000);
    entry.idleTimer.unref();
  }

  private async closeRoom(projectId: string): Promise<void> {
    const entry = this.rooms.get(projectId);
    if (!entry) return;
    this.rooms.delete(projectId);
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    const room = await entry.ready.catch(() => null);
    await room?.close('GOING_AWAY');
    await entry.unsubscribe?.().catch(() => undefined);
    this.emit({ type: 'room-closed', projectId });
  }
}

export class ProjectNotFoundError extends Error {
  override name = 'ProjectNotFoundError';
  constructor(projectId: string) {
    super(`project ${projectId} not found`);
  }
}
