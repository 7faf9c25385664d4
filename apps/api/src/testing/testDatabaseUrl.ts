export class NoTestDatabaseError extends Error {
  override name = 'NoTestDatabaseError';
}

/** The per-run test database created by globalSetup.ts. */
export function testDatabaseUrl(): string {
  const url = process.env.STRATA_TEST_DATABASE_URL;
  if (!url) throw new NoTestDatabaseError('STRATA_TEST_DATABASE_URL is unset: run tests through the root vitest config');
  return url;
}
