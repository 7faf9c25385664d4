import type { Db, Membership, Prisma, Project, Version, VersionNode, VersionReason } from './db.js';
import { latestVersionOf, nodesOfVersionIds } from './hotQueries.js';

export type VersionNodeRow = Omit<VersionNode, 'versionId'>;
export type VersionSummary = Omit<Version, 'state'>;

const summary = { state: true } as const;

export interface NewVersion {
  projectId: string;
  reason: VersionReason;
  name?: string | null;
  description?: string | null;
  /** Yjs state (Y.encodeStateAsUpdate) */
  state: Uint8Array;
  upToSeq?: bigint;
  width: number;
  height: number;
  nodes: readonly VersionNodeRow[];
  authorIds: readonly string[];
}

type Tx = Prisma.TransactionClient;

async function insertVersion(tx: Tx, v: NewVersion): Promise<VersionSummary> {
  const version = await tx.version.create({
    data: { projectId: v.projectId, reason: v.reason, name: v.name ?? null, description: v.description ?? null,
      state: Uint8Array.from(v.state), upToSeq: v.upToSeq ?? 0n, width: v.width, height: v.height },
    omit: summary,
  });
  if (v.authorIds.length) {
    await tx.versionAuthor.createMany({ data: [...new Set(v.authorIds)].map((userId) => ({ versionId: version.id, userId })) });
  }
  if (v.nodes.length) {
    await tx.versionNode.createMany({
      data: v.nodes.map((n) => ({ ...n, versionId: version.id, props: n.props ?? {} })) as Prisma.VersionNodeCreateManyInput[],
    });
    const blobs = [...new Set(v.nodes.map((n) => n.blobSha).filter((b): b is string => !!b))];
    if (blobs.length) {
      await tx.projectBlob.createMany({ data: blobs.map((sha256) => ({ projectId: v.projectId, sha256 })), skipDuplicates: true });
    }
  }
  return version;
}

/** Stores an immutable checkpoint (state + materialised rows) and marks its blobs as used by the project. */
export function createVersion(db: Db, v: NewVersion): Promise<VersionSummary> {
  return db.$transaction((tx) => insertVersion(tx, v));
}

/** A new project with its owner and, when given, a first version. */
export function createProjectWithOwner(db: Db, p: { name: string; width: number; height: number; ownerId: string;
  firstVersion: Omit<NewVersion, 'projectId'> | null }): Promise<{ project: Project; membership: Membership }> {
  return db.$transaction(async (tx) => {
    const project = await tx.project.create({ data: { name: p.name, width: p.width, height: p.height } });
    const membership = await tx.membership.create({ data: { projectId: project.id, userId: p.ownerId, role: 'owner' } });
    if (p.firstVersion) await insertVersion(tx, { ...p.firstVersion, projectId: project.id });
    return { project, membership };
  });
}

export function latestVersion(db: Db, projectId: string): Promise<VersionSummary | null> {
  return latestVersionOf(db, projectId);
}

export function listVersions(db: Db, projectId: string, limit: number, after: { createdAt: Date; id: string } | null):
  Promise<VersionSummary[]> {
  return db.version.findMany({
    where: {
      projectId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    omit: summary,
  });
}

export function findVersionsByIds(db: Db, ids: readonly string[]): Promise<VersionSummary[]> {
  return db.version.findMany({ where: { id: { in: [...ids] } }, omit: summary });
}

export function nodesOfVersions(db: Db, versionIds: readonly string[]): Promise<VersionNode[]> {
  return nodesOfVersionIds(db, versionIds);
}

export function authorsOfVersions(db: Db, versionIds: readonly string[]): Promise<{ versionId: string; userId: string }[]> {
  return db.versionAuthor.findMany({ where: { versionId: { in: [...versionIds] } } });
}

export async function versionState(db: Db, id: string): Promise<Uint8Array | null> {
  const v = await db.version.findUnique({ where: { id }, select: { state: true } });
  return v?.state ?? null;
}
