/**
 * Starts the real stack the way a user does (`npm start` = scripts/start.ts) on free ports with its own data folder,
 * and a throwaway database when DATABASE_URL names a server. Tests read STRATA_WEB_URL and STRATA_API_URL.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForUrl(url: string, deadlineMs: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const why = exited();
    if (why) throw new Error(`npm start exited before ${url} answered: ${why}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A fresh database on the server DATABASE_URL names, dropped at teardown. */
async function throwawayDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `strata_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const [apiPort, webPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'strata-e2e-'));
  chmodSync(dataDir, 0o755); // embedded Postgres runs as the `postgres` user when we are root
  const database = process.env.DATABASE_URL ? await throwawayDatabase(process.env.DATABASE_URL) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env, API_PORT: String(apiPort), WEB_PORT: String(webPort), STRATA_PG_PORT: String(pgPort),
    STRATA_DATA_DIR: dataDir, STRATA_API_URL: `http://127.0.0.1:${apiPort}`,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  let exit: string | undefined;
  child.once('exit', (code, signal) => { exit = `code ${code} signal ${signal}`; });

  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  process.env.STRATA_WEB_URL = webUrl;
  process.env.STRATA_API_URL = apiUrl;
  const stop = async () => {
    if (!exit) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (!exit) child.kill('SIGKILL');
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForUrl(`${apiUrl}/graphql?query=%7B__typename%7D`, 120_000, () => exit);
    await waitForUrl(webUrl, 120_000, () => exit);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
