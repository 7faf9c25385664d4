import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../protocol.js';

export interface Credentials {
  token?: string;
  cookie?: string;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** document-update messages acknowledged as durable by the server */
  acked(): number;
  /** document-update messages sent on this connection (the step2 reply to the server's step1 not included) */
  sent(): number;
  /** every local edit sent on this connection is durable (acks count the step2 reply too) */
  allAcked(): boolean;
  notices: string[];
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A stock y-websocket provider (Node `ws` with auth headers) that also counts the server's acks. */
export function connectClient(baseUrl: string, projectId: string, creds: Credentials, opts: { connect?: boolean } = {}): TestClient {
  const headers: Record<string, string> = {};
  if (creds.token) headers.authorization = `Bearer ${creds.token}`;
  if (creds.cookie) headers.cookie = `strata_session=${creds.cookie}`;
  class AuthedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl, projectId, doc, {
    WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
    params: { ack: '1' },
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 200,
  });
  let acked = 0;
  let sent = 0;
  const notices: string[] = [];
  const closes: { code: number; reason: string }[] = [];
  provider.messageHandlers[MessageType.ack] = (_e, d) => {
    acked = decoding.readVarUint(d);
  };
  provider.messageHandlers[MessageType.auth] = (_e, d) => {
    decoding.readVarUint(d);
    notices.push(decoding.readVarString(d));
  };
  // every (re)connection restarts the server's per-connection counters
  provider.on('status', ({ status }) => {
    if (status === 'connecting') {
      acked = 0;
      sent = 0;
    }
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  // y-websocket sends a sync update for every local transaction and a step2 in reply to the server's step1
  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin !== provider && provider.wsconnected) sent++;
  });
  return {
    doc, provider, notices, closes,
    acked: () => acked,
    sent: () => sent,
    allAcked: () => provider.synced && acked >= sent + 1,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
