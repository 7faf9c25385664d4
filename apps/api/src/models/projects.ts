import type { Db, Project, Role } from './db.js';

export interface ProjectCursor {
  createdAt: Date;
  id: string;
}

/** Projects the user is a member of, newest first, after the cursor; `limit + 1` rows tell whether more follow. */
export function listProjectsForUser(db: Db, userId: string, limit: number, after: ProjectCursor | null):
  Promise<Project[]> {
  return db.project.findMany({
    where: {
      memberships: { some: { userId } },
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
}

export function findProjectsByIds(db: Db, ids: readonly string[]): Promise<Project[]> {
  return db.project.findMany({ where: { id: { in: [...ids] } } });
}

export function renameProject(db: Db, id: string, name: string): Promise<Project> {
  return db.project.update({ where: { id }, data: { name } });
}

export async function deleteProject(db: Db, id: string): Promise<void> {
  await db.project.deleteMany({ where: { id } });
}

export type { Role };
