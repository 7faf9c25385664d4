/**
 * Runs the Prisma CLI offline: `npm run prisma -- <args>` (e.g. `migrate deploy`, `generate`).
 * Sets the environment from prisma/offline.ts; when DATABASE_URL is unset, commands that need a database get the
 * embedded one under .data/postgres (started for the command and stopped after).
 */
import { runPrisma } from '../apps/api/src/db/runPrisma.js';
import { needsDatabase, withDatabaseUrl } from '../apps/api/src/db/withDatabaseUrl.js';

const args = process.argv.slice(2);
const code = needsDatabase(args) ? await withDatabaseUrl((url) => runPrisma(args, url)) : await runPrisma(args);
process.exit(code);
