import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { rowsFromTree } from '../../services/versionTree.js';
import type { CollabStorage, CompactResult, LogEntry, SavedVersion, StoredDoc, VersionInput } from './CollabStorage.js';

/**
 * The update log, snapshot and versions in PostgreSQL (tables from prisma/schema.prisma), written with plain SQL
 * through `pg`: the log append is one multi-row INSERT per batch (group commit) and seq allocation must be exact,
 * which the ORM cannot express in one round trip. Queries name the Prisma tables; a schema change there must be
 * mirrored here (covered by PostgresCollabStorage.integration.test.ts).
 */
export class PostgresCollabStorage implements CollabStorage {
  constructor(private readonly pool: pg.Pool) {}

  static fromUrl(url: string, max = 10): { storage: PostgresCollabStorage; close: () => Promise<void> } {
    // a hung database must fail the append (the room then closes its connections with 4500) rather than queue forever
    const pool = new pg.Pool({ connectionString: url, max, query_timeout: 15_000, connectionTimeoutMillis: 10_000 });
    pool.on('error', () => undefined);
    return { storage: new PostgresCollabStorage(pool), close: () => pool.end() };
  }

  async load(projectId: string): Promise<StoredDoc | null> {
    // One statement = one consistent snapshot, so a concurrent compaction cannot fall between the reads.
    // The base state is the compacted snapshot; a project that never had live edits starts from its latest version
    // (e.g. the first version written when an image was uploaded).
    const r = await this.pool.query<{ width: number; height: number; base: Buffer | null; base_seq: string | null; updates: Buffer[]; max_seq: string | null }>(
      `WITH s AS (SELECT "state", "upToSeq" FROM "DocSnapshot" WHERE "projectId" = $1),
            v AS (SELECT "state", "upToSeq" FROM "Version" WHERE "projectId" = $1 AND length("state") > 0
                   ORDER BY "upToSeq" DESC, "createdAt" DESC LIMIT 1),
            b AS (SELECT "state", "upToSeq" FROM s UNION ALL SELECT "state", "upToSeq" FROM v WHERE NOT EXISTS (SELECT 1 FROM s))
       SELECT p."width", p."height",
              (SELECT "state" FROM b) AS base,
              (SELECT "upToSeq" FROM b) AS base_seq,
              (SELECT coalesce(array_agg(u."update" ORDER BY u."seq"), '{}') FROM "DocUpdate" u
                WHERE u."projectId" = $1 AND u."seq" > coalesce((SELECT "upToSeq" FROM s), 0)) AS updates,
              (SELECT max(u."seq") FROM "DocUpdate" u WHERE u."projectId" = $1) AS max_seq
         FROM "Project" p WHERE p."id" = $1`,
      [projectId],
    );
    const row = r.rows[0];
    if (!row) return null;
    return {
      snapshot: row.base ? bytes(row.base) : null,
      updates: row.updates.map(bytes),
      lastSeq: Math.max(Number(row.base_seq ?? 0), Number(row.max_seq ?? 0)),
      width: row.width,
      height: row.height,
    };
  }

