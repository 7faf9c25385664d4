import { openDatabase } from './openDatabase.js';

/** Prisma CLI commands that talk to a database. */
export function needsDatabase(args: readonly string[]): boolean {
  const [cmd] = args;
  if (cmd === 'db' || cmd === 'studio') return true;
  if (cmd !== 'migrate') return false;
  if (args[1] !== 'diff') return true;
  return args.some((a) => a.startsWith('--from-migrations') || a.startsWith('--to-migrations') ||
    a.includes('config-datasource'));
}

/** Runs fn with $DATABASE_URL, or with the embedded database under .data (started for fn, unmigrated). */
export async function withDatabaseUrl<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const given = process.env.DATABASE_URL;
  if (given) return fn(given);
  const db = await openDatabase({ dataDir: process.env.STRATA_DATA_DIR ?? '.data', migrate: false,
    embeddedPort: Number(process.env.STRATA_PG_PORT ?? 54329) });
  try {
    return await fn(db.url);
  } finally {
    await db.close();
  }
}
