import { existsSync } from 'node:fs';
import path from 'node:path';
import { databaseUrlFor } from '../db/databases.js';
import { EMBEDDED_DATABASE, openDatabase, type OpenDatabase } from '../db/openDatabase.js';

/**
 * The database for command-line tools: DATABASE_URL; else the embedded PostgreSQL of `npm start` (already running:
 * its postmaster.pid exists, so connect to its port; otherwise start it for the command and stop it afterwards).
 */
export async function openCliDatabase(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, close: async () => {} };
  const port = Number(env.STRATA_PG_PORT || 54329);
  if (existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))) {
    return { url: databaseUrlFor(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`, EMBEDDED_DATABASE), embedded: true,
      close: async () => {} };
  }
  if (!existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))) {
    throw new Error(`no database: set DATABASE_URL or run \`npm start\` once (nothing in ${path.join(dataDir, 'postgres')})`);
  }
  return openDatabase({ dataDir, embeddedPort: port, migrate: false });
}
