import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, type CloseCodeName } from './closeCodes.js';
import { CollabService, type CollabServiceOptions } from './CollabService.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { CollabSocket, CollabUser } from './types.js';

export const COLLAB_PATH_PREFIX = '/collab/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** close a connection that has this much unsent data queued (it is not reading) */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface AttachCollabDeps extends CollabServiceOptions {
  /** the API's own request authentication (session cookie or bearer token); null = anonymous */
  authenticate: (req: IncomingMessage) => Promise<CollabUser | null>;
}

export interface CollabHandle {
  service: CollabService;
  close(): Promise<void>;
}

/**
 * Binds the collaboration service to an HTTP server: handles `upgrade` requests for `/collab/<projectId>` only
 * (other paths are left to other listeners, e.g. graphql-ws, which must also use `noServer`).
 * The websocket handshake always completes so that browsers see the close code (4401, 4403, …): they cannot read
 * the HTTP status of a refused upgrade.
 */
export function attachCollab(server: Server, deps: AttachCollabDeps): CollabHandle {
  const service = new CollabService(deps);
  const maxMessageBytes = deps.limits?.maxMessageBytes ?? DEFAULT_LIMITS.maxMessageBytes;
  // ws itself drops frames above maxPayload with 1009; up to that, the room answers with our 4413
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes * 4, perMessageDeflate: false });
  const sockets = new Set<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(COLLAB_PATH_PREFIX)) return;
    const projectId = url.pathname.slice(COLLAB_PATH_PREFIX.length);
    const ack = url.searchParams.get('ack') === '1';
    deps.authenticate(req).then(
      (user) => wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, user, projectId, ack)),
      () => wss.handleUpgrade(req, socket, head, (ws) => closeWith(ws, 'INTERNAL')),
    );
  };

  const onConnection = (ws: WebSocket, user: CollabUser | null, projectId: string, ack: boolean): void => {
    if (!user) return closeWith(ws, 'UNAUTHORIZED');
    if (!UUID.test(projectId)) return closeWith(ws, 'NOT_FOUND');
    sockets.add(ws);
    ws.binaryType = 'nodebuffer';
    const socket: CollabSocket = {
      send: (data) => {
        if (ws.readyState !== ws.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
          handle.closed();
          closeWith(ws, 'SLOW_CONSUMER');
          return;
        }
        ws.send(data);
      },
      close: (code, reason) => {
        if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
      },
    };
    const handle = service.connect(socket, user, projectId.toLowerCase(), { ack });
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !Buffer.isBuffer(data)) {
        handle.closed();
        return closeWith(ws, 'MALFORMED', 'binary frames only');
      }
      handle.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    ws.on('close', () => {
      sockets.delete(ws);
      handle.closed();
    });
    ws.on('error', () => ws.terminate());
  };

  server.on('upgrade', onUpgrade);
  return {
    service,
    async close() {
      server.off('upgrade', onUpgrade);
      await service.close();
      for (const ws of sockets) closeWith(ws, 'GOING_AWAY');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function closeWith(ws: WebSocket, name: CloseCodeName, detail?: string): void {
  const c = CLOSE_CODES[name];
  if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(c.code, detail ? `${c.reason}: ${detail}` : c.reason);
}
