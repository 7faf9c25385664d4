import { runPrismaCapture } from './runPrisma.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies prisma/migrations to the database (prisma migrate deploy, offline). */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const { code, output } = await runPrismaCapture(['migrate', 'deploy'], databaseUrl, { quiet: true });
  if (code !== 0) throw new MigrationError(`prisma migrate deploy failed (exit ${code}):\n${output}`);
}
