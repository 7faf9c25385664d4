import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { decodeMessage, encodeMessage, type CollabMessage } from '../protocol.js';
import type { CollabSocket } from '../types.js';

/**
 * A client without network for room tests: a Y.Doc plus a CollabSocket whose sends land in `inbox` and are applied
 * to the doc like y-websocket's provider does. `deliver` pushes the client's own messages into the room.
 */
export class FakeClient implements CollabSocket {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly received: CollabMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  acked = 0;
  notices: string[] = [];
  private outbox: Uint8Array[] = [];

  constructor(private readonly sink: (socket: CollabSocket, data: Uint8Array) => void) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.push({ type: 'sync-update', update });
    });
  }

  send(data: Uint8Array): void {
    const m = decodeMessage(data);
    if (!m.ok) throw new Error(`server sent a malformed message: ${m.error}`);
    this.received.push(m.value);
    const msg = m.value;
    switch (msg.type) {
      case 'sync-step1':
        this.push({ type: 'sync-step2', update: Y.encodeStateAsUpdate(this.doc, msg.stateVector) });
        break;
      case 'sync-step2':
      case 'sync-update':
        Y.applyUpdate(this.doc, msg.update, this);
        break;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, msg.update, this);
        break;
      case 'ack':
        this.acked = msg.count;
        break;
      case 'auth':
        this.notices.push(msg.reason);
        break;
      case 'query-awareness':
        break;
    }
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  /** The opening handshake y-websocket sends. */
  hello(): void {
    this.push({ type: 'sync-step1', stateVector: Y.encodeStateVector(this.doc) });
  }

  push(m: CollabMessage): void {
    this.outbox.push(encodeMessage(m));
    if (this.online) this.flush();
  }

  raw(data: Uint8Array): void {
    this.sink(this, data);
  }

  online = true;

  flush(): void {
    for (const d of this.outbox.splice(0)) if (!this.closed) this.sink(this, d);
  }
}
