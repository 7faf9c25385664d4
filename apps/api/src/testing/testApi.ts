import { afterAll, beforeAll } from 'vitest';
import { collabExtension, liveDocumentReader } from '../collab/collabExtension.js';
import { MemoryBlobStore } from '../blobs/MemoryBlobStore.js';
import { createDb, type Db } from '../models/db.js';
import { startApiServer, type RunningApiServer, type StartApiServerOptions } from '../server/startApiServer.js';
import { testDatabaseUrl } from './testDatabaseUrl.js';

export interface TestApi {
  server: RunningApiServer;
  db: Db;
  url: string;
}

/** Starts the API on port 0 against the run's test database for the current test file (teardown registered). */
export function useTestApi(options: Partial<StartApiServerOptions> = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    api.db = createDb(testDatabaseUrl(), { max: 4 });
    api.server = await startApiServer({ databaseUrl: testDatabaseUrl(), blobStore: new MemoryBlobStore(), port: 0,
      dbPoolSize: 4, log: () => {}, ...options });
    api.url = api.server.url;
  });
  afterAll(async () => {
    await api.server?.close();
    await api.db?.$disconnect();
  });
  return api;
}

/**
 * The API with the collaboration websocket (as `npm start` runs it: collab service in `services.collab`, live
 * document reader), no automatic checkpoints; teardown registered.
 */
export function useCollabTestApi(options: Partial<StartApiServerOptions> = {}): TestApi & { collab: ReturnType<typeof collabExtension> } {
  const collab = collabExtension({ databaseUrl: testDatabaseUrl(), checkpointQuietMs: 0 });
  const api = { collab } as TestApi & { collab: typeof collab };
  beforeAll(async () => {
    api.db = createDb(testDatabaseUrl(), { max: 4 });
    api.server = await startApiServer({ databaseUrl: testDatabaseUrl(), blobStore: new MemoryBlobStore(), port: 0,
      dbPoolSize: 4, log: () => {}, collab: collab.service, configure: collab.configure,
      documentReader: (fallback) => liveDocumentReader(collab.service, fallback), ...options });
    api.url = api.server.url;
  });
  afterAll(async () => {
    await collab.close();
    await api.server?.close();
    await api.db?.$disconnect();
  });
  return api;
}
