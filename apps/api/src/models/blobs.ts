import type { Blob, Db } from './db.js';

/**
 * Stores the blob row (the first uploader creates it; identical bytes later keep it unchanged) and records that
 * `uploaderId` uploaded it, so every uploader of the same bytes may read and use the blob.
 */
export async function upsertBlob(db: Db, data: { sha256: string; bytes: number; width: number; height: number;
  mediaType: string; uploaderId: string }): Promise<Blob> {
  const [blob] = await db.$transaction([
    db.blob.upsert({ where: { sha256: data.sha256 }, create: data, update: {} }),
    db.blobUpload.createMany({ data: [{ sha256: data.sha256, userId: data.uploaderId }], skipDuplicates: true }),
  ]);
  return blob;
}

export function findBlob(db: Db, sha256: string): Promise<Blob | null> {
  return db.blob.findUnique({ where: { sha256 } });
}

/** May the user read the blob: they uploaded it (first or later: BlobUpload), or a project they belong to uses it? */
export async function canUserReadBlob(db: Db, userId: string, sha256: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM "BlobUpload" bu WHERE bu.sha256 = ${sha256} AND bu."userId" = ${userId}::uuid
    UNION ALL
    SELECT 1 FROM "ProjectBlob" pb JOIN "Membership" m ON m."projectId" = pb."projectId"
      WHERE pb.sha256 = ${sha256} AND m."userId" = ${userId}::uuid
    LIMIT 1`;
  return rows.length > 0;
}

/**
 * Records that the project uses these blobs, so its members may read them (GET /blobs). Versions do this for their
 * nodes; a live edit that references a new blob should do it too. Unknown hashes are ignored.
 */
export async function linkBlobsToProject(db: Db, projectId: string, sha256s: readonly string[]): Promise<number> {
  if (!sha256s.length) return 0;
  const known = await db.blob.findMany({ where: { sha256: { in: [...new Set(sha256s)] } }, select: { sha256: true } });
  if (!known.length) return 0;
  const { count } = await db.projectBlob.createMany({ data: known.map((b) => ({ projectId, sha256: b.sha256 })), skipDuplicates: true });
  return count;
}

/**
 * Of `sha256s`, the blobs at least one of `userIds` may read (uploaded it: BlobUpload, or belongs to a project using it).
 * A live document may name any hash; only these may be granted to its project.
 */
export async function blobsReadableByAny(db: Db, userIds: readonly string[], sha256s: readonly string[]): Promise<string[]> {
  if (!userIds.length || !sha256s.length) return [];
  const rows = await db.$queryRaw<{ sha256: string }[]>`
    SELECT b.sha256 FROM "Blob" b
     WHERE b.sha256 = ANY(${[...new Set(sha256s)]}::text[])
       AND (EXISTS (SELECT 1 FROM "BlobUpload" bu WHERE bu.sha256 = b.sha256 AND bu."userId" = ANY(${[...new Set(userIds)]}::uuid[]))
            OR EXISTS (SELECT 1 FROM "ProjectBlob" pb JOIN "Membership" m ON m."projectId" = pb."projectId"
                        WHERE pb.sha256 = b.sha256 AND m."userId" = ANY(${[...new Set(userIds)]}::uuid[])))`;
  return rows.map((r) => r.sha256);
}

/**
 * Links to the project the blobs among `sha256s` that one of `userIds` (the authors of the edit) could already read.
 * Hashes nobody involved could read are ignored: referencing another project's blob hash grants nothing.
 */
export async function linkReadableBlobsToProject(db: Db, projectId: string, userIds: readonly string[],
  sha256s: readonly string[]): Promise<number> {
  return linkBlobsToProject(db, projectId, await blobsReadableByAny(db, userIds, sha256s));
}

/** Of `sha256s`, those linked to the project (what an export of the project may read). */
export async function blobsOfProject(db: Db, projectId: string, sha256s: readonly string[]): Promise<Set<string>> {
  if (!sha256s.length) return new Set();
  const rows = await db.projectBlob.findMany({ where: { projectId, sha256: { in: [...new Set(sha256s)] } }, select: { sha256: true } });
  return new Set(rows.map((r) => r.sha256));
}
