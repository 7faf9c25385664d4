import type { Db, Project, Role } from './db.js';
import { projectsByIds, projectsOfUserPage } from './hotQueries.js';

export interface ProjectCursor {
  createdAt: Date;
  id: string;
}

/**
 * Projects the user is a member of (with the user's role), newest first, after the cursor; `limit + 1` rows tell
 * whether more follow.
 */
export function listProjectsForUser(db: Db, userId: string, limit: number, after: ProjectCursor | null):
  Promise<(Project & { role: Role })[]> {
  return projectsOfUserPage(db, userId, limit, after);
}

export function findProjectsByIds(db: Db, ids: readonly string[]): Promise<Project[]> {
  return projectsByIds(db, ids);
}

export function renameProject(db: Db, id: string, name: string): Promise<Project> {
  return db.project.update({ where: { id }, data: { name } });
}

export async function deleteProject(db: Db, id: string): Promise<void> {
  await db.project.deleteMany({ where: { id } });
}

export type { Role };
