import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages,test,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', '**/.next/**'],
    // one throwaway migrated database per run (apps/api/src/testing/globalSetup.ts)
    globalSetup: ['apps/api/src/testing/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
