/**
 * `npm test`: every unit, integration and browser test in the repo, then one line `N passed, N failed`.
 * Vitest runs unit and integration tests (its global setup provides a throwaway Postgres database);
 * Playwright runs the browser tests under test/e2e against the started app. Extra arguments go to vitest only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(process.cwd(), '.data', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');
for (const file of [vitestJson, playwrightJson]) rmSync(file, { force: true });

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

interface Counts { passed: number; failed: number; skipped: number }

function vitestCounts(): Counts | undefined {
  if (!existsSync(vitestJson)) return undefined;
  const report = JSON.parse(readFileSync(vitestJson, 'utf8')) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A suite that fails to load (syntax error, failing beforeAll) has no tests: count it as a failure.
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numFailedTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(): Counts | undefined {
  if (!existsSync(playwrightJson)) return undefined;
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

const vitestArgs = process.argv.slice(2);
const browserTests = vitestArgs.length === 0; // `npm test -- <filter>` runs only the matching vitest files

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`, ...vitestArgs]);
const runs: Array<[string, Counts | undefined, number]> = [['vitest', vitestCounts(), vitestStatus]];
if (browserTests) {
  const status = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  runs.push(['playwright', playwrightCounts(), status]);
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts, status] of runs) {
  if (!counts) {
    console.error(`${name} produced no report (exit ${status}); counting it as one failure`);
    totals.failed += 1;
    continue;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed || (status === 0 ? 0 : 1); // a runner error outside any test still fails
  totals.skipped += counts.skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
