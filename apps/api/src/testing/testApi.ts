import { afterAll, beforeAll } from 'vitest';
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
