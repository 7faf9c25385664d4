/**
 * Raw SQL for the read paths every request takes. Prisma 6.19's client engine compiles each model query in WASM
 * (~2.5 ms CPU per query here) while `$queryRaw` costs ~1 ms, so the hottest reads are written out by hand.
 * Each returns the same shape as the Prisma model query it replaces.
 */
import { Prisma, type Db, type Membership, type Project, type Role, type VersionNode } from './db.js';
import type { VersionSummary } from './versions.js';

const uuidList = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

export function projectsByIds(db: Db, ids: readonly string[]): Promise<Project[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.$queryRaw<Project[]>`
    SELECT id::text AS id, name, width, height, "createdAt", "updatedAt" FROM "Project" WHERE id IN (${uuidList(ids)})`;
}

export function membershipsOfUser(db: Db, userId: string, projectIds: readonly string[]): Promise<Membership[]> {
  if (!projectIds.length) return Promise.resolve([]);
  return db.$queryRaw<Membership[]>`
    SELECT id::text AS id, "projectId"::text AS "projectId", "userId"::text AS "userId", role::text AS role, "createdAt"
    FROM "Membership" WHERE "userId" = ${userId}::uuid AND "projectId" IN (${uuidList(projectIds)})`;
}

export function latestVersionOf(db: Db, projectId: string): Promise<VersionSummary | null> {
  return db.$queryRaw<VersionSummary[]>`
    SELECT id::text AS id, "projectId"::text AS "projectId", name, description, reason::text AS reason, "upToSeq",
      width, height, "createdAt"
    FROM "Version" WHERE "projectId" = ${projectId}::uuid ORDER BY "createdAt" DESC, id DESC LIMIT 1`
    .then((rows) => rows[0] ?? null);
}

export function nodesOfVersionIds(db: Db, versionIds: readonly string[]): Promise<VersionNode[]> {
  if (!versionIds.length) return Promise.resolve([]);
  return db.$queryRaw<VersionNode[]>`
    SELECT "versionId"::text AS "versionId", "nodeId", "parentId", "order", type, kind, name, visible, locked, opacity,
      "blendMode", x, y, width, height, "blobSha", props
    FROM "VersionNode" WHERE "versionId" IN (${uuidList(versionIds)})`;
}

export function projectsOfUserPage(db: Db, userId: string, limit: number, after: { createdAt: Date; id: string } | null):
  Promise<(Project & { role: Role })[]> {
  const cursor = after
    ? Prisma.sql`AND (p."createdAt" < ${after.createdAt} OR (p."createdAt" = ${after.createdAt} AND p.id < ${after.id}::uuid))`
    : Prisma.empty;
  return db.$queryRaw<(Project & { role: Role })[]>`
    SELECT p.id::text AS id, p.name, p.width, p.height, p."createdAt", p."updatedAt", m.role::text AS role
    FROM "Project" p JOIN "Membership" m ON m."projectId" = p.id AND m."userId" = ${userId}::uuid
    WHERE TRUE ${cursor}
    ORDER BY p."createdAt" DESC, p.id DESC LIMIT ${limit}`;
}