  async append(projectId: string, entries: readonly LogEntry[]): Promise<number> {
    if (entries.length === 0) throw new RangeError('append of nothing');
    const updates = entries.map((e) => Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength));
    const users = entries.map((e) => e.userId);
    // seq = max(log, snapshot) + position; a concurrent writer (another API process) can collide on the primary
    // key: then retry with the new maximum
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.pool.query<{ seq: string }>(
          `INSERT INTO "DocUpdate" ("projectId", "seq", "update", "userId")
           SELECT $1, base.s + u.ord, u.upd, u.uid
             FROM (SELECT greatest(
                     (SELECT coalesce(max("seq"), 0) FROM "DocUpdate" WHERE "projectId" = $1),
                     (SELECT coalesce(max("upToSeq"), 0) FROM "DocSnapshot" WHERE "projectId" = $1)) AS s) base,
                  unnest($2::bytea[], $3::uuid[]) WITH ORDINALITY AS u(upd, uid, ord)
           RETURNING "seq"`,
          [projectId, updates, users],
        );
        return Math.max(...r.rows.map((x) => Number(x.seq)));
      } catch (e) {
        if (isUniqueViolation(e) && attempt < 20) continue;
        throw e;
      }
    }
  }

  async compact(projectId: string, merge: (s: Uint8Array | null, u: Uint8Array[]) => Uint8Array): Promise<CompactResult> {
    const read = await this.pool.query<{ state: Buffer | null; version: number | null; seqs: string[]; updates: Buffer[] }>(
      `WITH s AS (SELECT "state", "upToSeq", "version" FROM "DocSnapshot" WHERE "projectId" = $1),
            v AS (SELECT "state" FROM "Version" WHERE "projectId" = $1 AND length("state") > 0
                   ORDER BY "upToSeq" DESC, "createdAt" DESC LIMIT 1)
       SELECT coalesce((SELECT "state" FROM s), (SELECT "state" FROM v)) AS state,
              (SELECT "version" FROM s) AS version,
              coalesce(array_agg(u."seq" ORDER BY u."seq"), '{}') AS seqs,
              coalesce(array_agg(u."update" ORDER BY u."seq"), '{}') AS updates
         FROM "DocUpdate" u WHERE u."projectId" = $1 AND u."seq" > coalesce((SELECT "upToSeq" FROM s), 0)`,
      [projectId],
    );
    const row = read.rows[0]!;
    if (row.updates.length === 0) return { written: false, reason: 'nothing-to-do' };
    const upToSeq = Number(row.seqs[row.seqs.length - 1]);
    const state = Buffer.from(merge(row.state ? bytes(row.state) : null, row.updates.map(bytes)));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const w =
        row.version === null
          ? await client.query(
              `INSERT INTO "DocSnapshot" ("projectId", "state", "upToSeq", "version") VALUES ($1, $2, $3, 1)
               ON CONFLICT ("projectId") DO NOTHING`,
              [projectId, state, upToSeq],
            )
          : await client.query(
              `UPDATE "DocSnapshot" SET "state" = $2, "upToSeq" = $3, "version" = "version" + 1, "updatedAt" = now()
                WHERE "projectId" = $1 AND "version" = $4`,
              [projectId, state, upToSeq, row.version],
            );
      if (w.rowCount !== 1) {
        await client.query('ROLLBACK');
        return { written: false, reason: 'stale' };
      }
      // keep the log after the latest version: version authors are read from it
      await client.query(
        `DELETE FROM "DocUpdate" WHERE "projectId" = $1
            AND "seq" <= least($2::bigint, (SELECT coalesce(max("upToSeq"), 0) FROM "Version" WHERE "projectId" = $1))`,
        [projectId, upToSeq],
      );
      await client.query('COMMIT');
      return { written: true, upToSeq, updatesFolded: row.updates.length };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async saveVersion(projectId: string, input: VersionInput): Promise<SavedVersion> {
    const id = randomUUID();
    const rows = rowsFromTree(input.tree);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const created = await client.query<{ createdAt: Date }>(
        `INSERT INTO "Version" ("id", "projectId", "name", "description", "reason", "state", "upToSeq", "width", "height")
         VALUES ($1, $2, $3, $4, $5::"VersionReason", $6, $7, $8, $9) RETURNING "createdAt"`,
        [id, projectId, input.name, input.description, input.reason, Buffer.from(input.state), input.upToSeq, input.tree.width, input.tree.height],
      );
      const authors = await client.query<{ userId: string }>(
        `INSERT INTO "VersionAuthor" ("versionId", "userId")
         SELECT $1, a.uid FROM (
           SELECT DISTINCT u."userId" AS uid FROM "DocUpdate" u
            WHERE u."projectId" = $2 AND u."userId" IS NOT NULL AND u."seq" <= $3
              AND u."seq" > (SELECT coalesce(max(v."upToSeq"), 0) FROM "Version" v WHERE v."projectId" = $2 AND v."id" <> $1)
           UNION SELECT unnest($4::uuid[])) a
         WHERE a.uid IS NOT NULL
         RETURNING "userId"`,
        [id, projectId, input.upToSeq, input.extraAuthors ?? []],
      );
      if (rows.length > 0) {
        await client.query(
          `INSERT INTO "VersionNode" ("versionId", "nodeId", "parentId", "order", "type", "kind", "name", "visible", "locked",
                                      "opacity", "blendMode", "x", "y", "width", "height", "blobSha", "props")
           SELECT $1, r."nodeId", r."parentId", r."order", r."type", r."kind", r."name", r."visible", r."locked",
                  r."opacity", r."blendMode", r."x", r."y", r."width", r."height", b."sha256",
                  CASE WHEN r."blobSha" IS NOT NULL AND b."sha256" IS NULL THEN r."props" || jsonb_build_object('blob', r."blobSha")
                       ELSE r."props" END
             FROM jsonb_to_recordset($2::jsonb) AS r("nodeId" text, "parentId" text, "order" text, "type" text, "kind" text,
                  "name" text, "visible" boolean, "locked" boolean, "opacity" float8, "blendMode" text, "x" float8, "y" float8,
                  "width" int, "height" int, "blobSha" text, "props" jsonb)
             LEFT JOIN "Blob" b ON b."sha256" = r."blobSha"`,
          [id, JSON.stringify(rows)],
        );
      }
      await client.query('COMMIT');
      return { id, authors: authors.rows.map((a) => a.userId).sort(), createdAt: created.rows[0]!.createdAt };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}

function bytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
