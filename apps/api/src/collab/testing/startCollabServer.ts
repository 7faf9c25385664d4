import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { attachCollab, type CollabHandle } from '../attachCollab.js';
import { RedisCollabBus } from '../bus/RedisCollabBus.js';
import { strataDocumentModel } from '../documentModel.js';
import type { CollabLimits } from '../limits.js';
import { PostgresCollabStorage } from '../storage/PostgresCollabStorage.js';
import type { CollabEvent } from '../types.js';
import { SignInLimiter } from '../../auth/SignInLimiter.js';
import { createDb } from '../../models/db.js';
import { AuthService } from '../../services/AuthService.js';
import { apiAuthenticate, apiGetRole } from '../apiAuth.js';

export interface CollabServerOptions {
  databaseUrl: string;
  redisUrl?: string | undefined;
  port?: number;
  limits?: Partial<CollabLimits>;
  checkpointQuietMs?: number;
  idleCloseMs?: number;
  onEvent?: (e: CollabEvent) => void;
}

export interface RunningCollabServer {
  port: number;
  url: string;
  collab: CollabHandle;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * An HTTP server with only the collaboration endpoint (no GraphQL), for websocket tests, the crash and scale-out
 * processes and the benchmark (binds port 0). Authentication and roles use the API's own AuthService and models.
 */
export async function startCollabServer(o: CollabServerOptions): Promise<RunningCollabServer> {
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 10, query_timeout: 15_000, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  const db = createDb(o.databaseUrl, { max: 4 });
  const auth = new AuthService(db, { email: new SignInLimiter(), ip: new SignInLimiter() });
  const bus = o.redisUrl ? new RedisCollabBus(o.redisUrl) : undefined;
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const collab = attachCollab(server, {
    authenticate: apiAuthenticate(auth),
    getRole: apiGetRole(db),
    storage: new PostgresCollabStorage(pool),
    document: strataDocumentModel,
    ...(bus ? { bus } : {}),
    ...(o.limits ? { limits: o.limits } : {}),
    ...(o.checkpointQuietMs !== undefined ? { checkpointQuietMs: o.checkpointQuietMs } : {}),
    ...(o.idleCloseMs !== undefined ? { idleCloseMs: o.idleCloseMs } : {}),
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    collab,
    pool,
    async close() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bus?.close();
      await pool.end();
      await db.$disconnect();
    },
  };
}
