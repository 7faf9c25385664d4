import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImage } from '../image.js';
import { encodePng } from '../io/encodePng.js';
import { ContrastMatter } from '../objects/ContrastMatter.js';
import { noText } from '../pipeline/textStage.js';
import { paintDisc } from '../testing/testImages.js';
import { BlobDir } from './BlobDir.js';
import type { DecomposeJobResult } from './JobQueue.js';
import { PgJobQueue } from './PgJobQueue.js';
import { Worker } from './Worker.js';

// The throwaway database of this test run (root vitest global setup: embedded Postgres or DATABASE_URL's server).
const url = process.env.STRATA_TEST_DATABASE_URL ?? '';
if (!url) throw new Error('STRATA_TEST_DATABASE_URL is unset: run tests through the root vitest config');
const schema = `inference_worker_${randomUUID().slice(0, 8)}`;
const migration = fileURLToPath(new URL('../../../../prisma/migrations/20261127000000_init/migration.sql', import.meta.url));
let admin: pg.Pool;
let pool: pg.Pool;
let dataDir: string;

/** The tables the worker touches, exactly as the API's migration creates them (foreign keys left out). */
async function createTables(): Promise<void> {
  const sql = await readFile(migration, 'utf8');
  const statements = sql.split(/;\s*\n/).filter((s) => /CREATE (TYPE "JobStatus"|TABLE "(Job|Blob|ProjectBlob)")/.test(s));
  expect(statements).toHaveLength(4);
  for (const s of statements) await pool.query(s);
}

beforeAll(async () => {
  admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA "${schema}"`);
  pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path="${schema}"` });
  await createTables();
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-worker-'));
});

afterAll(async () => {
  await pool?.end();
  await admin?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin?.end();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function enqueue(options: object): Promise<string> {
  const id = randomUUID();
  await pool.query(`INSERT INTO "Job" (id, "projectId", options, "updatedAt") VALUES ($1, $2, $3, now())`, [
    id,
    randomUUID(),
    JSON.stringify(options),
  ]);
  return id;
}

function worker(blobs: BlobDir): Worker {
  return new Worker({ queue: new PgJobQueue(pool), blobs, workerId: 'test-worker', engine: { matter: new ContrastMatter(), detectText: noText } });
}

describe('worker on the Postgres Job table', () => {
  it('claims a job, writes layer PNG blobs in the API layout, records them and completes the job', async () => {
    const blobs = new BlobDir(path.join(dataDir, 'blobs'));
    const img = createImage(64, 48);
    for (let i = 0; i < 64 * 48; i++) img.data.set([245, 245, 240, 255], i * 4);
    paintDisc(img, 30, 24, 12, [200, 20, 20]);
    const input = await blobs.put(await encodePng(img));
    const id = await enqueue({ blob: input, layers: 2 });
    expect(await worker(blobs).tick()).toBe(true);
    const { rows } = await pool.query<{ status: string; progress: number; result: DecomposeJobResult }>(
      `SELECT status, progress, result FROM "Job" WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toMatchObject({ status: 'succeeded', progress: 1 });
    const layers = rows[0]!.result.layers;
    expect(layers.map((l) => l.kind)).toEqual(['background', 'object']);
    for (const l of layers) {
      const file = path.join(dataDir, 'blobs', l.blob.slice(0, 2), l.blob.slice(2, 4), l.blob);
      expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
    }
    const blobRows = await pool.query(`SELECT sha256 FROM "ProjectBlob"`);
    expect(blobRows.rowCount).toBe(2);
    expect(await worker(blobs).tick()).toBe(false);
  });

  it('fails a job with bad input without retrying, and reclaims a job whose lease expired', async () => {
    const blobs = new BlobDir(path.join(dataDir, 'blobs'));
    const bad = await blobs.put(Buffer.from('not an image'));
    const id = await enqueue({ blob: bad });
    await worker(blobs).tick();
    const { rows } = await pool.query(`SELECT status, error FROM "Job" WHERE id = $1`, [id]);
    expect(rows[0]).toMatchObject({ status: 'failed', error: 'input is not a readable image' });

    const stale = await enqueue({ blob: bad });
    await pool.query(`UPDATE "Job" SET status = 'running', "lockedBy" = 'dead', "lockedAt" = now() - interval '1 hour' WHERE id = $1`, [stale]);
    const claimed = await new PgJobQueue(pool).claim('other');
    expect(claimed?.id).toBe(stale);
  });
});
