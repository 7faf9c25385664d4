import type pg from 'pg';
import type { ClaimedJob, DecomposeJobResult, JobQueue } from './JobQueue.js';

/** A running job whose lease (lockedAt, renewed by every progress report) is older than this is claimed again. */
export const LEASE_SECONDS = 300;

/** The Postgres "Job" table (prisma/schema.prisma) as a queue: claims with FOR UPDATE SKIP LOCKED. */
export class PgJobQueue implements JobQueue {
  constructor(private readonly pool: pg.Pool) {}

  async claim(workerId: string): Promise<ClaimedJob | undefined> {
    const { rows } = await this.pool.query<ClaimedJob>(
      `UPDATE "Job" SET status = 'running', "lockedBy" = $1, "lockedAt" = now(), attempts = attempts + 1,
              "updatedAt" = now(), progress = 0, "progressMessage" = 'claimed'
        WHERE id = (
          SELECT id FROM "Job"
           WHERE kind = 'decompose'
             AND ((status = 'queued' AND "runAfter" <= now())
               OR (status = 'running' AND "lockedAt" < now() - make_interval(secs => $2)))
           ORDER BY "runAfter", "createdAt"
           FOR UPDATE SKIP LOCKED
           LIMIT 1)
        RETURNING id, "projectId", "nodeId", options, attempts, "maxAttempts"`,
      [workerId, LEASE_SECONDS],
    );
    return rows[0];
  }

  async progress(id: string, workerId: string, fraction: number, message: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE "Job" SET progress = $3, "progressMessage" = $4, "lockedAt" = now(), "updatedAt" = now()
        WHERE id = $1 AND "lockedBy" = $2 AND status = 'running'`,
      [id, workerId, fraction, message],
    );
    return (rowCount ?? 0) > 0;
  }

  async complete(
    id: string,
    workerId: string,
    result: DecomposeJobResult,
    blobs: { sha256: string; bytes: number; width: number; height: number }[],
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ projectId: string }>(
        `UPDATE "Job" SET status = 'succeeded', progress = 1, "progressMessage" = 'done', result = $3,
                "finishedAt" = now(), "updatedAt" = now(), "lockedBy" = NULL, "lockedAt" = NULL
          WHERE id = $1 AND "lockedBy" = $2 AND status = 'running'
          RETURNING "projectId"`,
        [id, workerId, JSON.stringify(result)],
      );
      const projectId = rows[0]?.projectId;
      if (projectId) {
        for (const b of blobs) {
          await client.query(
            `INSERT INTO "Blob" (sha256, bytes, width, height, "mediaType") VALUES ($1, $2, $3, $4, 'image/png')
             ON CONFLICT (sha256) DO NOTHING`,
            [b.sha256, b.bytes, b.width, b.height],
          );
          await client.query(
            `INSERT INTO "ProjectBlob" ("projectId", sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [projectId, b.sha256],
          );
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async fail(id: string, workerId: string, message: string, retryable: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE "Job" SET
          status = CASE WHEN $4 AND attempts < "maxAttempts" THEN 'queued'::"JobStatus" ELSE 'failed'::"JobStatus" END,
          "runAfter" = now() + make_interval(secs => 5 * attempts * attempts),
          error = $3, "updatedAt" = now(), "lockedBy" = NULL, "lockedAt" = NULL,
          "finishedAt" = CASE WHEN $4 AND attempts < "maxAttempts" THEN NULL ELSE now() END
        WHERE id = $1 AND "lockedBy" = $2 AND status = 'running'`,
      [id, workerId, message, retryable],
    );
  }
}
