import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { createDatabaseIfMissing, databaseUrlFor, dropDatabase } from './databases.js';
import { migrateDatabase } from './migrateDatabase.js';

export interface ThrowawayDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test or bench run: `strata_test_<random>` on the server at `serverUrl`
 * (dropped by `drop()`), or, without a server, a throwaway embedded cluster in a temporary folder.
 */
export async function createThrowawayDatabase(serverUrl?: string): Promise<ThrowawayDatabase> {
  const name = `strata_test_${randomBytes(6).toString('hex')}`;
  if (serverUrl) {
    await createDatabaseIfMissing(serverUrl, name);
    const url = databaseUrlFor(serverUrl, name);
    try {
      await migrateDatabase(url);
    } catch (e) {
      await dropDatabase(serverUrl, name);
      throw e;
    }
    return { url, embedded: false, drop: () => dropDatabase(serverUrl, name) };
  }
  const parent = await mkdtemp(path.join(os.tmpdir(), 'strata-pg-'));
  await chmod(parent, 0o755); // the server may run as the `postgres` user
  const server = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data'), port: 0, persistent: false });
  const url = databaseUrlFor(server.adminUrl, name);
  try {
    await createDatabaseIfMissing(server.adminUrl, name);
    await migrateDatabase(url);
  } catch (e) {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
    throw e;
  }
  const drop = async (): Promise<void> => {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  };
  return { url, embedded: true, drop };
}
