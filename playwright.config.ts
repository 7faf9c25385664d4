import { defineConfig } from '@playwright/test';

/**
 * Browser tests run in Debian's Chromium (Playwright's own browser download is unreachable here).
 * test/e2e/globalSetup.ts starts the real stack (Postgres, API, web app) on free ports.
 */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  globalSetup: './test/e2e/globalSetup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    screenshot: 'only-on-failure',
  },
  outputDir: '.data/test-results/playwright',
});
