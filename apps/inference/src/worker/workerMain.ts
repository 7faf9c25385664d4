import { hostname } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultMatter } from '../decompose.js';
import { BlobDir } from './BlobDir.js';
import { PgJobQueue } from './PgJobQueue.js';
import { Worker } from './Worker.js';

/**
 * `npm run worker -w apps/inference`: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * STRATA_BLOB_DIR or STRATA_DATA_DIR/blobs (default .data/blobs at the repository root, like the API).
 */
const root = process.env.INIT_CWD ?? process.cwd();
const blobRoot = process.env.STRATA_BLOB_DIR ?? path.join(process.env.STRATA_DATA_DIR ?? path.join(root, '.data'), 'blobs');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', max: 2 });
const workerId = `${hostname()}:${process.pid}`;
const worker = new Worker({
  queue: new PgJobQueue(pool),
  blobs: new BlobDir(path.resolve(root, blobRoot)),
  workerId,
  log: (line) => process.stdout.write(`[worker ${workerId}] ${line}\n`),
});
const shutdown = (): void => worker.stop();
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await defaultMatter().warm();
process.stdout.write(`[worker ${workerId}] ready; blobs in ${blobRoot}\n`);
await worker.run();
await pool.end();
