/**
 * Vitest globalSetup (registered in the root vitest.config.ts): one throwaway, migrated database per test run,
 * exposed to tests as process.env.STRATA_TEST_DATABASE_URL and `inject('databaseUrl')`.
 * With DATABASE_URL set: `strata_test_<random>` on that server, dropped at the end. Without: an embedded
 * PostgreSQL in a temporary folder. Skipped when every file filter on the command line is under packages/.
 */
import type { TestProject } from 'vitest/node';
import { createThrowawayDatabase } from '../db/createThrowawayDatabase.js';
import { ensurePrismaClient } from '../db/ensurePrismaClient.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function onlyPurePackages(argv: readonly string[]): boolean {
  const filters = argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'watch');
  return filters.length > 0 && filters.every((f) => f.replace(/^\.\//, '').startsWith('packages/'));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensurePrismaClient();
  if (onlyPurePackages(process.argv) || process.env.STRATA_TEST_DATABASE_URL) {
    return async () => {};
  }
  const db = await createThrowawayDatabase(process.env.DATABASE_URL || undefined);
  process.env.STRATA_TEST_DATABASE_URL = db.url;
  project.provide('databaseUrl', db.url);
  return () => db.drop();
}
