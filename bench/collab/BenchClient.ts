import { setProps } from '@strata/document';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeMessage, encodeMessage } from '../../apps/api/src/collab/protocol.js';

/**
 * A lightweight benchmark client: speaks the y-websocket protocol on a raw socket with `?ack=1`. It keeps a Y.Doc
 * with the initial state and its own edits only (it does not apply other clients' updates, so 200 clients fit in
 * one process); each edit renames the client's layer to a marker `~M<client>.<seq>~` that receivers find in the
 * update bytes to measure fan-out latency.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  private ws: WebSocket | null = null;
  private updateMessages = 0;
  private acked = 0;
  private readonly sendTimes = new Map<number, number>();
  private seq = 0;
  synced = false;
  closed: number | null = null;

  constructor(
    readonly index: number,
    private readonly layerId: string,
    private readonly hooks: {
      /** fan-out: an edit of `sender` with `seq` arrived here */
      onMarker: (sender: number, seq: number, receiver: number) => void;
      /** edit-to-durable latency of one of this client's update messages */
      onDurable: (ms: number) => void;
    },
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendUpdate(update);
    });
  }

  connect(url: string, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${url}?ack=1`, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
      ws.binaryType = 'nodebuffer';
      this.ws = ws;
      ws.on('open', () => ws.send(encodeMessage({ type: 'sync-step1', stateVector: Y.encodeStateVector(this.doc) })));
      ws.on('message', (data: Buffer) => {
        // fast path for fan-out traffic: scan for markers without decoding
        if (this.synced && data[0] === 0 && data[1] === 2) return this.scan(data);
        const m = decodeMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (!m.ok) return;
        const msg = m.value;
        if (msg.type === 'sync-step1') {
          this.sendUpdate(Y.encodeStateAsUpdate(this.doc, msg.stateVector), true);
        } else if (msg.type === 'sync-step2') {
          Y.applyUpdate(this.doc, msg.update, this);
          this.synced = true;
          resolve();
        } else if (msg.type === 'ack') {
          const now = performance.now();
          for (let n = this.acked + 1; n <= msg.count; n++) {
            const t = this.sendTimes.get(n);
            if (t !== undefined) {
              this.hooks.onDurable(now - t);
              this.sendTimes.delete(n);
            }
          }
          this.acked = msg.count;
        } else if (msg.type === 'sync-update') {
          this.scan(data);
        }
      });
      ws.on('close', (code) => {
        this.closed = code;
        if (!this.synced) reject(new Error(`closed ${code} before sync`));
      });
      ws.on('error', () => undefined);
    });
  }

  /** One edit: rename this client's layer to a fresh marker. */
  edit(): void {
    const seq = ++this.seq;
    editTimes.set(markerKey(this.index, seq), performance.now());
    setProps(this.doc, this.layerId, { name: `~M${this.index}.${seq}~` });
  }

  /** update messages sent and not yet acknowledged */
  get pendingAcks(): number {
    return this.sendTimes.size;
  }

  close(): void {
    this.ws?.close();
  }

  private sendUpdate(update: Uint8Array, handshake = false): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    const n = ++this.updateMessages;
    if (!handshake) this.sendTimes.set(n, performance.now());
    this.ws.send(encodeMessage({ type: handshake ? 'sync-step2' : 'sync-update', update }));
  }

  private scan(data: Buffer): void {
    let i = data.indexOf('~M', 0, 'latin1');
    while (i !== -1) {
      const end = data.indexOf('~', i + 2, 'latin1');
      if (end === -1) break;
      const [s, q] = data.toString('latin1', i + 2, end).split('.');
      const sender = Number(s);
      if (sender !== this.index) this.hooks.onMarker(sender, Number(q), this.index);
      i = data.indexOf('~M', end + 1, 'latin1');
    }
  }
}

/** send time of every edit, by marker (shared by all clients of the process: one clock) */
export const editTimes = new Map<string, number>();
export const markerKey = (sender: number, seq: number): string => `${sender}.${seq}`;
