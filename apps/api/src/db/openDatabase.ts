import path from 'node:path';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { createDatabaseIfMissing, databaseUrlFor } from './databases.js';
import { migrateDatabase } from './migrateDatabase.js';

export interface OpenDatabaseOptions {
  /** use this server/database; when unset, embedded PostgreSQL under `<dataDir>/postgres` */
  databaseUrl?: string | undefined;
  /** default `.data` */
  dataDir?: string;
  /** embedded server port (default 54329; 0 = any free port) */
  embeddedPort?: number;
  /** apply prisma/migrations (default true) */
  migrate?: boolean;
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'strata';

/** The database `npm start` and the bench use: the given one, or embedded PostgreSQL; migrated. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  let url = options.databaseUrl;
  let close = async (): Promise<void> => {};
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(options.dataDir ?? '.data', 'postgres'),
      port: options.embeddedPort ?? 54329,
    });
    try {
      await createDatabaseIfMissing(server.adminUrl, EMBEDDED_DATABASE);
    } catch (e) {
      await server.stop();
      throw e;
    }
    url = databaseUrlFor(server.adminUrl, EMBEDDED_DATABASE);
    close = server.stop;
  }
  if (options.migrate ?? true) {
    try {
      await migrateDatabase(url);
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { url, embedded: !options.databaseUrl, close };
}
