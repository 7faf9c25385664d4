import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages,test,bench}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', '**/.next/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
