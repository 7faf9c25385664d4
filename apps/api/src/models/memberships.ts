import type { Db, Membership, Role } from './db.js';
import { isUniqueViolation } from './dbErrors.js';
import { membershipsOfUser } from './hotQueries.js';

/** The memberships of these (project, user) pairs; one simple query per user (usually one: the caller). */
export async function findMemberships(db: Db, pairs: readonly { projectId: string; userId: string }[]):
  Promise<Membership[]> {
  const byUser = new Map<string, string[]>();
  for (const p of pairs) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p.projectId]);
  const results = await Promise.all([...byUser].map(([userId, projectIds]) => membershipsOfUser(db, userId, projectIds)));
  return results.flat();
}

export function findMembershipsByIds(db: Db, ids: readonly string[]): Promise<Membership[]> {
  return db.membership.findMany({ where: { id: { in: [...ids] } } });
}

export function listMembersOfProjects(db: Db, projectIds: readonly string[]): Promise<Membership[]> {
  return db.membership.findMany({ where: { projectId: { in: [...projectIds] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function addMember(db: Db, data: { projectId: string; userId: string; role: Role }):
  Promise<Membership | 'already-member'> {
  try {
    return await db.membership.create({ data });
  } catch (e) {
    if (isUniqueViolation(e)) return 'already-member';
    throw e;
  }
}

/**
 * Changes a role or removes a member unless that would leave the project without an owner. Serialised per project
 * (row lock on the project) so two concurrent demotions cannot both pass the check.
 */
export async function changeMembership(db: Db, membershipId: string, change: { role: Role } | 'remove'):
  Promise<Membership | 'not-found' | 'last-owner'> {
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!m) return 'not-found';
    await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${m.projectId}::uuid FOR UPDATE`;
    const losesOwner = m.role === 'owner' && (change === 'remove' || change.role !== 'owner');
    if (losesOwner) {
      const owners = await tx.membership.count({ where: { projectId: m.projectId, role: 'owner' } });
      if (owners <= 1) return 'last-owner';
    }
    if (change === 'remove') {
      await tx.membership.delete({ where: { id: m.id } });
      return m;
    }
    return tx.membership.update({ where: { id: m.id }, data: { role: change.role } });
  });
}

/** Do the two users have a project in common? */
export async function sharesProject(db: Db, userA: string, userB: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ ok: number }[]>`
    SELECT 1 AS ok FROM "Membership" a JOIN "Membership" b ON a."projectId" = b."projectId"
    WHERE a."userId" = ${userA}::uuid AND b."userId" = ${userB}::uuid LIMIT 1`;
  return rows.length > 0;
}
