import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultMatter } from '../decompose.js';
import { BlobDir } from './BlobDir.js';
import { PgJobQueue } from './PgJobQueue.js';
import { Worker } from './Worker.js';

/**
 * `npm run worker -w apps/inference`: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * STRATA_BLOB_DIR or STRATA_DATA_DIR/blobs (relative paths and the default .data/blobs are taken from the repository
 * root, like the API started by `npm start`).
 */
// the repository root (where the API keeps .data), whatever directory the worker was started from
const root = fileURLToPath(new URL('../../../../', import.meta.url));
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
